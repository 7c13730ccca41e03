package io.sentryj.integration;

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

class SharedSdkTest {
  private static final String DSN = "https://public@o1.ingest.sentry.io/42";

  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void tearDown() {
    Sentry.close();
  }

  @Test
  void anSdkTheModulesStartedIsClosedByTheLastOfThemOnly() {
    SharedSdk first = new SharedSdk();
    SharedSdk second = new SharedSdk();

    assertThat(first.bind(DSN, options(), "test", o -> transport))
        .isEqualTo(SharedSdk.Binding.STARTED);
    assertThat(second.bind(null, Collections.emptyMap(), "test", o -> transport))
        .isEqualTo(SharedSdk.Binding.RUNNING);
    first.release();
    first.release(); // idempotent: still one user
    assertThat(Sentry.isEnabled()).isTrue();
    second.release();

    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void anSdkStartedInCodeIsUsedAndNeverClosedByAModule() {
    Sentry.init(o -> o.dsn(DSN).externalConfiguration(false).transportFactory(x -> transport));
    SharedSdk module = new SharedSdk();

    assertThat(module.bind(DSN, options(), "test", null))
        .isEqualTo(SharedSdk.Binding.RUNNING_SETTINGS_IGNORED);
    module.release();

    assertThat(Sentry.isEnabled()).isTrue();
  }

  @Test
  void aBadSettingIsRefusedByNameAndUnknownKeysAreNamed() {
    SharedSdk module = new SharedSdk();
    Map<String, String> bad = options();
    bad.put("sample-rate", "lots");

    assertThatThrownBy(() -> module.bind(DSN, bad, "test appender", o -> transport))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample-rate")
        .hasMessageContaining("test appender");
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(SharedSdk.unknownOptions(Arrays.asList("environment", "tags.team", "colour")))
        .containsExactly("colour");
  }

  private static Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("enable-shutdown-hook", "false");
    options.put("enable-uncaught-exception-handler", "false");
    return options;
  }
}
