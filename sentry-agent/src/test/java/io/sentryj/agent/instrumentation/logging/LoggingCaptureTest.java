package io.sentryj.agent.instrumentation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.agent.bootstrap.LogBridge;
import io.sentryj.integration.LogLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingCaptureTest {
  private final LoggingCapture capture =
      new LoggingCapture(LogLevel.ERROR, LogLevel.WARN, LogLevel.ERROR);

  @Test
  void onlyRecordsAtOrAboveTheLowestThresholdAreWanted() {
    assertThat(capture.wants(LogBridge.LOGBACK, 30000)).isTrue();
    assertThat(capture.wants(LogBridge.LOGBACK, 20000)).isFalse();
    assertThat(capture.wants(LogBridge.LOG4J2, 300)).isTrue();
    assertThat(capture.wants(LogBridge.LOG4J2, 400)).isFalse();
    assertThat(capture.wants(LogBridge.JUL, 1000)).isTrue();
    assertThat(capture.wants(LogBridge.JUL, 800)).isFalse();
  }

  @Test
  void thresholdsComeFromTheSettingsAndABadOneFallsBackToTheDefault() {
    Map<String, String> settings =
        Map.of(
            LoggingCapture.EVENT_LEVEL, "warn",
            LoggingCapture.BREADCRUMB_LEVEL, "loud");
    LoggingCapture fromSettings = LoggingCapture.install(settings::get);
    try {
      assertThat(fromSettings.toString())
          .isEqualTo("LoggingCapture{events=WARN, breadcrumbs=INFO, logs=INFO}");
    } finally {
      LogBridge.install(null);
    }
  }

  @Test
  void julMessagesAreFormattedOnlyWithParametersAndAPlaceholder() {
    assertThat(LoggingCapture.format("stock low for {0}", new Object[] {"apples"}))
        .isEqualTo("stock low for apples");
    assertThat(LoggingCapture.format("50% off {x}", new Object[] {"apples"}))
        .isEqualTo("50% off {x}");
    assertThat(LoggingCapture.format("plain", null)).isEqualTo("plain");
    assertThat(LoggingCapture.format(null, null)).isNull();
  }
}
