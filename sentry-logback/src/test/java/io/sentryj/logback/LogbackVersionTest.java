package io.sentryj.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

/** Guards the test matrix: each surefire execution runs on the Logback line it names. */
class LogbackVersionTest {
  @Test
  void testsRunOnTheLogbackVersionTheBuildAskedFor() {
    String expected = System.getProperty("sentryj.test.logback.version");
    assertThat(expected).as("set by the surefire execution").isNotBlank();
    String jar = LoggerContext.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertThat(jar).contains("logback-classic-" + expected + ".jar");
  }
}
