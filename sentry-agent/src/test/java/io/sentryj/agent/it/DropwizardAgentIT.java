package io.sentryj.agent.it;

import static io.sentryj.agent.it.AppUnderAgent.assertApplicationFramesInAppAndNoneOfTheSdks;
import static io.sentryj.agent.it.AppUnderAgent.onlyWith;
import static io.sentryj.agent.it.ForkedJvm.breadcrumbMessages;
import static io.sentryj.agent.it.ForkedJvm.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.testing.EventSchema;
import java.io.File;
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
 * The agent on a real Dropwizard 5 application (the module {@code dropwizard-app}: Jetty 12,
 * Jersey's {@code ServletContainer}, Logback, built by the same build from Dropwizard's BOM on
 * Maven Central), run as Dropwizard applications are, {@code ... ShopApplication server shop.yml},
 * with the agent's default start and nothing else. Sentry is WireMock.
 */
class DropwizardAgentIT {
  private static final Path APP =
      Paths.get(System.getProperty("sentryj.dropwizard.app", "dropwizard-app/target"))
          .toAbsolutePath();
  private static final String APP_PACKAGE = "com.example.shop.";
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
  void eachFailureThroughJerseysServletContainerIsOneEventWithItsRequestAndScope()
      throws Exception {
    Process dropwizard = app.start(command("server", "shop.yml"));
    String base;
    try {
      base = app.awaitAgentRunning();
      assertThat(
              app.get(
                      base + "/orders/7?token=q-secret&page=2",
                      "Authorization",
                      "Bearer s3cr3t-token",
                      "Cookie",
                      "session=c00kie-secret",
                      "X-Api-Key",
                      "k3y-secret")
                  .statusCode())
          .isEqualTo(500);
      assertThat(app.get(base + "/pay/9").statusCode()).isEqualTo(402);
      assertThat(app.get(base + "/ok").statusCode()).isEqualTo(200);
      ForkedJvm.awaitTrue(() -> sentry.events().size() >= 2, "the failures' events");
      app.stop(dropwizard);
    } finally {
      dropwizard.destroyForcibly();
    }

    List<JsonObject> events = sentry.events();
    events.forEach(e -> EventSchema.assertValid(e.toString()));
    assertThat(events).as("one event per failure").hasSize(2);
    JsonObject order = onlyWith(events, "no order 7");
    JsonObject request = order.getAsJsonObject("request");
    assertThat(request.get("url").getAsString()).isEqualTo(base + "/orders/7");
    assertThat(request.get("query_string").getAsString()).contains("page=2");
    assertThat(request.toString()).doesNotContain("Authorization", "Cookie");
    assertThat(order.get("transaction").getAsString()).startsWith("GET /");
    assertThat(breadcrumbMessages(order))
        .as("the request's own breadcrumbs")
        .contains("looking up order 7");
    assertApplicationFramesInAppAndNoneOfTheSdks(order, APP_PACKAGE);

    JsonObject payment = onlyWith(events, "card declined for order 9");
    assertThat(message(payment)).isEqualTo("payment for order 9 declined");
    assertThat(payment.getAsJsonObject("request").get("url").getAsString())
        .isEqualTo(base + "/pay/9");
    assertThat(breadcrumbMessages(payment))
        .as("nothing of the other request")
        .doesNotContain("looking up order 7");
    assertApplicationFramesInAppAndNoneOfTheSdks(payment, APP_PACKAGE);
    app.assertNoSecretReachedSentry(SECRETS);
  }

  @Test
  void aConfigurationErrorAtStartIsOneEventSentBeforeTheJvmExits() throws Exception {
    int status = ForkedJvm.exitStatus(app.start(command("server", "shop-broken.yml")));

    assertThat(status).as(app.output()).isEqualTo(1);
    assertThat(app.output()).contains("maxThreadz");
    List<JsonObject> events = sentry.events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("level").getAsString()).isEqualTo("fatal");
    assertThat(events.get(0).toString()).contains("maxThreadz");
  }

  private List<String> command(String... args) throws Exception {
    List<String> classPath = new ArrayList<>();
    classPath.add(APP.resolve("classes").toString());
    classPath.add(Files.readString(APP.resolve("application.classpath")).trim());
    List<String> command = new ArrayList<>();
    command.add(ForkedJvm.jdks().get(0).java());
    command.add(app.javaagent());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath));
    command.add(APP_PACKAGE + "ShopApplication");
    for (String arg : args) {
      command.add(arg.endsWith(".yml") ? APP.resolve("classes").resolve(arg).toString() : arg);
    }
    return command;
  }
}
