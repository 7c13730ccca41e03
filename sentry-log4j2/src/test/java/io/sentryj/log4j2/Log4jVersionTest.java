package io.sentryj.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/** Guards the test matrix: each surefire execution runs on the Log4j line it names. */
class Log4jVersionTest {
  @Test
  void testsRunOnTheLog4jVersionTheBuildAskedFor() {
    String expected = System.getProperty("sentryj.test.log4j.version");
    assertThat(expected).as("set by the surefire execution").isNotBlank();
    String jar = LoggerContext.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertThat(jar).contains("log4j-core-" + expected + ".jar");
  }
}
