package io.sentryj.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void literalsBecomePlaceholdersAndNamesStay() {
    assertThat(SqlText.sanitize("SELECT * FROM t1 WHERE name = 'o''brien' AND age > 42.5"))
        .isEqualTo("SELECT * FROM t1 WHERE name = ? AND age > ?");
    assertThat(SqlText.sanitize("SELECT \"col 1\", `x2` FROM t WHERE id = ?"))
        .isEqualTo("SELECT \"col 1\", `x2` FROM t WHERE id = ?");
    assertThat(SqlText.sanitize("UPDATE t SET s = 'unterminated")).isEqualTo("UPDATE t SET s = ?");
  }

  @Test
  void longSqlIsCut() {
    assertThat(SqlText.sanitize("x".repeat(5000))).hasSize(SqlText.MAX_LENGTH);
  }

  @Test
  void theDatabaseSystemComesFromTheUrl() {
    assertThat(JdbcHooks.systemOf("jdbc:postgresql://db/shop")).isEqualTo("postgresql");
    assertThat(JdbcHooks.systemOf("jdbc:h2:mem:x")).isEqualTo("h2");
    assertThat(JdbcHooks.systemOf("not a url")).isEmpty();
    assertThat(JdbcHooks.systemOf(null)).isEmpty();
  }
}
