package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.fakes.RecordingTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContinueTraceTest {
  private static final String TRACE = "771a43a4192642f0b136d5159a501700";

  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void close() {
    Sentry.close();
  }

  @Test
  void eventsOfAPushedScopeCarryTheContinuedTraceAndOthersDoNot() {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .transportFactory(x -> transport));

    try (ScopeToken token = Sentry.pushIsolationScope()) {
      Sentry.continueTrace(TRACE + "-1234567890abcdef-1", null, null);
      Sentry.captureMessage("inside");
    }
    Sentry.captureMessage("outside");

    assertThat(transport.events().get(0).getContexts().getTrace().getTraceId().toString())
        .isEqualTo(TRACE);
    assertThat(transport.events().get(1).getContexts().getTrace().getTraceId().toString())
        .isNotEqualTo(TRACE);
  }

  @Test
  void invalidHeadersStartANewTrace() {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .transportFactory(x -> transport));

    try (ScopeToken token = Sentry.pushIsolationScope()) {
      Sentry.captureMessage("before");
      Sentry.continueTrace("garbage", "sentry-trace_id=" + TRACE, null);
      Sentry.captureMessage("after");
    }

    String before = transport.events().get(0).getContexts().getTrace().getTraceId().toString();
    String after = transport.events().get(1).getContexts().getTrace().getTraceId().toString();
    assertThat(after).isNotEqualTo(TRACE).isNotEqualTo(before);
  }

  @Test
  void beforeInitItDoesNothing() {
    Sentry.continueTrace(TRACE + "-1234567890abcdef", null, null);
    assertThat(Sentry.isEnabled()).isFalse();
  }
}
