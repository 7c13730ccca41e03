package io.sentryj.agent.it;

import static io.sentryj.agent.it.ForkedJvm.breadcrumbMessages;
import static io.sentryj.agent.it.ForkedJvm.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.testing.EventSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on a real Spring Boot 4 web application (the module {@code spring-boot-app}, built by
 * the same build from Spring Boot's starters on Maven Central): its executable jar on embedded
 * Tomcat with Logback, run with {@code java -javaagent:sentry-agent.jar=... -jar shop-tomcat.jar}
 * and nothing else, and the same classes on Jetty 12 from a class path. Sentry is WireMock.
 */
class SpringBootAgentIT {
  private static final Path APP =
      Paths.get(System.getProperty("sentryj.spring.app", "spring-boot-app/target"))
          .toAbsolutePath();
  private static final String APP_PACKAGE = "org.springframework.samples.shop.";
  private static final Pattern PORT = Pattern.compile("port=(\\d+)");
  private static final List<String> SECRETS =
      List.of("s3cr3t-token", "c00kie-secret", "k3y-secret", "q-secret");

  @TempDir Path work;
  private final SentryStub sentry = new SentryStub();
  private AppUnderAgent app;

  @BeforeEach
  void app() {
    app = new AppUnderAgent(work, sentry, PORT);
  }

  @AfterEach
  void stopSentry() {
    sentry.close();
  }

  @Test
  void onTomcatEachFailureIsOneEventWithItsRequestAndOnlyTheApplicationsFramesInApp()
      throws Exception {
    Process app = startJar("agent.start=background");
    String base;
    try {
      base = awaitAgentRunning();
      HttpResponse<String> failed =
          get(
              base + "/orders/7?token=q-secret&page=2",
              "Authorization",
              "Bearer s3cr3t-token",
              "Cookie",
              "session=c00kie-secret",
              "X-Api-Key",
              "k3y-secret");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(get(base + "/pay/9").statusCode()).isEqualTo(402);
      assertThat(get(base + "/parallel/3").statusCode()).isEqualTo(500);
      assertThat(get(base + "/orders/8").statusCode()).isEqualTo(500);
      assertThat(get(base + "/ok").statusCode()).isEqualTo(200);
      ForkedJvm.awaitTrue(() -> sentry.events().size() >= 4, "the failures' events");
      stop(app);
    } finally {
      app.destroyForcibly();
    }

    List<JsonObject> events = sentry.events();
    events.forEach(e -> EventSchema.assertValid(e.toString()));
    assertThat(events)
        .as("one event per failure: Tomcat's log of the same failure is not sent again")
        .hasSize(4);

    JsonObject order = onlyWith(events, "no order 7");
    assertThat(mechanism(order).get("type").getAsString()).isEqualTo("auto.http.servlet");
    assertThat(order.get("transaction").getAsString()).isEqualTo("GET /orders/{id}");
    JsonObject request = order.getAsJsonObject("request");
    assertThat(request.get("url").getAsString()).isEqualTo(base + "/orders/7");
    assertThat(request.get("query_string").getAsString()).contains("page=2");
    assertThat(request.toString()).doesNotContain("Authorization", "Cookie");
    assertApplicationFramesInAppAndNoneOfTheSdks(order);
    assertThat(order.getAsJsonObject("sdk").getAsJsonArray("integrations").toString())
        .contains("agent.servlet", "agent.logback", "agent.executor");
    assertBreadcrumbsExplainTheRequest(order, base + "/orders/7", "looking up order 7");

    JsonObject payment = onlyWith(events, "card declined for order 9");
    assertThat(message(payment)).isEqualTo("payment for order 9 declined");
    assertThat(mechanism(payment).get("type").getAsString()).isEqualTo("auto.log.logback");
    assertThat(payment.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/pay/9");
    assertApplicationFramesInAppAndNoneOfTheSdks(payment);

    JsonObject parallel = onlyWith(events, "parts of 3 are missing");
    List<String> parts = new ArrayList<>();
    for (int part = 0; part < 8; part++) {
      parts.add("checking part " + part + " of 3");
    }
    assertThat(breadcrumbMessages(parallel))
        .as("the parallel stream's parts log into their request")
        .containsAll(parts);
    assertThat(breadcrumbMessages(onlyWith(events, "no order 8")))
        .as("and into no later request")
        .noneMatch(b -> b.startsWith("checking part"));

    assertNoSecretReachedSentry();
  }

  @Test
  void onJettyAFailingRequestIsOneEventWithItsRequestAndTheApplicationsFramesInApp()
      throws Exception {
    List<String> classPath = new ArrayList<>();
    classPath.add(APP.resolve("classes").toString());
    classPath.add(Files.readString(APP.resolve("jetty.classpath")).trim());
    List<String> command =
        List.of(
            jdk().java(),
            javaagent("agent.start=sync"),
            "-cp",
            String.join(java.io.File.pathSeparator, classPath),
            APP_PACKAGE + "ShopApplication",
            "--server.port=0");
    Process app = ForkedJvm.start(work, command);
    String base;
    try {
      base = awaitAgentRunning();
      assertThat(ForkedJvm.stdout(work)).contains("Jetty started");
      assertThat(
              get(base + "/orders/5", "Authorization", "Bearer s3cr3t-token", "X-Api-Key", "k3y")
                  .statusCode())
          .isEqualTo(500);
      assertThat(get(base + "/pay/6").statusCode()).isEqualTo(402);
      ForkedJvm.awaitTrue(() -> sentry.events().size() >= 2, "the failures' events");
      stop(app);
    } finally {
      app.destroyForcibly();
    }

    List<JsonObject> events = sentry.events();
    assertThat(events).hasSize(2);
    JsonObject order = onlyWith(events, "no order 5");
    assertThat(order.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/orders/5");
    assertApplicationFramesInAppAndNoneOfTheSdks(order);
    assertApplicationFramesInAppAndNoneOfTheSdks(onlyWith(events, "card declined for order 6"));
    assertNoSecretReachedSentry();
  }

  @Test
  void aFailedStartIsOneEventSentBeforeTheJvmExits() throws Exception {
    Process app = startJar("agent.start=sync", "--shop.fail-at-start=true");

    int status = ForkedJvm.exitStatus(app);

    assertThat(status).as(ForkedJvm.stderr(work)).isNotZero();
    List<JsonObject> events = sentry.events();
    assertThat(events).hasSize(1);
    JsonObject failure = onlyWith(events, "the catalog could not be loaded");
    assertThat(message(failure)).isEqualTo("Application run failed");
    assertApplicationFramesInAppAndNoneOfTheSdks(failure);
  }

  @Test
  void aPortInUseAtStartIsOneEventSentBeforeTheJvmExits() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process app = startJar("agent.start=sync", "--server.port=" + taken.getLocalPort());

      int status = ForkedJvm.exitStatus(app);

      assertThat(status).as(ForkedJvm.stderr(work)).isNotZero();
    }
    List<JsonObject> events = sentry.events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).toString()).contains("already in use");
  }

  private Process startJar(String agentOption, String... appArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(jdk().java());
    command.add(javaagent(agentOption));
    command.add("-jar");
    command.add(APP.resolve("shop-tomcat.jar").toString());
    command.addAll(List.of(appArgs));
    if (command.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
      command.add("--server.port=0");
    }
    return ForkedJvm.start(work, command);
  }

  private static Jdk jdk() {
    return ForkedJvm.jdks().get(0);
  }

  private static void assertApplicationFramesInAppAndNoneOfTheSdks(JsonObject event) {
    AppUnderAgent.assertApplicationFramesInAppAndNoneOfTheSdks(event, APP_PACKAGE);
  }

  /**
   * The request's own breadcrumbs, its {@code http.server} one with the status, and of those from
   * before it at most the newest ten.
   */
  private static void assertBreadcrumbsExplainTheRequest(
      JsonObject event, String url, String ownMessage) {
    JsonArray breadcrumbs = event.getAsJsonObject("breadcrumbs").getAsJsonArray("values");
    List<String> urls = new ArrayList<>();
    int startUp = 0;
    for (JsonElement b : breadcrumbs) {
      JsonObject crumb = b.getAsJsonObject();
      if (crumb.has("category") && crumb.get("category").getAsString().equals("http.server")) {
        JsonObject data = crumb.getAsJsonObject("data");
        urls.add(data.get("url").getAsString());
        assertThat(data.has("status_code") ? data.get("status_code").getAsInt() : null)
            .as("the status of the failed request")
            .isEqualTo(500);
      }
      if (crumb.has("message")
          && crumb.get("message").getAsString().startsWith("loading catalog entry")) {
        startUp++;
      }
    }
    assertThat(urls).containsExactly(url);
    assertThat(breadcrumbMessages(event)).contains(ownMessage);
    assertThat(startUp).as("start-up breadcrumbs").isBetween(1, 10);
    assertThat(breadcrumbs.size()).as("all breadcrumbs").isLessThanOrEqualTo(10 + 2);
  }

  private void assertNoSecretReachedSentry() {
    app.assertNoSecretReachedSentry(SECRETS);
  }

  private static JsonObject mechanism(JsonObject event) {
    return ForkedJvm.mechanism(event);
  }

  private static JsonObject onlyWith(List<JsonObject> events, String exceptionMessage) {
    return AppUnderAgent.onlyWith(events, exceptionMessage);
  }

  private String awaitAgentRunning() {
    return app.awaitAgentRunning();
  }

  private void stop(Process process) throws Exception {
    app.stop(process);
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    return app.get(url, headers);
  }

  private String javaagent(String option) {
    return app.javaagent(option);
  }
}
