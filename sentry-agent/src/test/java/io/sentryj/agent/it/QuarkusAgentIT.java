package io.sentryj.agent.it;

import static io.sentryj.agent.it.AppUnderAgent.assertApplicationFramesInAppAndNoneOfTheSdks;
import static io.sentryj.agent.it.AppUnderAgent.onlyWith;
import static io.sentryj.agent.it.ForkedJvm.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.testing.EventSchema;
import java.net.ServerSocket;
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
 * The agent on a real Quarkus 3 application (the module {@code quarkus-app}: Quarkus REST on
 * Vert.x, JBoss LogManager, built by the same build from Quarkus's BOM on Maven Central), run as in
 * production, {@code java -javaagent:sentry-agent.jar=... -jar quarkus-run.jar}, with the agent's
 * default start and nothing else. Sentry is WireMock.
 */
class QuarkusAgentIT {
  private static final Path APP =
      Paths.get(System.getProperty("sentryj.quarkus.app", "quarkus-app/target"))
          .toAbsolutePath()
          .resolve("quarkus-app")
          .resolve("quarkus-run.jar");
  private static final String APP_PACKAGE = "org.acme.shop.";
  private static final Pattern PORT =
      Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
  private static final List<String> SECRETS = List.of("s3cr3t-token", "c00kie-secret", "q-secret");

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
  void aFailedRequestAndErrorsLoggedThroughJBossLoggingAndJulAreOneEventEach() throws Exception {
    Process quarkus = app.start(command());
    String base;
    try {
      base = app.awaitAgentRunning();
      assertThat(
              app.get(
                      base + "/orders/7?token=q-secret",
                      "Authorization",
                      "Bearer s3cr3t-token",
                      "Cookie",
                      "session=c00kie-secret")
                  .statusCode())
          .isEqualTo(500);
      assertThat(app.get(base + "/pay/9").statusCode()).isEqualTo(402);
      assertThat(app.get(base + "/refund/5").statusCode()).isEqualTo(409);
      assertThat(app.get(base + "/ok").statusCode()).isEqualTo(200);
      ForkedJvm.awaitTrue(() -> sentry.events().size() >= 3, "the three errors' events");
      app.stop(quarkus);
    } finally {
      quarkus.destroyForcibly();
    }

    List<JsonObject> events = sentry.events();
    events.forEach(e -> EventSchema.assertValid(e.toString()));
    assertThat(events).hasSize(3);
    JsonObject order = onlyWith(events, "no order 7");
    assertThat(ForkedJvm.mechanism(order).get("type").getAsString()).isEqualTo("auto.log.jboss");
    assertThat(order.get("logger").getAsString())
        .isEqualTo("io.quarkus.vertx.http.runtime.QuarkusErrorHandler");
    assertApplicationFramesInAppAndNoneOfTheSdks(order, APP_PACKAGE);
    assertThat(order.getAsJsonObject("sdk").getAsJsonArray("integrations").toString())
        .contains("agent.jboss-logmanager", "agent.jul", "agent.vertx");
    JsonObject request = order.getAsJsonObject("request");
    assertThat(request).as("the failed request's data, from Vert.x's request").isNotNull();
    assertThat(request.get("method").getAsString()).isEqualTo("GET");
    assertThat(request.get("url").getAsString()).isEqualTo(base + "/orders/7");
    assertThat(request.get("query_string").getAsString()).isEqualTo("token=[Filtered]");
    assertThat(request.toString())
        .doesNotContain("Authorization", "Cookie")
        .containsIgnoringCase("user-agent");
    assertThat(onlyWith(events, "card declined for order 9").has("request"))
        .as("a record logged outside the failure handling has no request")
        .isFalse();

    JsonObject payment = onlyWith(events, "card declined for order 9");
    assertThat(message(payment)).isEqualTo("payment for order 9 declined");
    assertThat(payment.get("logger").getAsString()).isEqualTo("org.acme.shop.OrderResource");
    assertApplicationFramesInAppAndNoneOfTheSdks(payment, APP_PACKAGE);

    JsonObject refund =
        events.stream()
            .filter(e -> "refund 5 refused".equals(message(e)))
            .findFirst()
            .orElseThrow();
    assertThat(refund.get("logger").getAsString()).isEqualTo("org.acme.shop.refunds");
    assertThat(refund.getAsJsonObject("logentry").get("message").getAsString())
        .isEqualTo("refund {0} refused");
    app.assertNoSecretReachedSentry(SECRETS);
  }

  @Test
  void aPortInUseAtStartIsOneEventSentBeforeTheJvmExits() throws Exception {
    int status;
    try (ServerSocket taken = new ServerSocket(0)) {
      List<String> command = command();
      command.add(1, "-Dquarkus.http.port=" + taken.getLocalPort());
      status = ForkedJvm.exitStatus(app.start(command));
    }

    assertThat(status).as(app.output()).isNotZero();
    List<JsonObject> events = sentry.events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("level").getAsString()).isIn("error", "fatal");
    assertThat(events.get(0).toString()).containsIgnoringCase("port");
  }

  private List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(ForkedJvm.jdks().get(0).java());
    command.add(app.javaagent());
    command.add("-jar");
    command.add(APP.toString());
    return command;
  }
}
