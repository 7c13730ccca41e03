package io.sentryj.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogIntegrationTest {
  private static final String DSN = "https://public@o1.ingest.sentry.io/42";

  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void tearDown() {
    Sentry.close();
  }

  @Test
  void anSdkTheModulesStartedIsClosedByTheLastOfThemOnly() {
    LogIntegration first = LogIntegration.builder("auto.log.test").build();
    LogIntegration second = LogIntegration.builder("auto.log.test").build();

    assertThat(first.bind(DSN, options(), "test", o -> transport))
        .isEqualTo(LogIntegration.Binding.STARTED);
    assertThat(second.bind(null, Collections.emptyMap(), "test", o -> transport))
        .isEqualTo(LogIntegration.Binding.RUNNING);
    first.release();
    first.release(); // idempotent: still one user
    assertThat(Sentry.isEnabled()).isTrue();
    second.release();

    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void anSdkStartedInCodeIsUsedAndNeverClosedByAModule() {
    Sentry.init(o -> o.dsn(DSN).externalConfiguration(false).transportFactory(x -> transport));
    LogIntegration module = LogIntegration.builder("auto.log.test").build();

    assertThat(module.bind(DSN, options(), "test", null))
        .isEqualTo(LogIntegration.Binding.RUNNING_SETTINGS_IGNORED);
    module.release();

    assertThat(Sentry.isEnabled()).isTrue();
  }

  @Test
  void aBadSettingIsRefusedByNameAndUnknownKeysAreNamed() {
    LogIntegration module = LogIntegration.builder("auto.log.test").build();
    Map<String, String> bad = options();
    bad.put("sample-rate", "lots");

    assertThatThrownBy(() -> module.bind(DSN, bad, "test appender", o -> transport))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample-rate")
        .hasMessageContaining("test appender");
    assertThat(LogIntegration.unknownOptions(Arrays.asList("environment", "tags.team", "colour")))
        .containsExactly("colour");
  }

  @Test
  void recordsAreSentAsTheirLevelAsks() {
    Sentry.init(o -> o.dsn(DSN).externalConfiguration(false).transportFactory(x -> transport));
    LogIntegration module =
        LogIntegration.builder("auto.log.test").minimumBreadcrumbLevel(LogLevel.WARN).build();

    module.record(LogRecordData.builder(LogLevel.INFO, 1L).message("i", "i", null).build());
    module.record(LogRecordData.builder(LogLevel.WARN, 2L).message("w", "w", null).build());
    module.record(LogRecordData.builder(LogLevel.ERROR, 3L).message("e", "e", null).build());

    assertThat(module.wants(LogLevel.INFO)).as("logs still want INFO").isTrue();
    assertThat(module.wants(LogLevel.DEBUG)).isFalse();
    assertThat(transport.onlyEvent().getMessage().getFormatted()).isEqualTo("e");
    assertThat(transport.onlyEvent().getBreadcrumbs()).hasSize(1);
  }

  private static Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("enable-shutdown-hook", "false");
    options.put("enable-uncaught-exception-handler", "false");
    return options;
  }
}
