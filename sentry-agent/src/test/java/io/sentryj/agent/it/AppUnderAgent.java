package io.sentryj.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real framework's application (Spring Boot, Quarkus, Dropwizard) run in a JVM of its own under
 * {@code -javaagent:}, sending to a {@link SentryStub}: its start, its HTTP port (read from what it
 * prints), requests to it, its end at the end of its input, and what reached Sentry.
 */
final class AppUnderAgent {
  private final Path work;
  private final SentryStub sentry;
  private final Pattern port;
  private final HttpClient http = HttpClient.newHttpClient();

  /** {@code port}: a pattern whose first group is the port, in the application's output. */
  AppUnderAgent(Path work, SentryStub sentry, Pattern port) {
    this.work = work;
    this.sentry = sentry;
    this.port = port;
  }

  /** The agent sending to the stub; at exit it is given time to deliver everything. */
  String javaagent(String... options) {
    return "-javaagent:"
        + ForkedJvm.AGENT_JAR
        + "=dsn="
        + sentry.dsn()
        + ",outbox-dir="
        + work.resolve("outbox")
        + ",shutdown-timeout-millis=20000"
        + (options.length > 0 ? "," + String.join(",", options) : "");
  }

  Process start(List<String> command) throws IOException {
    return ForkedJvm.start(work, command);
  }

  /** Waits for the port, then for the agent to have installed everything; the base URL. */
  String awaitAgentRunning() {
    ForkedJvm.awaitTrue(() -> port.matcher(output()).find(), "the application to listen");
    Matcher matcher = port.matcher(output());
    assertThat(matcher.find()).isTrue();
    String base = "http://localhost:" + matcher.group(1);
    ForkedJvm.awaitTrue(() -> "running".equals(body(base + "/agent-state")), "the agent to run");
    return base;
  }

  /** Ends the application at the end of its input: it exits without agent trouble. */
  void stop(Process app) throws Exception {
    app.getOutputStream().close();
    assertThat(ForkedJvm.exitStatus(app)).as(ForkedJvm.stderr(work)).isZero();
    assertThat(ForkedJvm.stderr(work)).doesNotContain("uninstrumented", "skipped", "[sentryj]");
  }

  /** What the application printed, both streams. */
  String output() {
    try {
      return ForkedJvm.stdout(work) + ForkedJvm.stderr(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String body(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** No request body received by the stub contains one of the secrets. */
  void assertNoSecretReachedSentry(List<String> secrets) {
    for (String body : sentry.requestBodies()) {
      for (String secret : secrets) {
        assertThat(body).doesNotContain(secret);
      }
    }
  }

  /**
   * The event's in-app frames are all the application's (under {@code appPackage}), there is one,
   * and no frame is the SDK's or the agent's.
   */
  static void assertApplicationFramesInAppAndNoneOfTheSdks(JsonObject event, String appPackage) {
    List<String> inApp = new ArrayList<>();
    List<String> modules = new ArrayList<>();
    for (JsonElement value : event.getAsJsonObject("exception").getAsJsonArray("values")) {
      JsonObject stacktrace = value.getAsJsonObject().getAsJsonObject("stacktrace");
      for (JsonElement f : stacktrace.getAsJsonArray("frames")) {
        JsonObject frame = f.getAsJsonObject();
        String module = frame.get("module").getAsString();
        modules.add(module);
        if (frame.get("in_app").getAsBoolean()) {
          inApp.add(module);
        }
      }
    }
    assertThat(inApp).as("in-app frames").isNotEmpty().allMatch(m -> m.startsWith(appPackage));
    assertThat(modules).as("frames").noneMatch(m -> m.startsWith("io.sentryj."));
  }

  /** The only event whose exception chain holds an exception with this message. */
  static JsonObject onlyWith(List<JsonObject> events, String exceptionMessage) {
    List<JsonObject> matching =
        events.stream()
            .filter(
                e ->
                    e.has("exception")
                        && e.getAsJsonObject("exception")
                            .toString()
                            .contains("\"value\":\"" + exceptionMessage))
            .toList();
    assertThat(matching).as(exceptionMessage).hasSize(1);
    return matching.get(0);
  }

  @Override
  public String toString() {
    return "AppUnderAgent{" + work + '}';
  }
}
