package io.sentryj.internal.scrub;

import org.jspecify.annotations.Nullable;

/**
 * Decides which keys and values are secrets, for request headers, query strings, bodies, MDC and
 * any other map an integration sends. Keys match by substring, case-insensitively, ignoring {@code
 * -} and {@code _}: {@code X-Api-Key}, {@code apiKey} and {@code api_key} are all caught.
 */
public final class Scrubber {
  /** What a scrubbed value is replaced with. */
  public static final String FILTERED = "[Filtered]";

  /** Normalized fragments (lower case, no separators) of keys whose values are never sent. */
  private static final String[] SENSITIVE_FRAGMENTS = {
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
    "jwt",
  };

  private Scrubber() {}

  /** Whether values under this key are never sent. */
  public static boolean isSensitiveKey(@Nullable String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    String normalized = normalize(key);
    for (String fragment : SENSITIVE_FRAGMENTS) {
      if (normalized.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '-' && c != '_' && c != '.' && c != ' ') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** The value to send for a key: {@link #FILTERED} for sensitive keys or card numbers. */
  public static String scrubValue(@Nullable String key, String value) {
    return isSensitiveKey(key) || looksLikeCardNumber(value) ? FILTERED : value;
  }

  /**
   * A query string with the values of sensitive parameters, and values that look like card numbers,
   * replaced by {@link #FILTERED}. Parameter order and names are kept.
   */
  public static String scrubQueryString(String query) {
    if (query.isEmpty()) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      String pair = query.substring(start, end);
      int eq = pair.indexOf('=');
      if (eq < 0) {
        out.append(pair);
      } else {
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        String decodedName = decode(name);
        boolean scrub = isSensitiveKey(decodedName) || looksLikeCardNumber(decode(value));
        out.append(name).append('=').append(scrub ? FILTERED : value);
      }
      if (end < query.length()) {
        out.append('&');
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static String decode(String text) {
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
    return normalize(key);
  }
}
