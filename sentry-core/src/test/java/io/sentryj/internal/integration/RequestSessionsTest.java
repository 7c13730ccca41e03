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

  @Test
  void flushSendsWhatWasCountedSoFar() {
    init("shop@1.0", true);
    SentryRuntime.currentSessions().record(System.currentTimeMillis(), true, false);

    assertThat(Sentry.flush(1000)).isTrue();

    assertThat(transport.envelopes()).hasSize(1);
    assertThat(transport.envelopes().get(0).items().get(0).type()).isEqualTo("sessions");
    assertThat(SentryRuntime.currentSessions().pending()).isZero();
  }

  @Test
  void theShutdownHookClosesTheWholeRuntimeSoSessionsGoOutToo() throws InterruptedException {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableUncaughtExceptionHandler(false)
                .release("shop@1.0")
                .transportFactory(x -> transport));
    SentryRuntime.currentSessions().record(System.currentTimeMillis(), false, false);
    Thread hook = SentryRuntime.current().shutdownHook().thread();

    hook.start(); // what the JVM does at exit
    hook.join(10_000);
    Runtime.getRuntime().removeShutdownHook(hook); // this JVM must not start it a second time

    assertThat(transport.envelopes()).hasSize(1);
    assertThat(transport.envelopes().get(0).items().get(0).type()).isEqualTo("sessions");
    assertThat(transport.isClosed()).isTrue();
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
