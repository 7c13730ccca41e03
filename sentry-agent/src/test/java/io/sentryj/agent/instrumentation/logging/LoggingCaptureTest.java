package io.sentryj.agent.instrumentation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.integration.LogLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingCaptureTest {
  private final LoggingCapture capture =
      new LoggingCapture(LogLevel.ERROR, LogLevel.WARN, LogLevel.ERROR);

  @Test
  void onlyRecordsAtOrAboveTheLowestThresholdAreWanted() {
    assertThat(capture.wants(LogSink.LOGBACK, 30000)).isTrue();
    assertThat(capture.wants(LogSink.LOGBACK, 20000)).isFalse();
    assertThat(capture.wants(LogSink.LOG4J2, 300)).isTrue();
    assertThat(capture.wants(LogSink.LOG4J2, 400)).isFalse();
    assertThat(capture.wants(LogSink.JUL, 1000)).isTrue();
    assertThat(capture.wants(LogSink.JUL, 800)).isFalse();
  }

  @Test
  void thresholdsComeFromTheSettingsAndABadOneFallsBackToTheDefault() {
    Map<String, String> settings =
        Map.of(
            LoggingCapture.EVENT_LEVEL, "warn",
            LoggingCapture.BREADCRUMB_LEVEL, "loud");
    LoggingCapture fromSettings = LoggingCapture.of(settings::get);

    assertThat(fromSettings.toString())
        .isEqualTo("LoggingCapture{events=WARN, breadcrumbs=INFO, logs=INFO}");
  }
}
