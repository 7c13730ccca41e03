package io.sentryj.internal.scrub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which keys name secrets: a key is sensitive when its normalized form (lower case, without {@code
 * -}, {@code _}, {@code .} and spaces) contains one of the fragments, and is not one of the safe
 * names. {@code X-Api-Key}, {@code apiKey} and {@code api_key} are all caught by {@code apikey}.
 * Immutable and thread-safe; answers for short keys are remembered, since the same keys (headers,
 * MDC keys, tags) come with every event.
 */
public final class SensitiveKeys {
  /** Normalized fragments of keys whose values are never sent, whatever the options. */
  static final List<String> DEFAULT_FRAGMENTS =
      Arrays.asList(
          "password",
          "passwd",
          "pwd",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "privatekey",
          "auth",
          "credential",
          "cookie",
          "session",
          "csrf",
          "xsrf",
          "creditcard",
          "cardnumber",
          "ccnumber",
          "cvv",
          "cvc",
          "ssn",
          "iban",
          "signature",
          "bearer",
          "jwt");

  /** The default rules: the fragments above, no safe names. */
  public static final SensitiveKeys DEFAULT =
      new SensitiveKeys(Arrays.<String>asList(), Arrays.<String>asList());

  private static final int CACHE_SIZE = 256;
  private static final int CACHED_KEY_CHARS = 64;

  private final String[] fragments;
  private final Set<String> safe;
  private final @Nullable Answer[] cache = new Answer[CACHE_SIZE];

  /**
   * Rules with more fragments ({@code scrub-fields}) and names that are never sensitive ({@code
   * safe-fields}), both normalized here.
   */
  public SensitiveKeys(Collection<String> extraFragments, Collection<String> safeNames) {
    List<String> all = new ArrayList<>(DEFAULT_FRAGMENTS);
    for (String f : extraFragments) {
      String n = normalize(f);
      if (!n.isEmpty() && !all.contains(n)) {
        all.add(n);
      }
    }
    this.fragments = all.toArray(new String[0]);
    Set<String> s = new HashSet<>();
    for (String name : safeNames) {
      s.add(normalize(name));
    }
    this.safe = s;
  }

  /** Whether values under this key are never sent. */
  public boolean isSensitive(@Nullable String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    if (key.length() > CACHED_KEY_CHARS) {
      return compute(key);
    }
    int slot = key.hashCode() & (CACHE_SIZE - 1);
    Answer a = cache[slot];
    if (a != null && a.key.equals(key)) {
      return a.sensitive;
    }
    boolean sensitive = compute(key);
    cache[slot] = new Answer(key, sensitive); // racy, but an Answer is immutable
    return sensitive;
  }

  /** Whether this key was named safe: no rule of the scrubber touches its value. */
  public boolean isSafe(@Nullable String key) {
    return key != null && !safe.isEmpty() && safe.contains(normalize(key));
  }

  private boolean compute(String key) {
    String normalized = normalize(key);
    if (safe.contains(normalized)) {
      return false;
    }
    for (String fragment : fragments) {
      if (normalized.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /** The form keys are matched in: lower case, without separators. */
  static String normalize(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '-' && c != '_' && c != '.' && c != ' ') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "SensitiveKeys{" + fragments.length + " fragments, safe=" + safe + '}';
  }

  private static final class Answer {
    final String key;
    final boolean sensitive;

    Answer(String key, boolean sensitive) {
      this.key = key;
      this.sensitive = sensitive;
    }
  }
}
