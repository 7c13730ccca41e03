package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.Request;
import io.sentryj.testing.TestSdk;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets the application itself puts anywhere in an event never leave the host: the scrub stage
 * covers what no integration collected, as well as what they did.
 */
class PrivateByDefaultTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1oZXJl";
  private static final String CARD = "4111 1111 1111 1111";

  /** Every secret planted below; none may be in what is sent. */
  private static final String[] SECRETS = {
    "tag-secret-1",
    "extra-pw-2",
    "ctx-token-3",
    "crumb-key-4",
    "auth-header-5",
    "cookie-6",
    "203.0.113.9",
    "url-pw-7",
    "query-pw-8",
    "body-pw-9",
    "4111",
    JWT,
    "eyJ",
  };

  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void close() {
    Sentry.close();
  }

  private void init(Consumer<SentryOptions.Builder> more) {
    TestSdk.init(transport, more);
  }

  private static void plantSecretsEverywhere() {
    Sentry.setTag("api_secret", "tag-secret-1");
    Map<String, Object> db = new HashMap<>();
    db.put("password", "extra-pw-2");
    Sentry.setExtra("db", Collections.singletonMap("primary", db));
    Map<String, Object> deep = new HashMap<>();
    deep.put("level2", Collections.singletonMap("access_token", "ctx-token-3"));
    Sentry.setContext("payment", deep);
    Sentry.addBreadcrumb(
        Breadcrumb.builder().message("called " + JWT).data("api_key", "crumb-key-4").build());
    Request request = new Request();
    request.setMethod("POST");
    request.setUrl("https://shop.example/login?password=url-pw-7");
    request.setQueryString("password=query-pw-8&page=2");
    request.setCookies("theme=cookie-6");
    request.addHeader("Authorization", "Basic auth-header-5");
    request.addHeader("Cookie", "theme=cookie-6");
    request.addHeader("X-Forwarded-For", "203.0.113.9");
    request.addHeader("Accept", "text/html");
    request.getEnv().put("REMOTE_ADDR", "203.0.113.9");
    request.setData("{\"user\":\"ann\",\"password\":\"body-pw-9\"}");
    Sentry.configureScope(scope -> scope.setRequest(request));
    Sentry.captureException(
        new IllegalStateException("declined card " + CARD + " with Authorization: Bearer " + JWT));
  }

  private String onlyEventJson() {
    List<byte[]> payloads = TestSdk.eventPayloads(transport.envelopes());
    assertThat(payloads).hasSize(1);
    return new String(payloads.get(0), StandardCharsets.UTF_8);
  }

  @Test
  void withoutSendDefaultPiiNoSecretTheApplicationSetIsSent() throws Exception {
    init(o -> {});
    plantSecretsEverywhere();

    String sent = onlyEventJson();

    assertThat(sent).doesNotContain(SECRETS);
    JsonObject event = JsonParser.parseString(sent).getAsJsonObject();
    JsonObject request = event.getAsJsonObject("request");
    assertThat(request.has("cookies")).isFalse();
    assertThat(request.has("data")).isFalse();
    assertThat(request.has("env")).isFalse();
    assertThat(request.getAsJsonObject("headers").keySet())
        .containsExactly("Authorization", "Accept");
    assertThat(event.getAsJsonObject("tags").get("api_secret").getAsString())
        .isEqualTo("[Filtered]");
    assertThat(request.get("query_string").getAsString()).isEqualTo("password=[Filtered]&page=2");
  }

  @Test
  void withSendDefaultPiiTheCookiesAndAddressesGoButTheSecretsStillDoNot() throws Exception {
    init(o -> o.sendDefaultPii(true));
    plantSecretsEverywhere();

    String sent = onlyEventJson();

    assertThat(sent).contains("cookie-6", "203.0.113.9", "ann");
    assertThat(sent)
        .doesNotContain(
            "tag-secret-1",
            "extra-pw-2",
            "ctx-token-3",
            "crumb-key-4",
            "auth-header-5",
            "url-pw-7",
            "query-pw-8",
            "body-pw-9",
            "4111",
            "eyJ");
  }
}
