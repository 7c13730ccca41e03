package io.sentryj.internal.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceHeadersTest {
  private static final String TRACE = "771a43a4192642f0b136d5159a501700";
  private static final String SPAN = "1234567890abcdef";

  @Test
  void sentryTraceGivesTraceIdParentAndSampling() {
    PropagationContext c = TraceHeaders.continueFrom(TRACE + "-" + SPAN + "-0", null, null);

    assertThat(c.traceId().toString()).isEqualTo(TRACE);
    assertThat(c.parentSpanId()).isEqualTo(SPAN);
    assertThat(c.spanId()).hasSize(16).isNotEqualTo(SPAN);
    assertThat(c.sampled()).isFalse();
    assertThat(c.frozenDsc()).isNull();
  }

  @Test
  void withoutAFlagSamplingIsDeferred() {
    assertThat(TraceHeaders.continueFrom(TRACE + "-" + SPAN, null, null).sampled()).isNull();
  }

  @Test
  void malformedHeadersStartNoContinuation() {
    assertThat(TraceHeaders.continueFrom("nonsense", null, null)).isNull();
    assertThat(
            TraceHeaders.continueFrom(
                TRACE.toUpperCase(java.util.Locale.ROOT) + "-" + SPAN, null, null))
        .isNull();
    assertThat(TraceHeaders.continueFrom(TRACE + "-" + SPAN + "-2", null, null)).isNull();
    assertThat(TraceHeaders.continueFrom("0".repeat(32) + "-" + SPAN, null, null)).isNull();
    assertThat(TraceHeaders.continueFrom(null, null, "00-" + TRACE + "-" + SPAN)).isNull();
    assertThat(TraceHeaders.continueFrom(null, null, "ff-" + TRACE + "-" + SPAN + "-01")).isNull();
    assertThat(TraceHeaders.continueFrom(null, "sentry-trace_id=" + TRACE, null)).isNull();
  }

  @Test
  void traceparentIsUsedWhenThereIsNoSentryTrace() {
    PropagationContext c =
        TraceHeaders.continueFrom(null, null, "00-" + TRACE + "-" + SPAN + "-01");

    assertThat(c.traceId().toString()).isEqualTo(TRACE);
    assertThat(c.parentSpanId()).isEqualTo(SPAN);
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void sentryTraceWinsOverTraceparent() {
    String other = "4bf92f3577b34da6a3ce929d0e0e4736";
    PropagationContext c =
        TraceHeaders.continueFrom(TRACE + "-" + SPAN, null, "00-" + other + "-00f067aa0ba902b7-01");

    assertThat(c.traceId().toString()).isEqualTo(TRACE);
  }

  @Test
  void sentryBaggageIsFrozenWithoutOtherVendorsMembers() {
    PropagationContext c =
        TraceHeaders.continueFrom(
            TRACE + "-" + SPAN,
            "vendor=x,sentry-trace_id="
                + TRACE
                + ",sentry-release=shop%404.1,sentry-sample_rand=0.123456,"
                + "sentry-sampled=true;prop=1,sentry-public_key=abc",
            null);

    assertThat(c.frozenDsc())
        .containsExactly(
            entry("trace_id", TRACE),
            entry("release", "shop@4.1"),
            entry("sample_rand", "0.123456"),
            entry("sampled", "true"),
            entry("public_key", "abc"));
    assertThat(c.sampleRand()).isEqualTo(0.123456);
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void baggageOfAnotherTraceIsNotFrozen() {
    PropagationContext c =
        TraceHeaders.continueFrom(
            TRACE + "-" + SPAN,
            "sentry-trace_id=4bf92f3577b34da6a3ce929d0e0e4736,sentry-release=x",
            null);

    assertThat(c.frozenDsc()).isNull();
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }
}
