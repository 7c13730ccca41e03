package io.sentryj.internal.config;

import org.jspecify.annotations.Nullable;

/** The rules option values must keep, and the one form of error that names a broken one. */
public final class OptionRules {
  /** Relay rejects longer releases (protocol §3). */
  static final int MAX_RELEASE_LENGTH = 200;

  private OptionRules() {}

  /**
   * The error for a bad option value, in the one form every configuration error takes:
   *
   * <pre>
   * Invalid option sample-rate = "abc" (from system property sentry.sample-rate): must be a number from 0 to 1
   * </pre>
   *
   * @param shownValue the value as it may be shown: the caller masks secrets
   */
  public static IllegalArgumentException invalid(
      String key, String shownValue, String origin, String problem) {
    return new IllegalArgumentException(
        "Invalid option " + key + " = \"" + shownValue + "\" (from " + origin + "): " + problem);
  }

  /**
   * What is wrong with a release name, or null if Relay accepts it (protocol §3): at most 200
   * characters, no {@code /} nor control characters, no surrounding white space, and not {@code .},
   * {@code ..} or {@code latest}.
   */
  public static @Nullable String releaseProblem(String release) {
    if (release.trim().isEmpty()) {
      return "must not be empty";
    }
    if (release.length() > MAX_RELEASE_LENGTH) {
      return "must be at most " + MAX_RELEASE_LENGTH + " characters";
    }
    if (!release.trim().equals(release)) {
      return "must not start or end with white space";
    }
    if (release.equals(".") || release.equals("..") || release.equals("latest")) {
      return "must not be \".\", \"..\" or \"latest\"";
    }
    for (int i = 0; i < release.length(); i++) {
      char c = release.charAt(i);
      if (c == '/' || Character.isISOControl(c)) {
        return "must not contain '/' or control characters";
      }
    }
    return null;
  }
}
