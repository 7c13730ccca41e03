package io.sentryj.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.SentryLevel;
import org.junit.jupiter.api.Test;

class LogLevelTest {
  @Test
  void logbackLevelsMapByTheirNumbers() {
    assertThat(LogLevel.fromLogback(40000)).isEqualTo(LogLevel.ERROR);
    assertThat(LogLevel.fromLogback(30000)).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.fromLogback(20000)).isEqualTo(LogLevel.INFO);
    assertThat(LogLevel.fromLogback(10000)).isEqualTo(LogLevel.DEBUG);
    assertThat(LogLevel.fromLogback(5000)).isEqualTo(LogLevel.TRACE);
  }

  @Test
  void log4jLevelsAreMoreSevereWhenLower() {
    assertThat(LogLevel.fromLog4j(100)).isEqualTo(LogLevel.FATAL);
    assertThat(LogLevel.fromLog4j(200)).isEqualTo(LogLevel.ERROR);
    assertThat(LogLevel.fromLog4j(300)).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.fromLog4j(350)).as("a custom level").isEqualTo(LogLevel.INFO);
    assertThat(LogLevel.fromLog4j(400)).isEqualTo(LogLevel.INFO);
    assertThat(LogLevel.fromLog4j(500)).isEqualTo(LogLevel.DEBUG);
    assertThat(LogLevel.fromLog4j(600)).isEqualTo(LogLevel.TRACE);
  }

  @Test
  void julSevereIsAnErrorAndConfigADebugLine() {
    assertThat(LogLevel.fromJul(1000)).isEqualTo(LogLevel.ERROR);
    assertThat(LogLevel.fromJul(900)).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.fromJul(800)).isEqualTo(LogLevel.INFO);
    assertThat(LogLevel.fromJul(700)).isEqualTo(LogLevel.DEBUG);
    assertThat(LogLevel.fromJul(500)).isEqualTo(LogLevel.DEBUG);
    assertThat(LogLevel.fromJul(400)).isEqualTo(LogLevel.TRACE);
  }

  @Test
  void warnIsWarningForEvents() {
    assertThat(LogLevel.WARN.sentryLevel()).isEqualTo(SentryLevel.WARNING);
    assertThat(LogLevel.TRACE.sentryLevel()).isEqualTo(SentryLevel.DEBUG);
    assertThat(LogLevel.FATAL.sentryLevel()).isEqualTo(SentryLevel.FATAL);
  }

  @Test
  void namesParseInAnyCaseAndUnknownOnesAreNull() {
    assertThat(LogLevel.parse(" warn ")).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.parse("ERROR")).isEqualTo(LogLevel.ERROR);
    assertThat(LogLevel.parse("loud")).isNull();
    assertThat(LogLevel.parse(null)).isNull();
    assertThat(LogLevel.ERROR.isAtLeast(LogLevel.WARN)).isTrue();
    assertThat(LogLevel.INFO.isAtLeast(LogLevel.WARN)).isFalse();
  }
}
