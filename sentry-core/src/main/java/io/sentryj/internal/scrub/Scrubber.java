package io.sentryj.internal.scrub;

import java.util.Locale;

/**
 * Stand-in with the API of the shared scrubber being written on main; main's version replaces this
 * file when it lands. Decides which keys and values are sensitive.
 */
public final class Scrubber {
  /** What a sensitive value is replaced with. */
  public static final String FILTERED = "[Filtered]";

  private static final String[] SENSITIVE = {
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "api-key",
    "auth",
    "cookie",
    "session",
    "credit",
    "card",
    "csrf",
    "xsrf",
    "private_key",
    "ssn"
  };

  private Scrubber() {}

  /** Whether values under this key must not be sent (case-insensitive, substring-based). */
  public static boolean isSensitiveKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String s : SENSITIVE) {
      if (lower.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The query string with the values of sensitive keys replaced by {@link #FILTERED}. */
  public static String scrubQueryString(String query) {
    StringBuilder sb = new StringBuilder(query.length());
    for (String pair : query.split("&", -1)) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (eq >= 0 && (isSensitiveKey(key) || looksLikeCardNumber(value))) {
        sb.append(key).append('=').append(FILTERED);
      } else {
        sb.append(pair);
      }
    }
    return sb.toString();
  }

  /** Whether the value is 13 to 19 digits (spaces and dashes allowed) passing the Luhn check. */
  public static boolean looksLikeCardNumber(String value) {
    int digits = 0;
    int sum = 0;
    for (int i = value.length() - 1; i >= 0; i--) {
      char c = value.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (digits % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits >= 13 && digits <= 19 && sum % 10 == 0;
  }
}
