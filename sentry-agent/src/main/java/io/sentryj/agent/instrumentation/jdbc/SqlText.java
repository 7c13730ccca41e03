package io.sentryj.agent.instrumentation.jdbc;

/**
 * The SQL of a breadcrumb: literal values replaced with {@code ?}, so that a statement built by
 * concatenation sends no more than a prepared one. Quoted strings ({@code '...'}, with {@code ''}
 * inside) and numbers that are not part of a name become {@code ?}; quoted names ({@code "..."},
 * {@code `...`}) stay. Cut at {@link #MAX_LENGTH} characters.
 */
final class SqlText {
  static final int MAX_LENGTH = 2000;

  private SqlText() {}

  static String sanitize(String sql) {
    StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH));
    int n = sql.length();
    int i = 0;
    while (i < n && out.length() < MAX_LENGTH) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = skipQuoted(sql, i, '\'');
        out.append('?');
      } else if (c == '"' || c == '`') {
        int end = skipQuoted(sql, i, c);
        out.append(sql, i, end);
        i = end;
      } else if (isDigit(c) && !partOfName(sql, i)) {
        while (i < n && (isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.append('?');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
  }

  /** The index after the quoted text starting at {@code start}; a doubled quote stays inside. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean partOfName(String sql, int i) {
    if (i == 0) {
      return false;
    }
    char before = sql.charAt(i - 1);
    return Character.isLetterOrDigit(before) || before == '_' || before == '$';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
