package io.sentryj.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.SentryId;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.envelope.LogWriter;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class StructuredLogsRuntimeTest {
  private final RecordingTransport transport = new RecordingTransport();

  @Test
  void logsAreOffByDefaultAndTurnedOnByTheLogsEnabledKey() {
    assertThat(SentryOptions.builder().build().logsEnabled()).isFalse();
    SentryOptions on = SentryOptions.builder().option("logs.enabled", "true").build();
    assertThat(on.logsEnabled()).isTrue();
    assertThat(on.toBuilder().build().logsEnabled()).isTrue();
    assertThat(SentryOptions.builder().logsEnabled(true).build().originOf("logs.enabled"))
        .isEqualTo("code");
  }

  @Test
  void aRuntimeHasABatcherOnlyWithLogsEnabled() {
    SentryRuntime off = SentryRuntime.start(options(false));
    SentryRuntime on = SentryRuntime.start(options(true));
    try {
      assertThat(off.logBatcher()).isNull();
      assertThat(on.logBatcher()).isNotNull();
    } finally {
      off.close(100);
      on.close(100);
    }
  }

  @Test
  void closingTheRuntimeSendsQueuedLogsBeforeTheTransportCloses() {
    SentryRuntime runtime = SentryRuntime.start(options(true));
    runtime
        .logBatcher()
        .add(
            new LogWriter.Record(
                System.currentTimeMillis(),
                SentryId.random(),
                null,
                LogWriter.Level.INFO,
                "last words",
                Collections.emptyMap()));

    runtime.close(1000);

    assertThat(transport.envelopes()).hasSize(1);
    assertThat(transport.envelopes().get(0).items().get(0).type()).isEqualTo("log");
    assertThat(transport.isClosed()).isTrue();
    assertThat(SentryRuntime.current()).isNotSameAs(runtime);
  }

  @Test
  void flushingOrClosingTheRuntimeSendsQueuedLogs() {
    SentryRuntime runtime = SentryRuntime.start(options(true));
    try {
      runtime.logBatcher().add(record("flushed"));
      assertThat(runtime.sdk().flush(1000)).isTrue(); // what Sentry.flush and Sdk.flush do
      assertThat(transport.envelopes()).hasSize(1);

      runtime.logBatcher().add(record("closed"));
      runtime.close(1000); // what the shutdown hook does
      assertThat(transport.envelopes()).hasSize(2);
      assertThat(transport.isClosed()).isTrue();
    } finally {
      runtime.close(100);
    }
  }

  private static LogWriter.Record record(String body) {
    return new LogWriter.Record(
        System.currentTimeMillis(),
        SentryId.random(),
        null,
        LogWriter.Level.INFO,
        body,
        Collections.emptyMap());
  }

  private SentryOptions options(boolean logs) {
    return SentryOptions.builder()
        .dsn("https://public@o1.ingest.sentry.io/1")
        .logsEnabled(logs)
        .enableShutdownHook(false)
        .enableUncaughtExceptionHandler(false)
        .transportFactory(o -> transport)
        .build();
  }
}
