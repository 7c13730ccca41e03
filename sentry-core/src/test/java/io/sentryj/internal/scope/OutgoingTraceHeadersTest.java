package io.sentryj.internal.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.SentryId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingTraceHeadersTest {
  private static final String TRACE = "0123456789abcdef0123456789abcdef";

  @Test
  void deferredSamplingSendsNoFlag() {
    PropagationContext context = PropagationContext.newTrace();

    assertThat(TraceHeaders.outgoingSentryTrace(context))
        .isEqualTo(context.traceId() + "-" + context.spanId());
  }

  @Test
  void aKnownDecisionIsSentAsTheFlag() {
    PropagationContext context =
        PropagationContext.continueTrace(SentryId.parse(TRACE), "0123456789abcdef", true, 0.25);

    assertThat(TraceHeaders.outgoingSentryTrace(context)).endsWith("-1").startsWith(TRACE + "-");
    assertThat(TraceHeaders.outgoingBaggage(context, "key", "prod env", "app@1.0"))
        .isEqualTo(
            "sentry-trace_id="
                + TRACE
                + ",sentry-public_key=key,sentry-environment=prod%20env,"
                + "sentry-release=app%401.0,sentry-sample_rand=0.250000,sentry-sampled=true");
  }

  @Test
  void aFrozenContextIsSentAsReceivedAndReadBackTheSame() {
    Map<String, String> frozen = new LinkedHashMap<>();
    frozen.put("trace_id", TRACE);
    frozen.put("release", "r 1");
    PropagationContext context =
        PropagationContext.continueTrace(
            SentryId.parse(TRACE), "0123456789abcdef", null, 0.5, frozen);

    String baggage = TraceHeaders.outgoingBaggage(context, "other", "env", null);

    assertThat(baggage).isEqualTo("sentry-trace_id=" + TRACE + ",sentry-release=r%201");
    assertThat(TraceHeaders.sentryBaggage(baggage)).isEqualTo(frozen);
  }
}
