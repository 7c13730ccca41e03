package io.sentryj.internal.scrub;

import org.jspecify.annotations.Nullable;

/**
 * Finds secrets inside free text (messages, exception values, breadcrumb messages, header and query
 * values) and replaces each with {@code [Filtered]}, keeping the rest of the text:
 *
 * <ul>
 *   <li>payment card numbers: 13 to 19 digits, single spaces or dashes between groups allowed,
 *       starting with 2 to 6 (the card networks' ranges, which keeps epoch milliseconds and most
 *       ids out) and passing the Luhn check;
 *   <li>the token (8 characters or more) after {@code Bearer };
 *   <li>JSON Web Tokens: {@code eyJ...} followed by two more dot-separated base64url parts;
 *   <li>PEM private keys, from {@code -----BEGIN ... PRIVATE KEY-----} to its {@code END} line (to
 *       the end of the text when it was cut);
 *   <li>credentials in URLs: {@code scheme://user:password@host} keeps {@code scheme://} and
 *       {@code @host};
 *   <li>the value of a sensitive key written {@code key=value} (query strings, form bodies, log
 *       lines) or {@code "key": value} (JSON).
 * </ul>
 *
 * One pass over the text; a text without secrets is returned as the same instance and costs no
 * allocation. Thread-safe.
 */
final class TextScrubber {
  private static final long NO_MATCH = -1L;

  /** The characters a secret can start at (see {@link #match}). */
  private static final boolean[] TRIGGERS = new boolean[128];

  static {
    for (char c : "0123456789bBe-:=".toCharArray()) {
      TRIGGERS[c] = true;
    }
  }

  private static final int MAX_KEY_CHARS = 64;
  // shorter words after "bearer" are prose ("the bearer of bad news"), not tokens
  private static final int MIN_TOKEN_CHARS = 8;

  private final SensitiveKeys keys;

  TextScrubber(SensitiveKeys keys) {
    this.keys = keys;
  }

  /** The text with every secret found replaced by {@link Scrubber#FILTERED}. */
  String scrub(String s) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= TRIGGERS.length || !TRIGGERS[c]) {
        i++; // most characters start nothing: one table lookup
        continue;
      }
      long match = match(s, i, c);
      if (match == NO_MATCH) {
        i++;
        continue;
      }
      int from = (int) (match >>> 32);
      int to = (int) match;
      if (to <= from) {
        i = Math.max(i + 1, to); // nothing to replace: skip what was looked at
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n + 16);
      }
      out.append(s, copied, from).append(Scrubber.FILTERED);
      copied = to;
      i = to;
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /** The span to replace at {@code i}, packed {@code from << 32 | to}, or {@link #NO_MATCH}. */
  private long match(String s, int i, char c) {
    switch (c) {
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return cardNumber(s, i);
      case 'b':
      case 'B':
        return bearer(s, i);
      case 'e':
        return jwt(s, i);
      case '-':
        return pemKey(s, i);
      case ':':
        return s.startsWith("//", i + 1) ? urlCredentials(s, i) : quotedKeyValue(s, i);
      case '=':
        return keyValue(s, i);
      default:
        return NO_MATCH;
    }
  }

  private static long span(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isBase64Url(char c) {
    return isAlnum(c) || c == '-' || c == '_';
  }

  private long cardNumber(String s, int start) {
    if (start > 0 && isAlnum(s.charAt(start - 1))) {
      return NO_MATCH;
    }
    int n = s.length();
    int digits = 0;
    int end = start;
    int i = start;
    while (i < n && digits < 20) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        end = ++i;
      } else if ((c == ' ' || c == '-') && i + 1 < n && isDigit(s.charAt(i + 1)) && i > start) {
        i++;
      } else {
        break;
      }
    }
    if (end < n && isAlnum(s.charAt(end))) {
      return skip(end); // glued to more text: not a number on its own
    }
    char first = s.charAt(start);
    boolean card =
        digits >= 13 && digits <= 19 && first >= '2' && first <= '6' && luhn(s, start, end);
    return card ? span(start, end) : skip(end);
  }

  /** A match that replaces nothing and resumes the scan at {@code to}. */
  private static long skip(int to) {
    return span(to, to);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean luhn(String s, int from, int to) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = to - 1; i >= from; i--) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (doubleIt) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  private static long bearer(String s, int i) {
    if (i + 6 >= s.length()
        || (s.charAt(i + 1) | 0x20) != 'e'
        || !s.regionMatches(true, i, "bearer", 0, 6)
        || (i > 0 && isAlnum(s.charAt(i - 1)))) {
      return NO_MATCH;
    }
    int n = s.length();
    int from = i + 6;
    if (from >= n || s.charAt(from) != ' ') {
      return NO_MATCH;
    }
    while (from < n && s.charAt(from) == ' ') {
      from++;
    }
    int to = from;
    while (to < n && !isTokenEnd(s.charAt(to))) {
      to++;
    }
    boolean token = to - from >= MIN_TOKEN_CHARS && !s.startsWith(Scrubber.FILTERED, from);
    return token ? span(from, to) : NO_MATCH;
  }

  private static boolean isTokenEnd(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ',' || c == ';';
  }

  private static long jwt(String s, int i) {
    if (!s.startsWith("eyJ", i) || (i > 0 && isBase64Url(s.charAt(i - 1)))) {
      return NO_MATCH;
    }
    int n = s.length();
    int end = i;
    for (int part = 0; part < 3; part++) {
      int from = end;
      while (end < n && isBase64Url(s.charAt(end))) {
        end++;
      }
      if (part < 2 && (end - from < 2 || end >= n || s.charAt(end) != '.')) {
        return NO_MATCH;
      }
      if (part < 2) {
        end++;
      }
    }
    return span(i, end);
  }

  private static long pemKey(String s, int i) {
    if (!s.startsWith("-----BEGIN ", i)) {
      return NO_MATCH;
    }
    int lineEnd = s.indexOf("-----", i + 11);
    if (lineEnd < 0 || lineEnd - i > 80 || !s.startsWith("PRIVATE KEY", lineEnd - 11)) {
      return NO_MATCH;
    }
    int endLine = s.indexOf("-----END ", lineEnd + 5);
    if (endLine < 0) {
      return span(i, s.length());
    }
    int close = s.indexOf("-----", endLine + 9);
    return span(i, close < 0 ? s.length() : close + 5);
  }

  /** At the {@code :} of {@code scheme://}: the user information before {@code @host}. */
  private static long urlCredentials(String s, int colon) {
    if (colon == 0 || !Character.isLetter(s.charAt(colon - 1))) {
      return NO_MATCH;
    }
    int n = s.length();
    int from = colon + 3;
    int at = -1;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '@') {
        at = i;
      } else if (c == '/' || c == '?' || c == '#' || isTokenEnd(c) || c == '<' || c == '>') {
        break;
      }
    }
    return at > from && !s.startsWith(Scrubber.FILTERED, from) ? span(from, at) : skip(from);
  }

  /** At an {@code =}: the value after it when the word before it is a sensitive key. */
  private long keyValue(String s, int eq) {
    int keyStart = eq;
    while (keyStart > 0 && eq - keyStart < MAX_KEY_CHARS && isKeyChar(s.charAt(keyStart - 1))) {
      keyStart--;
    }
    if (keyStart == eq || !keys.isSensitive(s.substring(keyStart, eq))) {
      return NO_MATCH;
    }
    int n = s.length();
    int to = eq + 1;
    while (to < n && !isValueEnd(s.charAt(to))) {
      to++;
    }
    boolean secret = to > eq + 1 && !s.startsWith(Scrubber.FILTERED, eq + 1);
    return secret && !isPlaceholder(s, eq + 1, n) ? span(eq + 1, to) : NO_MATCH;
  }

  /** A message template's placeholder ({@code {}}, {@code {0}}, {@code %s}): nothing to hide. */
  private static boolean isPlaceholder(String s, int from, int n) {
    char c = s.charAt(from);
    if (c == '%') {
      return from + 1 < n && Character.isLetter(s.charAt(from + 1));
    }
    if (c != '{') {
      return false;
    }
    int i = from + 1;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    return i < n && s.charAt(i) == '}';
  }

  private static boolean isKeyChar(char c) {
    return isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
  }

  private static boolean isValueEnd(char c) {
    return c == '&' || isTokenEnd(c) || c == '<' || c == '>' || c == ')' || c == '}';
  }

  /** At the {@code :} of {@code "key": value}: the value when the quoted key is sensitive. */
  private long quotedKeyValue(String s, int colon) {
    int close = colon - 1;
    while (close >= 0 && s.charAt(close) == ' ') {
      close--;
    }
    if (close <= 0 || s.charAt(close) != '"') {
      return NO_MATCH;
    }
    int open = s.lastIndexOf('"', close - 1);
    if (open < 0 || close - open - 1 > MAX_KEY_CHARS) {
      return NO_MATCH;
    }
    String key = s.substring(open + 1, close);
    if (!keys.isSensitive(key)) {
      return NO_MATCH;
    }
    return jsonValue(s, colon + 1);
  }

  private static long jsonValue(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n && s.charAt(i) == ' ') {
      i++;
    }
    if (i < n && s.charAt(i) == '"') {
      int end = closingQuote(s, i + 1);
      boolean filtered = s.startsWith(Scrubber.FILTERED + '"', i + 1);
      return end > i + 1 && !filtered ? span(i + 1, end) : NO_MATCH;
    }
    int end = i;
    while (end < n && ",}] \n\r\t".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return end > i ? span(i, end) : NO_MATCH;
  }

  private static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return s.length();
  }

  @Override
  public String toString() {
    return "TextScrubber{" + keys + '}';
  }

  /** For tests: the text, scrubbed by the default rules. */
  static String scrubDefault(@Nullable String s) {
    return s == null ? "" : new TextScrubber(SensitiveKeys.DEFAULT).scrub(s);
  }
}
