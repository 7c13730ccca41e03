package io.sentryj.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import org.junit.jupiter.api.Test;

class SentryRuntimeTest {

  @Test
  void sdkIntegrationsNameTheCoresIntegrationsThatAreOnThenTheNamedOnes() {
    SentryOptions.Builder options =
        SentryOptions.builder()
            .dsn("https://public@o11.ingest.sentry.io/42")
            .externalConfiguration(false)
            .transportFactory(o -> new RecordingTransport());

    assertThat(SentryRuntime.integrations(options.build()))
        .startsWith("UncaughtExceptionHandler", "ShutdownHook");
    assertThat(SentryRuntime.integrations(options.enableShutdownHook(false).build()))
        .startsWith("UncaughtExceptionHandler")
        .doesNotContain("ShutdownHook");

    SentryRuntime.nameIntegration("agent.test-instrumentation");
    SentryRuntime.nameIntegration("agent.test-instrumentation");
    assertThat(
            SentryRuntime.integrations(
                options.enableUncaughtExceptionHandler(false).enableShutdownHook(false).build()))
        .containsOnlyOnce("agent.test-instrumentation")
        .doesNotContain("UncaughtExceptionHandler", "ShutdownHook");
  }
}
