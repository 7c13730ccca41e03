package io.sentryj.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentArgsTest {
  @Test
  void pairsAreSplitOnCommasAndTheFirstEquals() {
    assertThat(AgentArgs.parse("dsn=https://k@h/1?a=b,environment=staging"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("dsn", "https://k@h/1?a=b"),
            org.assertj.core.api.Assertions.entry("environment", "staging"));
  }

  @Test
  void aPartWithoutEqualsContinuesTheListBeforeIt() {
    assertThat(AgentArgs.parse("in-app-includes=com.shop, com.lib,release=r@1"))
        .containsEntry("in-app-includes", "com.shop,com.lib")
        .containsEntry("release", "r@1");
  }

  @Test
  void emptyOrMissingArgumentsAreNoPairs() {
    assertThat(AgentArgs.parse(null)).isEmpty();
    assertThat(AgentArgs.parse("  ")).isEmpty();
  }

  @Test
  void anArgumentWithoutKeyIsRejected() {
    assertThatThrownBy(() -> AgentArgs.parse("staging,dsn=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"staging\"");
  }
}
