package io.sentryj.internal.scrub;

import org.jspecify.annotations.Nullable;

/**
 * The default rules as static helpers, for integrations that scrub what they collect themselves
 * (the servlet module's request data, the agent's outgoing requests): which keys are secrets
 * ({@link SensitiveKeys#DEFAULT}), card numbers, query strings. Every event also goes through
 * {@link EventScrubber}, with the options' rules, as it leaves the application.
 */
public final class Scrubber {
  /** What a scrubbed value is replaced with. */
  public static final String FILTERED = "[Filtered]";

  // the event scrubber's own parameter rules, with the default keys
  private static final RequestScrubber DEFAULT_REQUEST =
      new RequestScrubber(
          new EventScrubber(SensitiveKeys.DEFAULT, true), SensitiveKeys.DEFAULT, true);

  private Scrubber() {}

  /** Whether values under this key are never sent, by the default rules. */
  public static boolean isSensitiveKey(@Nullable String key) {
    return SensitiveKeys.DEFAULT.isSensitive(key);
  }

  /** The value to send for a key: {@link #FILTERED} for sensitive keys or card numbers. */
  public static String scrubValue(@Nullable String key, String value) {
    return isSensitiveKey(key) || looksLikeCardNumber(value) ? FILTERED : value;
  }

  /**
   * A query string with the values of sensitive parameters, and values holding a secret (a card
   * number, a token), replaced by {@link #FILTERED}. Parameter order and names are kept.
   */
  public static String scrubQueryString(String query) {
    return query.isEmpty() ? query : DEFAULT_REQUEST.parameters(query);
  }

  /** URL-decoded text (UTF-8), or the text itself when it is not validly encoded. */
  static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, "UTF-8");
    } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
      return text;
    }
  }

  /**
   * Whether the text is a payment card number: 13 to 19 digits (spaces and dashes allowed between
   * them) that pass the Luhn check.
   */
  public static boolean looksLikeCardNumber(@Nullable String value) {
    if (value == null) {
      return false;
    }
    int length = value.length();
    if (length < 13 || length > 23) {
      return false;
    }
    int digits = 0;
    int sum = 0;
    boolean doubleIt = false;
    for (int i = length - 1; i >= 0; i--) {
      char c = value.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
      digits++;
    }
    return digits >= 13 && digits <= 19 && sum % 10 == 0;
  }

  /** The form keys are matched in: lower case, without separators. */
  static String normalizedForTest(String key) {
    return SensitiveKeys.normalize(key);
  }
}
