package io.sentryj.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.Await;
import io.sentryj.testing.EventSchema;
import io.sentryj.testing.SdkInternals;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * An embedded Jetty 12 serving {@code TestApp} behind the filter the namespace's initializer
 * registers, a real HTTP client, and an SDK recording what it sends. Subclasses start Jetty in one
 * servlet environment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServletIntegrationContract {
  /** Where {@code TestApp} is mapped, in Jetty's contexts and in the web application's web.xml. */
  public static final List<String> APP_PATHS =
      List.of(
          "/fail/*",
          "/echo",
          "/form",
          "/orders/*",
          "/status",
          "/message",
          "/async",
          "/async-fail",
          "/async-timeout",
          "/redispatch",
          "/forward");

  protected HttpClient http;
  protected URI base;
  protected RecordingTransport transport;

  /** Every drop the SDK counted since {@link #init}, as "reason category quantity". */
  protected final List<String> discards = new CopyOnWriteArrayList<>();

  /** Starts Jetty on a free port with TestApp; returns the port. */
  protected abstract int startServer() throws Exception;

  protected abstract void stopServer() throws Exception;

  /** Makes requests with {@code X-Together} wait until {@code count} of them have arrived. */
  protected abstract void together(int count);

  @BeforeAll
  void startJetty() throws Exception {
    int port = startServer();
    base = URI.create("http://127.0.0.1:" + port);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  void stopJetty() throws Exception {
    stopServer();
  }

  @AfterEach
  void closeSdk() {
    Sentry.close();
  }

  protected void init(Consumer<SentryOptions.Builder> options) {
    transport = new RecordingTransport();
    discards.clear();
    RecordingTransport t = transport;
    Sentry.init(
        o -> {
          o.externalConfiguration(false)
              .enableShutdownHook(false)
              .enableUncaughtExceptionHandler(false)
              .release("shop@1.0.0")
              .discardListener(
                  (reason, category, n) -> discards.add(reason + " " + category + " " + n))
              .transportFactory(x -> t);
          options.accept(o);
        });
  }

  /**
   * Waits until {@code count} requests have ended in the SDK (each is one session), so that nothing
   * a container does at their end (async listeners) can still add an event.
   */
  protected static void awaitEndedRequests(long count) {
    Await.until(
        count + " ended requests", 10_000, () -> SdkInternals.pendingRequestSessions() >= count);
  }

  protected HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> post(
      String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        request(path, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.timeout(Duration.ofSeconds(30));
  }

  /** Waits (with a deadline) until {@code count} events were sent; returns them schema-checked. */
  protected List<JsonObject> awaitEvents(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (transport.events().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return events(count);
  }

  /** The events sent so far, schema-checked, which must be {@code count}. */
  protected List<JsonObject> events(int count) throws Exception {
    List<JsonObject> events = new ArrayList<>();
    for (Envelope envelope : transport.envelopes()) {
      for (EnvelopeItem item : envelope.items()) {
        if (item.type().equals("event")) {
          byte[] payload = item.payload();
          EventSchema.assertValid(payload);
          events.add(
              JsonParser.parseString(new String(payload, StandardCharsets.UTF_8))
                  .getAsJsonObject());
        }
      }
    }
    assertThat(events).hasSize(count);
    return events;
  }

  protected JsonObject onlyEvent() throws Exception {
    return awaitEvents(1).get(0);
  }

  /** The event's headers as "Name: value" lines, in order. */
  protected static List<String> headers(JsonObject event) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, JsonElement> h :
        event.getAsJsonObject("request").getAsJsonObject("headers").entrySet()) {
      lines.add(h.getKey() + ": " + h.getValue().getAsString());
    }
    return lines;
  }

  /** The request body, written as JSON text on the wire, parsed. */
  protected static JsonObject requestData(JsonObject event) {
    return JsonParser.parseString(event.getAsJsonObject("request").get("data").getAsString())
        .getAsJsonObject();
  }

  protected static JsonObject mainException(JsonObject event) {
    JsonArray values = event.getAsJsonObject("exception").getAsJsonArray("values");
    return values.get(values.size() - 1).getAsJsonObject();
  }

  /** The data of the request's {@code http.server} breadcrumb. */
  protected static JsonObject serverBreadcrumb(JsonObject event) {
    for (JsonElement b : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
      JsonObject crumb = b.getAsJsonObject();
      if (crumb.has("category") && crumb.get("category").getAsString().equals("http.server")) {
        return crumb.getAsJsonObject("data");
      }
    }
    throw new AssertionError("no http.server breadcrumb in " + event);
  }

  protected static List<String> breadcrumbMessages(JsonObject event) {
    List<String> messages = new ArrayList<>();
    if (!event.has("breadcrumbs")) {
      return messages;
    }
    for (JsonElement b : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
      JsonObject crumb = b.getAsJsonObject();
      if (crumb.has("message")) {
        messages.add(crumb.get("message").getAsString());
      }
    }
    return messages;
  }
}
