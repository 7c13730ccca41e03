package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.Request;
import io.sentryj.testing.TestSdk;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events as the SDK sends them pass both Relay's schema (the repository's copy) and the shape
 * sentry-cli's parser (sentry-rust's protocol types) requires.
 */
class EveryParserTest {
  private final RecordingTransport transport = new RecordingTransport();

  @BeforeEach
  void init() {
    TestSdk.init(transport, o -> o.sendDefaultPii(true).attachStacktrace(true));
  }

  @AfterEach
  void close() {
    Sentry.close();
  }

  private JsonObject onlyEventAcceptedByBothParsers() {
    List<byte[]> payloads = TestSdk.eventPayloads(transport.envelopes());
    assertThat(payloads).hasSize(1);
    return JsonParser.parseString(new String(payloads.get(0), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  @Test
  void aMessageEventCarriesLogEntryMessage() throws Exception {
    Sentry.captureMessage("order 1234 could not be shipped", SentryLevel.WARNING);

    JsonObject logentry = onlyEventAcceptedByBothParsers().getAsJsonObject("logentry");

    assertThat(logentry.get("message").getAsString()).isEqualTo("order 1234 could not be shipped");
    assertThat(logentry.get("formatted").getAsString())
        .isEqualTo("order 1234 could not be shipped");
  }

  @Test
  void requestHeadersAndCookiesAreWrittenAsObjects() throws Exception {
    Request request = new Request();
    request.setMethod("GET");
    request.setUrl("https://shop.example/orders/7");
    request.setCookies("theme=dark; lang=en");
    request.addHeader("Accept", "text/html");
    request.addHeader("Accept", "application/json");
    request.addHeader("User-Agent", "curl/8");
    request.setData(Collections.singletonMap("item", "book"));
    Sentry.configureScope(scope -> scope.setRequest(request));
    Sentry.captureException(new IllegalStateException("boom"));

    JsonObject sent = onlyEventAcceptedByBothParsers().getAsJsonObject("request");

    JsonObject headers = sent.getAsJsonObject("headers");
    assertThat(headers.get("Accept").getAsString()).isEqualTo("text/html, application/json");
    assertThat(headers.get("Cookie").getAsString()).isEqualTo("theme=dark; lang=en");
    assertThat(sent.get("data").getAsString()).isEqualTo("{\"item\":\"book\"}");
  }

  @Test
  void anEventFullOfEverythingTheSdkWritesIsAcceptedByBoth() throws Exception {
    Sentry.setUser(User.builder().id("u1").ipAddress("{{auto}}").data("plan", "gold").build());
    Sentry.setTag("region", "eu");
    Sentry.setExtra("list", java.util.Arrays.asList(1, 2.5, true, null, "x"));
    Sentry.setContext("order", Collections.singletonMap("id", 7));
    Sentry.addBreadcrumb(Breadcrumb.builder().type("http").data("status_code", 500).build());
    Sentry.setFingerprint(Collections.singletonList("{{ default }}"));
    RuntimeException e = new RuntimeException("outer", new IllegalStateException("inner"));
    e.addSuppressed(new IllegalArgumentException("suppressed"));
    Sentry.captureException(e);

    JsonObject event = onlyEventAcceptedByBothParsers();

    assertThat(event.getAsJsonObject("exception").getAsJsonArray("values")).hasSize(3);
  }
}
