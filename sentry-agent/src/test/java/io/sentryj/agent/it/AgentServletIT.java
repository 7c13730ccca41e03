package io.sentryj.agent.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.exceptionValue;
import static io.sentryj.agent.it.ForkedJvm.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.agent.it.apps.servlet.JakartaApp;
import io.sentryj.agent.it.apps.servlet.JavaxApp;
import io.sentryj.agent.it.apps.servlet.OwnFilterApp;
import io.sentryj.testing.EventSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent on Jetty applications, one {@code javax.servlet} (ee8) and one {@code jakarta.servlet}
 * (ee10), that contain no SDK code and register no filter: real HTTP requests, and Sentry as
 * WireMock, on this JDK and on JDK 25 where installed.
 */
class AgentServletIT {
  private static final List<String> LIBRARIES =
      List.of("/org/eclipse/jetty/", "/jakarta/servlet/", "/javax/servlet/", "/org/slf4j/");
  private static final Pattern PORT = Pattern.compile("port=(\\d+)");

  @TempDir Path work;
  private final SentryStub sentry = new SentryStub();
  private final HttpClient http = HttpClient.newHttpClient();

  static Stream<Arguments> applications() {
    return ForkedJvm.jdks().stream()
        .flatMap(
            jdk ->
                Stream.of(
                    Arguments.of(jdk, JavaxApp.class.getName()),
                    Arguments.of(jdk, JakartaApp.class.getName())));
  }

  @AfterEach
  void stopSentry() {
    sentry.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("applications")
  void requestsRunInTheirOwnScopeAndTheirFailuresAreCapturedOnce(Jdk jdk, String app)
      throws Exception {
    String trace = UUID.randomUUID().toString().replace("-", "");
    String poolTrace = UUID.randomUUID().toString().replace("-", "");
    boolean virtual = jdk.feature() >= 21;
    List<String> expected =
        new ArrayList<>(
            List.of("no order 7", "boom forwarded-f", "boom dispatched-d", "boom in pool task p"));
    if (virtual) {
      expected.add("boom in virtual thread v");
    }
    Process process = start(jdk, app, LIBRARIES, javaagent("capture-server-errors=true"));
    String base;
    try {
      base = "http://localhost:" + appPort();
      HttpResponse<String> failed =
          get(
              base + "/orders/7?token=s3cret&page=2",
              "sentry-trace",
              trace + "-0123456789abcdef-1",
              "Cookie",
              "theme=dark",
              "Authorization",
              "Bearer secret-token",
              "X-Custom",
              "custom");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(get(base + "/forward?id=f").statusCode()).isEqualTo(500);
      assertThat(get(base + "/redispatch?id=d").statusCode()).isEqualTo(500);
      assertThat(get(base + "/status").statusCode()).isEqualTo(503);
      assertThat(get(base + "/async").statusCode()).isEqualTo(504);
      assertThat(get(base + "/ok").statusCode()).isEqualTo(204);
      assertThat(
              get(base + "/pool?id=p", "sentry-trace", poolTrace + "-0123456789abcdef-1")
                  .statusCode())
          .isEqualTo(202);
      assertThat(get(base + "/virtual?id=v").statusCode()).isEqualTo(virtual ? 202 : 204);

      ForkedJvm.awaitTrue(
          () ->
              events().stream()
                      .map(ForkedJvm::exceptionValue)
                      .collect(Collectors.toList())
                      .containsAll(expected)
                  && events().stream().filter(e -> message(e) != null).count() >= 2,
          "the events of the failed requests and tasks");
      stop(process);
    } finally {
      process.destroyForcibly();
    }

    List<JsonObject> events = events();
    events.forEach(e -> EventSchema.assertValid(e.toString()));
    assertThat(events.stream().map(ForkedJvm::exceptionValue).filter(Objects::nonNull))
        .as("one event per failure: nested dispatches do not capture again")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(ForkedJvm::message).filter(Objects::nonNull))
        .as("5xx responses, the async one ended by the agent's listener")
        .containsExactlyInAnyOrder(
            "HTTP 503: GET " + base + "/status", "HTTP 504: GET " + base + "/async");

    JsonObject order = only(events, "no order 7");
    assertThat(ForkedJvm.mechanism(order).get("type").getAsString()).isEqualTo("auto.http.servlet");
    assertThat(ForkedJvm.mechanism(order).get("handled").getAsBoolean()).isFalse();
    assertThat(order.get("transaction").getAsString()).isEqualTo("GET /orders/*");
    assertThat(traceId(order)).isEqualTo(trace);
    JsonObject request = order.getAsJsonObject("request");
    assertThat(request.get("method").getAsString()).isEqualTo("GET");
    assertThat(request.get("url").getAsString()).isEqualTo(base + "/orders/7");
    assertThat(request.get("query_string").getAsString())
        .contains("page=2")
        .doesNotContain("s3cret");
    assertThat(request.has("cookies")).as("no cookies without sendDefaultPii").isFalse();
    assertThat(headerNames(request))
        .contains("X-Custom")
        .doesNotContain("Cookie", "Authorization", "cookie", "authorization");
    assertThat(serverBreadcrumbUrls(order)).containsExactly(base + "/orders/7");
    assertThat(serverBreadcrumbStatuses(order)).as("the response's status").containsExactly(500);

    assertThat(only(events, "boom forwarded-f").get("transaction").getAsString())
        .isEqualTo("GET /forward");
    assertThat(
            only(events, "boom dispatched-d").getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/redispatch");

    JsonObject pool = only(events, "boom in pool task p");
    assertThat(traceId(pool)).as("the task carries its request's trace").isEqualTo(poolTrace);
    assertThat(pool.getAsJsonObject("request").get("url").getAsString()).isEqualTo(base + "/pool");
    assertThat(serverBreadcrumbUrls(pool)).containsExactly(base + "/pool");
    if (virtual) {
      JsonObject thread = only(events, "boom in virtual thread v");
      assertThat(thread.getAsJsonObject("request").get("url").getAsString())
          .isEqualTo(base + "/virtual");
      assertThat(serverBreadcrumbUrls(thread)).containsExactly(base + "/virtual");
    }
  }

  @Test
  void requestsOfAnApplicationThatRegistersTheModulesFilterItselfAreLeftToThatFilter()
      throws Exception {
    Jdk jdk = ForkedJvm.jdks().get(0);
    List<String> libraries = new ArrayList<>(LIBRARIES);
    // the application's own sentryj, not relocated, and what it needs
    libraries.addAll(
        List.of(
            "/sentry-core/target/",
            "/sentry-servlet/target/",
            "/com/squareup/",
            "/org/jetbrains/",
            "/com/google/code/gson/"));
    Process process =
        start(
            jdk,
            OwnFilterApp.class.getName(),
            libraries,
            javaagent("release=agent"),
            "-Downapp.dsn=" + dsn());
    try {
      String base = "http://localhost:" + appPort();
      assertThat(get(base + "/orders/9").statusCode()).isEqualTo(500);
      ForkedJvm.awaitTrue(() -> !events().isEmpty(), "the failed request's event");
      stop(process);
    } finally {
      process.destroyForcibly();
    }

    List<JsonObject> events = events();
    assertThat(events).extracting(ForkedJvm::exceptionValue).containsExactly("no order 9");
    assertThat(events.get(0).get("release").getAsString()).isEqualTo("own");
  }

  @Test
  void theJarCarriesTheServletModulesTypedCodeWhereNoContainerFindsIt() throws IOException {
    try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      assertThat(names)
          .contains(
              "inst/io/sentryj/agent/shaded/sentryj/servlet/internal/RequestScope.classdata",
              "inst/io/sentryj/agent/shaded/sentryj/servlet/javax/internal/ServletEntry.classdata",
              "inst/io/sentryj/agent/shaded/sentryj/servlet/jakarta/internal/ServletEntry.classdata")
          .noneMatch(name -> name.contains("META-INF/services/javax.servlet."))
          .noneMatch(name -> name.contains("META-INF/services/jakarta.servlet."))
          .noneMatch(name -> name.contains("/servlet/") && name.endsWith(".class"));
    }
  }

  private String dsn() {
    return sentry.dsn();
  }

  private String javaagent(String options) {
    return "-javaagent:" + AGENT_JAR + "=dsn=" + dsn() + ",agent.start=sync," + options;
  }

  private Process start(Jdk jdk, String app, List<String> libraries, String... jvmOptions)
      throws IOException {
    return ForkedJvm.startWithLibraries(jdk, work, libraries, app, jvmOptions);
  }

  /** Ends the application at the end of its input; it exits normally, without agent trouble. */
  private void stop(Process process) throws Exception {
    process.getOutputStream().close();
    assertThat(ForkedJvm.exitStatus(process)).as(ForkedJvm.stderr(work)).isZero();
    assertThat(ForkedJvm.stderr(work)).doesNotContain("uninstrumented", "skipped");
  }

  private int appPort() throws Exception {
    ForkedJvm.awaitTrue(() -> PORT.matcher(stdout()).find(), "the application to listen");
    Matcher matcher = PORT.matcher(stdout());
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private String stdout() {
    try {
      return ForkedJvm.stdout(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The events Sentry received so far. */
  private List<JsonObject> events() {
    return sentry.events();
  }

  private static JsonObject only(List<JsonObject> events, String exception) {
    List<JsonObject> matching =
        events.stream().filter(e -> exception.equals(exceptionValue(e))).toList();
    assertThat(matching).as(exception).hasSize(1);
    return matching.get(0);
  }

  private static String traceId(JsonObject event) {
    return event.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString();
  }

  /** Header names of the request interface, written as {@code [[name, value], ...]}. */
  private static List<String> headerNames(JsonObject request) {
    List<String> names = new ArrayList<>();
    JsonElement headers = request.get("headers");
    if (headers instanceof JsonArray array) {
      array.forEach(pair -> names.add(pair.getAsJsonArray().get(0).getAsString()));
    } else if (headers instanceof JsonObject object) {
      for (Map.Entry<String, JsonElement> e : object.entrySet()) {
        names.add(e.getKey());
      }
    }
    return names;
  }

  /** The {@code status_code} of the {@code http.server} breadcrumbs that carry one. */
  private static List<Integer> serverBreadcrumbStatuses(JsonObject event) {
    List<Integer> statuses = new ArrayList<>();
    for (JsonElement b : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
      JsonObject crumb = b.getAsJsonObject();
      JsonObject data = crumb.getAsJsonObject("data");
      if ("http.server".equals(crumb.has("category") ? crumb.get("category").getAsString() : null)
          && data != null
          && data.has("status_code")) {
        statuses.add(data.get("status_code").getAsInt());
      }
    }
    return statuses;
  }

  /** The URLs of the {@code http.server} breadcrumbs the request scope added. */
  private static List<String> serverBreadcrumbUrls(JsonObject event) {
    List<String> urls = new ArrayList<>();
    if (event.has("breadcrumbs")) {
      for (JsonElement b : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
        JsonObject crumb = b.getAsJsonObject();
        if (crumb.has("category") && crumb.get("category").getAsString().equals("http.server")) {
          urls.add(crumb.getAsJsonObject("data").get("url").getAsString());
        }
      }
    }
    return urls;
  }
}
