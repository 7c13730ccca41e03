package io.sentryj.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.SentryOptions.RequestBodySize;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What the filter does, the same in every servlet environment. */
public abstract class AbstractFilterTest extends ServletIntegrationContract {
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  @Test
  void failingRequestIsReportedUnhandledWithItsRequest() throws Exception {
    init(o -> {});

    HttpResponse<String> response =
        get(
            "/fail/7?q=shoes&password=hunter2",
            "X-Id",
            "7",
            "User-Agent",
            "test-agent/1.0",
            "X-Multi",
            "a",
            "X-Multi",
            "b");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonObject event = onlyEvent();
    JsonObject exception = mainException(event);
    assertThat(exception.get("type").getAsString()).isEqualTo("IllegalStateException");
    assertThat(exception.get("value").getAsString()).isEqualTo("boom 7");
    JsonObject mechanism = exception.getAsJsonObject("mechanism");
    assertThat(mechanism.get("type").getAsString()).isEqualTo("auto.http.servlet");
    assertThat(mechanism.get("handled").getAsBoolean()).isFalse();
    JsonObject request = event.getAsJsonObject("request");
    assertThat(request.get("method").getAsString()).isEqualTo("GET");
    assertThat(request.get("url").getAsString()).isEqualTo(base + "/fail/7");
    assertThat(request.get("query_string").getAsString()).isEqualTo("q=shoes&password=[Filtered]");
    assertThat(headers(event)).contains("User-Agent: test-agent/1.0", "X-Multi: a, b");
    assertThat(event.get("transaction").getAsString()).isEqualTo("GET /fail/*");
    assertThat(event.getAsJsonObject("tags").get("id").getAsString()).isEqualTo("7");
    assertThat(breadcrumbMessages(event)).containsExactly("crumb-7");
  }

  @Test
  void credentialsAndPersonalDataAreLeftOutWithoutSendDefaultPii() throws Exception {
    init(o -> {});

    get(
        "/fail/1",
        "Authorization",
        "Bearer abc",
        "Cookie",
        "JSESSIONID=s3cr3t; theme=dark",
        "X-Forwarded-For",
        "203.0.113.9",
        "X-Real-IP",
        "203.0.113.9",
        "Forwarded",
        "for=203.0.113.9",
        "X-Api-Key",
        "k",
        "X-CSRF-Token",
        "c",
        "X-XSRF-Token",
        "x",
        "Proxy-Authorization",
        "Basic eA==",
        "X-Auth-Token",
        "t0k3n",
        "Accept",
        "text/html");

    JsonObject event = onlyEvent();
    String json = event.toString();
    assertThat(json).doesNotContain("s3cr3t", "203.0.113.9", "Bearer", "t0k3n", "dark", "eA==");
    assertThat(headers(event))
        .contains("Accept: text/html", "X-Auth-Token: [Filtered]")
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("authorization"))
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("cookie"))
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-api-key"))
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-csrf-token"))
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-xsrf-token"))
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization"));
    JsonObject request = event.getAsJsonObject("request");
    assertThat(request.has("cookies")).isFalse();
    assertThat(request.has("env")).isFalse();
    assertThat(request.has("data")).isFalse();
  }

  @Test
  void sendDefaultPiiAddsCookiesButNoSessionCookieAndTheRemoteAddress() throws Exception {
    init(o -> o.sendDefaultPii(true));

    get("/fail/1", "Cookie", "JSESSIONID=s3cr3t; theme=dark; lang=en");

    JsonObject request = onlyEvent().getAsJsonObject("request");
    // the cookies go as the Cookie header, from which Relay fills request.cookies
    assertThat(request.getAsJsonObject("headers").get("Cookie").getAsString())
        .isEqualTo("theme=dark; lang=en");
    assertThat(request.getAsJsonObject("env").get("REMOTE_ADDR").getAsString())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void aCookieWithASensitiveNameIsSentFilteredByTheCoresScrubStage() throws Exception {
    init(o -> o.sendDefaultPii(true));

    get("/fail/1", "Cookie", "theme=dark; auth_token=t0k3n");

    JsonObject request = onlyEvent().getAsJsonObject("request");
    assertThat(request.getAsJsonObject("headers").get("Cookie").getAsString())
        .isEqualTo("theme=dark; auth_token=[Filtered]");
  }

  @Test
  void jsonBodyIsAttachedWithSensitiveFieldsScrubbed() throws Exception {
    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.MEDIUM));
    String body =
        "{\"name\":\"alice\",\"password\":\"hunter2\",\"count\":3,"
            + "\"payment\":{\"api_key\":\"k\",\"number\":\"4111 1111 1111 1111\"}}";

    post("/echo", JSON, body, "X-Fail", "1");

    JsonObject data = requestData(onlyEvent());
    assertThat(data.get("name").getAsString()).isEqualTo("alice");
    assertThat(data.get("password").getAsString()).isEqualTo("[Filtered]");
    assertThat(data.get("count").getAsInt()).isEqualTo(3);
    assertThat(data.getAsJsonObject("payment").get("api_key").getAsString())
        .isEqualTo("[Filtered]");
    assertThat(data.getAsJsonObject("payment").get("number").getAsString()).isEqualTo("[Filtered]");
  }

  @Test
  void bodyTheApplicationReadThroughItsReaderIsAttached() throws Exception {
    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.SMALL));

    post(
        "/echo?reader=1",
        "application/json; charset=utf-8",
        "{\"city\":\"Zürich\"}",
        "X-Fail",
        "1");

    JsonObject data = requestData(onlyEvent());
    assertThat(data.get("city").getAsString()).isEqualTo("Zürich");
  }

  @Test
  void applicationReceivesItsRequestBodyIntact() throws Exception {
    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.ALWAYS));
    String body = "{\"items\":[" + "1,".repeat(5000) + "2],\"note\":\"ünïcödé\"}";

    HttpResponse<String> viaStream = post("/echo", JSON, body);
    HttpResponse<String> viaReader = post("/echo?reader=1", JSON, body);

    assertThat(viaStream.body()).isEqualTo(body);
    assertThat(viaReader.body()).isEqualTo(body);
    assertThat(transport.events()).isEmpty();
  }

  @Test
  void bodyTheApplicationNeverReadIsReadAfterItFailed() throws Exception {
    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.SMALL));

    post("/fail/3", JSON, "{\"sku\":\"A-1\",\"secret\":\"x\"}");

    JsonObject data = requestData(onlyEvent());
    assertThat(data.get("sku").getAsString()).isEqualTo("A-1");
    assertThat(data.get("secret").getAsString()).isEqualTo("[Filtered]");
  }

  @Test
  void formBodyReadByTheContainerIsAttachedScrubbedWithoutTheQueryStringsParameters()
      throws Exception {
    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.SMALL));

    post("/form?source=ad&name=from-query", FORM, "name=bob&password=pw&card=4111111111111111");

    JsonObject event = onlyEvent();
    assertThat(mainException(event).get("value").getAsString())
        .as("the application saw the query's value first")
        .isEqualTo("bad form from from-query");
    JsonObject data = requestData(event);
    assertThat(data.keySet()).containsExactly("name", "password", "card");
    assertThat(data.get("name").getAsString()).isEqualTo("bob");
    assertThat(data.get("password").getAsString()).isEqualTo("[Filtered]");
    assertThat(data.get("card").getAsString()).isEqualTo("[Filtered]");
  }

  @Test
  void formBodyTheApplicationNeverReadHoldsTheBodyOnly() throws Exception {
    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.SMALL));

    post("/fail/4?source=ad&sku=q", FORM, "sku=A-1&sku=A-2&note=gift");

    JsonObject data = requestData(onlyEvent());
    assertThat(data.keySet()).containsExactly("sku", "note");
    assertThat(data.get("sku").toString()).isEqualTo("[\"A-1\",\"A-2\"]");
    assertThat(data.get("note").getAsString()).isEqualTo("gift");
  }

  @Test
  void bodyIsLeftOutWithoutSendDefaultPiiOrOverTheLimit() throws Exception {
    init(o -> o.maxRequestBodySize(RequestBodySize.ALWAYS));
    post("/echo", JSON, "{\"a\":1}", "X-Fail", "1");
    assertThat(onlyEvent().getAsJsonObject("request").has("data")).isFalse();
    closeSdk();

    init(o -> o.sendDefaultPii(true).maxRequestBodySize(RequestBodySize.SMALL));
    post("/echo", JSON, "{\"a\":\"" + "x".repeat(2000) + "\"}", "X-Fail", "1");
    assertThat(onlyEvent().getAsJsonObject("request").has("data")).isFalse();
  }

  @Test
  void transactionIsTheRouteAFrameworkMatched() throws Exception {
    init(o -> {});

    get("/orders/42");

    assertThat(onlyEvent().get("transaction").getAsString()).isEqualTo("GET /orders/{id}");
  }

  @Test
  void serverErrorsWithoutExceptionAreReportedOnlyWhenAsked() throws Exception {
    init(o -> {});
    assertThat(get("/status").statusCode()).isEqualTo(502);
    assertThat(transport.events()).isEmpty();
    closeSdk();

    init(o -> o.captureServerErrors(true));
    get("/status");
    JsonObject event = onlyEvent();
    assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString())
        .isEqualTo("HTTP 502: GET " + base + "/status");
    assertThat(event.get("transaction").getAsString()).isEqualTo("GET /status");
  }

  @Test
  void concurrentRequestsEachReportOnlyTheirOwnData() throws Exception {
    int n = 200;
    init(o -> {});
    together(n);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      responses.add(
          http.sendAsync(
              request("/fail/" + i, "X-Id", Integer.toString(i), "X-Together", "1").GET().build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> r : responses) {
      assertThat(r.get().statusCode()).isEqualTo(500);
    }

    List<JsonObject> events = awaitEvents(n);
    Map<String, JsonObject> byId = new HashMap<>();
    for (JsonObject event : events) {
      String id = event.getAsJsonObject("tags").get("id").getAsString();
      assertThat(byId.put(id, event)).as("two events for request %s", id).isNull();
      assertThat(mainException(event).get("value").getAsString()).isEqualTo("boom " + id);
      assertThat(breadcrumbMessages(event)).containsExactly("crumb-" + id);
      assertThat(event.getAsJsonObject("request").get("url").getAsString())
          .isEqualTo(base + "/fail/" + id);
    }
    assertThat(byId).hasSize(n);
  }

  @Test
  void asyncRequestKeepsItsScopeOnAnotherThread() throws Exception {
    init(o -> {});

    HttpResponse<String> response = get("/async", "X-Id", "a1");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonObject event = onlyEvent();
    assertThat(mainException(event).get("value").getAsString()).isEqualTo("async a1");
    assertThat(event.getAsJsonObject("tags").get("id").getAsString()).isEqualTo("a1");
    assertThat(event.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/async");
    assertThat(breadcrumbMessages(event)).hasSize(2).first().isEqualTo("crumb-a1");
    assertThat(breadcrumbMessages(event).get(1)).startsWith("async-a1-on-");
  }

  @Test
  void anExceptionInAnAsyncDispatchIsReportedOnceWithTheOriginalRequestAndNothingIsDropped()
      throws Exception {
    init(o -> {});

    assertThat(get("/redispatch", "X-Id", "r").statusCode()).isEqualTo(500);

    awaitEndedRequests(1);
    // the filter on the async dispatch and the container's onError both see it: one captures,
    // and no copy reaches the pipeline's deduplication to be dropped and reported as a loss
    assertThat(discards).isEmpty();
    JsonObject event = onlyEvent();
    assertThat(mainException(event).get("value").getAsString()).isEqualTo("boom r");
    assertThat(event.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/redispatch");
    assertThat(event.getAsJsonObject("tags").get("id").getAsString()).isEqualTo("r");
  }

  @Test
  void anExceptionInAnAsyncTaskIsReportedWithTheRequestWhenTheRequestTimesOut() throws Exception {
    init(o -> {});

    assertThat(get("/async-fail", "X-Id", "t1").statusCode())
        .as("the container ends it by its timeout")
        .isEqualTo(500);

    awaitEndedRequests(1);
    JsonObject event = onlyEvent();
    assertThat(mainException(event).get("value").getAsString()).isEqualTo("task failed t1");
    JsonObject mechanism = mainException(event).getAsJsonObject("mechanism");
    assertThat(mechanism.get("type").getAsString()).isEqualTo("auto.http.servlet");
    assertThat(mechanism.get("handled").getAsBoolean()).isFalse();
    assertThat(event.getAsJsonObject("tags").get("id").getAsString()).isEqualTo("t1");
    assertThat(event.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/async-fail");
    assertThat(breadcrumbMessages(event)).containsExactly("crumb-t1", "task-t1");
    assertThat(discards).isEmpty();
  }

  @Test
  void anExceptionInAnAsyncTaskIsReportedAfterTheTaskCompletedTheRequest() throws Exception {
    init(o -> {});

    assertThat(get("/async-fail?mode=complete", "X-Id", "t2").statusCode()).isEqualTo(200);

    JsonObject event = onlyEvent();
    assertThat(mainException(event).get("value").getAsString()).isEqualTo("task failed t2");
    assertThat(event.getAsJsonObject("tags").get("id").getAsString()).isEqualTo("t2");
    assertThat(event.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/async-fail");
  }

  @Test
  void aRequestThatTimedOutIsNoEventUnlessServerErrorsAreAsked() throws Exception {
    init(o -> {});
    assertThat(get("/async-timeout").statusCode()).isEqualTo(500);
    awaitEndedRequests(1);
    assertThat(transport.events()).isEmpty();
    closeSdk();

    init(o -> o.captureServerErrors(true));
    get("/async-timeout");
    assertThat(onlyEvent().getAsJsonObject("logentry").get("formatted").getAsString())
        .isEqualTo("HTTP 500: GET " + base + "/async-timeout");
  }

  @Test
  void theRequestsBreadcrumbCarriesTheResponseStatusOnceItIsKnown() throws Exception {
    init(o -> o.captureServerErrors(true));

    get("/fail/5");
    get("/status");
    get("/message", "X-Id", "m");

    List<JsonObject> events = awaitEvents(3);
    assertThat(serverBreadcrumb(events.get(0)).get("status_code").getAsInt()).isEqualTo(500);
    assertThat(serverBreadcrumb(events.get(1)).get("status_code").getAsInt()).isEqualTo(502);
    assertThat(serverBreadcrumb(events.get(2)).has("status_code"))
        .as("captured while the request runs: no status yet")
        .isFalse();
    assertThat(serverBreadcrumb(events.get(2)).get("url").getAsString())
        .isEqualTo(base + "/message");
  }

  @Test
  void anExceptionInAForwardIsReportedOnce() throws Exception {
    init(o -> o.enableDeduplication(false));

    assertThat(get("/forward", "X-Id", "f").statusCode()).isEqualTo(500);

    JsonObject event = onlyEvent();
    assertThat(mainException(event).get("value").getAsString()).isEqualTo("boom f");
    assertThat(event.get("transaction").getAsString()).isEqualTo("GET /forward");
  }

  @Test
  void incomingSentryTraceAndBaggageAreContinuedWithTheCallersContextFrozen() throws Exception {
    init(o -> o.environment("backend-env"));
    String traceId = "771a43a4192642f0b136d5159a501700";

    get(
        "/message",
        "sentry-trace",
        traceId + "-1234567890abcdef-1",
        "baggage",
        "other=1,sentry-trace_id="
            + traceId
            + ",sentry-environment=frontend-env,sentry-release=web%402.0,"
            + "sentry-public_key=upstream,sentry-sample_rate=0.5,sentry-sample_rand=0.25,"
            + "sentry-sampled=true");

    JsonObject trace = onlyEvent().getAsJsonObject("contexts").getAsJsonObject("trace");
    assertThat(trace.get("trace_id").getAsString()).isEqualTo(traceId);
    assertThat(trace.get("parent_span_id").getAsString()).isEqualTo("1234567890abcdef");
    Map<String, Object> header = transport.envelopes().get(0).headers();
    @SuppressWarnings("unchecked")
    Map<String, Object> dsc = (Map<String, Object>) header.get("trace");
    assertThat(dsc)
        .containsOnly(
            Map.entry("trace_id", traceId),
            Map.entry("environment", "frontend-env"),
            Map.entry("release", "web@2.0"),
            Map.entry("public_key", "upstream"),
            Map.entry("sample_rate", "0.5"),
            Map.entry("sample_rand", "0.25"),
            Map.entry("sampled", "true"));
  }

  @Test
  void sentryTraceWithoutBaggageKeepsTheTraceAndMakesItsOwnContext() throws Exception {
    init(o -> {});
    String traceId = "771a43a4192642f0b136d5159a501700";

    get("/message", "sentry-trace", traceId + "-1234567890abcdef-1");

    onlyEvent();
    @SuppressWarnings("unchecked")
    Map<String, Object> dsc =
        (Map<String, Object>) transport.envelopes().get(0).headers().get("trace");
    assertThat(dsc).containsEntry("trace_id", traceId).containsEntry("sampled", "true");
    assertThat(dsc).containsEntry("release", "shop@1.0.0");
  }

  @Test
  void w3cTraceparentIsContinuedAndEachRequestOtherwiseStartsItsOwnTrace() throws Exception {
    init(o -> {});
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    get("/message", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    get("/message");
    get("/message");

    List<JsonObject> events = awaitEvents(3);
    List<String> traceIds = new ArrayList<>();
    for (JsonObject e : events) {
      traceIds.add(
          e.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString());
    }
    assertThat(traceIds.get(0)).isEqualTo(traceId);
    assertThat(traceIds).doesNotHaveDuplicates();
  }

  @Test
  void eachRequestIsOneSessionInTheMinuteAggregates() throws Exception {
    init(o -> {});

    post("/echo", JSON, "{}"); // exited
    get("/status"); // a 502 nobody reported: exited
    get("/fail/1"); // crashed
    get("/async", "X-Id", "s"); // an error captured: errored
    get("/async-timeout"); // timed out: errored
    get("/async-fail"); // its async task threw: crashed
    awaitEndedRequests(6);
    closeSdk();

    int exited = 0;
    int errored = 0;
    int crashed = 0;
    for (io.sentryj.Envelope envelope : transport.envelopes()) {
      for (io.sentryj.EnvelopeItem item : envelope.items()) {
        if (!item.type().equals("sessions")) {
          continue;
        }
        JsonObject payload =
            com.google.gson.JsonParser.parseString(
                    new String(item.payload(), java.nio.charset.StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(payload.getAsJsonObject("attrs").get("release").getAsString())
            .isEqualTo("shop@1.0.0");
        for (com.google.gson.JsonElement a : payload.getAsJsonArray("aggregates")) {
          JsonObject bucket = a.getAsJsonObject();
          exited += bucket.has("exited") ? bucket.get("exited").getAsInt() : 0;
          errored += bucket.has("errored") ? bucket.get("errored").getAsInt() : 0;
          crashed += bucket.has("crashed") ? bucket.get("crashed").getAsInt() : 0;
        }
      }
    }
    assertThat(new int[] {exited, errored, crashed}).containsExactly(2, 2, 2);
  }

  @Test
  void withoutTheSdkRequestsPassThrough() throws Exception {
    transport = new io.sentryj.fakes.RecordingTransport();
    HttpResponse<String> response = post("/echo", JSON, "{\"a\":1}");
    assertThat(response.body()).isEqualTo("{\"a\":1}");
    assertThat(get("/fail/1").statusCode()).isEqualTo(500);
  }
}
