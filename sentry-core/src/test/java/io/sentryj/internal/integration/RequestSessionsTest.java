package io.sentryj.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.SentryRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the running SDK has a request-session aggregator. */
class RequestSessionsTest {
  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void close() {
    Sentry.close();
  }

  @Test
  void aReleaseIsNeededForSessions() {
    init(null, true);
    assertThat(SentryRuntime.currentSessions()).isNull();
  }

  @Test
  void sessionsCanBeTurnedOff() {
    init("shop@1.0", false);
    assertThat(SentryRuntime.currentSessions()).isNull();
  }

  @Test
  void closingTheSdkSendsWhatWasCountedAndEndsTheAggregator() {
    init("shop@1.0", true);
    SessionAggregator sessions = SentryRuntime.currentSessions();
    sessions.record(System.currentTimeMillis(), false, false);

    Sentry.close();

    assertThat(SentryRuntime.currentSessions()).isNull();
    assertThat(transport.envelopes()).hasSize(1);
    assertThat(transport.envelopes().get(0).items().get(0).type()).isEqualTo("sessions");
  }

  private void init(String release, boolean tracking) {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .release(release)
                .enableAutoSessionTracking(tracking)
                .transportFactory(x -> transport));
  }
}
