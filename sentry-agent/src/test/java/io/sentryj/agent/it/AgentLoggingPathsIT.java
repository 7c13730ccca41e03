package io.sentryj.agent.it;

import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.APP_CLASSES;
import static io.sentryj.agent.it.ForkedJvm.breadcrumbMessages;
import static io.sentryj.agent.it.ForkedJvm.exceptionValue;
import static io.sentryj.agent.it.ForkedJvm.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.agent.it.apps.logging.ShortJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path a logging library sends a record along, each configured from its own file: a short job
 * ({@link ShortJob}) logs three errors in its first milliseconds and exits, with the agent's
 * default start (beside the job, which ends before the start could finish) and nothing else. Each
 * error is one event at the Sentry stand-in, with the message's own parameters.
 */
class AgentLoggingPathsIT {
  private static final List<String> LOGGING_JARS =
      List.of(
          "logback-classic", "logback-core", "slf4j-api", "log4j-api", "log4j-core", "disruptor");

  /** The configuration of each path: the library, then JVM options. */
  private static final Map<String, List<String>> PATHS =
      Map.of(
          "logback",
          List.of("logback"),
          "logback-async-appender",
          List.of("logback", "-Dlogback.configurationFile=" + config("logback-async.xml")),
          "jul",
          List.of("jul"),
          "log4j2",
          List.of("log4j2", "-Dlog4j2.configurationFile=" + config("log4j2.xml")),
          "log4j2-async-logger",
          List.of("log4j2", "-Dlog4j2.configurationFile=" + config("log4j2-async-logger.xml")),
          "log4j2-all-async",
          List.of(
              "log4j2",
              "-Dlog4j2.configurationFile=" + config("log4j2.xml"),
              "-Dlog4j2.contextSelector="
                  + "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector"),
          "log4j2-async-appender",
          List.of("log4j2", "-Dlog4j2.configurationFile=" + config("log4j2-async-appender.xml")));

  private final SentryStub sentry = new SentryStub();
  @org.junit.jupiter.api.io.TempDir Path work;

  @AfterEach
  void stopSentry() {
    sentry.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "logback",
        "logback-async-appender",
        "jul",
        "log4j2",
        "log4j2-async-logger",
        "log4j2-all-async",
        "log4j2-async-appender"
      })
  void eachErrorOfAJobThatEndsAtOnceIsOneEvent(String path) throws Exception {
    List<String> config = PATHS.get(path);
    List<String> command = new ArrayList<>();
    command.add(ForkedJvm.jdks().get(0).java());
    command.addAll(config.subList(1, config.size()));
    command.add(
        "-javaagent:"
            + AGENT_JAR
            + "=dsn="
            + sentry.dsn()
            + ",outbox-dir="
            + work.resolve("outbox")
            + ",shutdown-timeout-millis=20000");
    command.addAll(
        List.of("-cp", ForkedJvm.classPath(LOGGING_JARS), ShortJob.class.getName(), config.get(0)));

    int status = ForkedJvm.exitStatus(ForkedJvm.start(work, command));

    assertThat(status).as(ForkedJvm.stderr(work)).isZero();
    assertThat(ForkedJvm.stderr(work)).doesNotContain("[sentryj]");
    List<JsonObject> events = sentry.events();
    assertThat(events)
        .as("one event per error, none twice")
        .extracting(ForkedJvm::message)
        .containsExactlyInAnyOrder(
            path.equals("jul") ? "payment 42 failed for cust-9" : "payment 42 failed for cust-9",
            "refund 43 refused",
            "order 44 lost");
    JsonObject payment = only(events, "payment 42 failed for cust-9");
    assertThat(params(payment)).as("the message's parameters only").containsExactly("42", "cust-9");
    assertThat(exceptionValue(only(events, "order 44 lost"))).isEqualTo("no such order");
    assertThat(breadcrumbMessages(only(events, "refund 43 refused"))).contains("job started");
    if (!path.equals("jul")) {
      assertThat(exceptionValue(payment)).isEqualTo("card declined");
      assertThat(params(only(events, "order 44 lost"))).containsExactly("44");
    }
  }

  private static JsonObject only(List<JsonObject> events, String message) {
    List<JsonObject> matching =
        events.stream().filter(e -> message.equals(message(e))).collect(Collectors.toList());
    assertThat(matching).as(message).hasSize(1);
    return matching.get(0);
  }

  private static List<String> params(JsonObject event) {
    List<String> params = new ArrayList<>();
    JsonObject logentry = event.getAsJsonObject("logentry");
    if (logentry.has("params")) {
      JsonArray array = logentry.getAsJsonArray("params");
      for (JsonElement each : array) {
        params.add(each.getAsString());
      }
    }
    return params;
  }

  private static String config(String name) {
    return APP_CLASSES.resolve("logging").resolve(name).toString();
  }
}
