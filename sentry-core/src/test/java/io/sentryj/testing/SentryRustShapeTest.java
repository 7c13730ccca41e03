package io.sentryj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker says no to what sentry-rust's types reject, so that passing it means something. */
class SentryRustShapeTest {
  private static final String HEAD =
      "{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"timestamp\":\"2026-11-24T10:15:30.123Z\",";

  private static String event(String rest) {
    return HEAD + rest + "}";
  }

  @Test
  void theShapesOfEarlierReleasesAreRejected() {
    assertThat(SentryRustShape.violations(event("\"logentry\":{\"formatted\":\"hi\"}")))
        .containsExactly("$.logentry.message: required");
    assertThat(
            SentryRustShape.violations(
                event(
                    "\"request\":{\"headers\":[[\"Accept\",\"*/*\"]],\"cookies\":[[\"a\",\"1\"]]}")))
        .anyMatch(v -> v.startsWith("$.request.headers: not an object"))
        .anyMatch(v -> v.startsWith("$.request.cookies: not a string"));
    assertThat(SentryRustShape.violations(event("\"request\":{\"data\":{\"a\":1}}")))
        .anyMatch(v -> v.startsWith("$.request.data: not a string"));
    assertThat(SentryRustShape.violations(event("\"request\":{\"url\":\"/orders/7\"}")))
        .anyMatch(v -> v.startsWith("$.request.url: not an absolute URL"));
  }

  @Test
  void typesIdsLevelsAndTimestampsMustParse() {
    assertThat(
            SentryRustShape.violations(
                event(
                    "\"level\":\"warn\",\"exception\":{\"values\":[{\"value\":\"x\","
                        + "\"mechanism\":{\"handled\":true}}]},\"contexts\":{\"trace\":"
                        + "{\"trace_id\":\"xyz\",\"span_id\":\"0123456789abcdef\"}},"
                        + "\"breadcrumbs\":{\"values\":[{\"timestamp\":\"yesterday\"}]},"
                        + "\"user\":{\"ip_address\":\"unknown\"}")))
        .contains(
            "$.level: not a level: \"warn\"",
            "$.exception.type: required",
            "$.exception.mechanism.type: required",
            "$.contexts.trace.trace_id: does not parse: \"xyz\"",
            "$.breadcrumbs.timestamp: neither a number nor RFC 3339: \"yesterday\"",
            "$.user.ip_address: not an IP address or {{auto}}: \"unknown\"");
  }

  @Test
  void aWellFormedEventPasses() {
    assertThat(
            SentryRustShape.violations(
                event(
                    "\"level\":\"error\",\"logentry\":{\"message\":\"m\",\"params\":[\"1\"]},"
                        + "\"request\":{\"url\":\"https://[Filtered]@x.example/a\","
                        + "\"headers\":{\"Accept\":\"*/*\"},\"data\":\"{}\",\"env\":{\"A\":\"b\"}},"
                        + "\"contexts\":{\"os\":{\"name\":\"Linux\"},\"MDC\":{\"k\":1}}")))
        .isEmpty();
  }
}
