package io.sentryj.agent.instrumentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutgoingHttpTest {
  private final OutgoingHttp http =
      new OutgoingHttp(
          "/traced/,^https://api\\.example\\.com/.*", "https://key@o1.ingest.example.io/42");

  @Test
  void theUrlLosesUserInfoQueryAndFragmentAndTheQueryIsKeptScrubbed() {
    String[] parts =
        OutgoingHttp.splitUrl("https://bob:pw@example.com:8443/a/b?token=t1&page=2#access_token=x");

    assertThat(parts[0]).isEqualTo("https://example.com:8443/a/b");
    assertThat(parts[1]).isEqualTo("token=t1&page=2");
    assertThat(OutgoingHttp.splitUrl("http://example.com/x?"))
        .containsExactly("http://example.com/x", null);
  }

  @Test
  void targetsMatchAsSubstringsOrWholeRegularExpressions() {
    assertThat(http.propagatesTo("http://localhost:8080/traced/x")).isTrue();
    assertThat(http.propagatesTo("https://api.example.com/v1")).isTrue();
    assertThat(http.propagatesTo("https://other.example.com/v1")).isFalse();
    assertThat(new OutgoingHttp(null, null).propagatesTo("http://anything/")).isTrue();
    assertThat(new OutgoingHttp("", null).propagatesTo("http://anything/")).isFalse();
  }

  @Test
  void theSdksOwnIngestEndpointIsRecognised() {
    assertThat(http.isSentry("https://o1.ingest.example.io/api/42/envelope/")).isTrue();
    assertThat(http.isSentry("https://o1.ingest.example.io:443/api/42/envelope/?x=1")).isTrue();
    assertThat(http.isSentry("https://o1.ingest.example.io/api/43/envelope/")).isFalse();
    assertThat(http.isSentry("http://o1.ingest.example.io/api/42/envelope/")).isFalse();
  }

  @Test
  void baggageIsAppendedToOtherVendorsButNeverDoubled() {
    assertThat(OutgoingHttp.mergeBaggage(null, "sentry-trace_id=1")).isEqualTo("sentry-trace_id=1");
    assertThat(OutgoingHttp.mergeBaggage("vendor=a", "sentry-trace_id=1"))
        .isEqualTo("vendor=a,sentry-trace_id=1");
    assertThat(OutgoingHttp.mergeBaggage("sentry-trace_id=0", "sentry-trace_id=1")).isNull();
  }

  @Test
  void levelsFollowTheStatus() {
    OutgoingHttp.Exchange exchange = new OutgoingHttp.Exchange("get", "http://h/p?q=1", null);

    assertThat(OutgoingHttp.breadcrumb(exchange, 200, null).level()).isNull();
    assertThat(OutgoingHttp.breadcrumb(exchange, 404, null).level().toString())
        .isEqualToIgnoringCase("warning");
    assertThat(OutgoingHttp.breadcrumb(exchange, 503, null).level().toString())
        .isEqualToIgnoringCase("error");
    var failed = OutgoingHttp.breadcrumb(exchange, -1, new java.net.ConnectException("refused"));
    assertThat(failed.level().toString()).isEqualToIgnoringCase("error");
    assertThat(failed.data())
        .containsEntry("method", "GET")
        .containsEntry("url", "http://h/p")
        .containsEntry("error", "java.net.ConnectException")
        .doesNotContainKey("status_code");
  }
}
