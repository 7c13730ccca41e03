package io.sentryj.agent.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.APP_CLASSES;
import static io.sentryj.agent.it.ForkedJvm.exceptionValue;
import static io.sentryj.agent.it.ForkedJvm.exitStatus;
import static io.sentryj.agent.it.ForkedJvm.mechanism;
import static io.sentryj.agent.it.ForkedJvm.message;
import static io.sentryj.agent.it.ForkedJvm.stderr;
import static io.sentryj.agent.it.ForkedJvm.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.agent.it.apps.logging.JulApp;
import io.sentryj.agent.it.apps.logging.JulSubclassApp;
import io.sentryj.agent.it.apps.logging.Log4j2App;
import io.sentryj.agent.it.apps.logging.LogbackApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logback, Log4j 2 and {@code java.util.logging} records captured by the agent, from applications
 * with no SDK code and no Sentry logging configuration, each in a JVM of its own, on this JDK and
 * on JDK 25 where installed, delivered over HTTP to WireMock standing in for Sentry.
 */
class AgentLoggingIT {
  private static final List<String> LOGGING_JARS =
      Arrays.asList("logback-classic", "logback-core", "slf4j-api", "log4j-api", "log4j-core");
  // what the application's own sentryj (the appender's) needs besides the logging jars
  private static final List<String> SDK_JARS =
      Arrays.asList("sentry-core", "sentry-logback", "okhttp", "okio", "kotlin-stdlib", "gson");

  private final SentryStub sentry = new SentryStub();
  @TempDir Path work;

  static List<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @AfterEach
  void stopSentry() {
    sentry.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void logbackErrorsBecomeEventsAndLowerRecordsBreadcrumbs(Jdk jdk) throws Exception {
    int status = run(jdk, LogbackApp.class, LOGGING_JARS);

    assertThat(status).as(stderr(work)).isZero();
    assertErrorsCaptured("auto.log.logback", "{}", "payment 42 failed");
    JsonObject payment = eventWithException(events(2));
    assertThat(payment.getAsJsonObject("logentry").get("message").getAsString())
        .isEqualTo("payment {} failed");
    assertThat(
            payment.getAsJsonObject("contexts").getAsJsonObject("MDC").get("order").getAsString())
        .isEqualTo("o-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void log4j2ErrorsBecomeEventsOnceDespiteAParentLoggerConfiguration(Jdk jdk) throws Exception {
    int status =
        run(
            jdk,
            Log4j2App.class,
            LOGGING_JARS,
            "-Dlog4j2.configurationFile=" + APP_CLASSES.resolve("logging/log4j2.xml"));

    assertThat(status).as(stderr(work)).isZero();
    assertErrorsCaptured("auto.log.log4j2", "{}", "payment 42 failed");
    JsonObject payment = eventWithException(events(2));
    assertThat(
            payment.getAsJsonObject("contexts").getAsJsonObject("MDC").get("order").getAsString())
        .isEqualTo("o-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void julSevereRecordsBecomeEventsAndLowerRecordsBreadcrumbs(Jdk jdk) throws Exception {
    int status = run(jdk, JulApp.class, List.of());

    assertThat(status).as(stderr(work)).isZero();
    assertErrorsCaptured("auto.log.jul", "{0}", "payment 42 failed");
  }

  @Test
  void aJulLoggerSubclassIsCapturedOnceWhetherItsLogOverrideCallsLoggersOrNot() throws Exception {
    int status = run(jdks().get(0), JulSubclassApp.class, List.of());

    assertThat(status).as(stderr(work)).isZero();
    List<JsonObject> events = events(2);
    assertThat(events)
        .extracting(e -> e.get("logger").getAsString() + " " + message(e))
        .containsExactlyInAnyOrder(
            "shop.own payment 42 failed", "shop.delegating refund 43 refused");
    JsonObject payment = eventWithException(events);
    assertThat(exceptionValue(payment)).isEqualTo("card declined");
    assertThat(mechanism(payment).get("type").getAsString()).isEqualTo("auto.log.jul");
    assertThat(breadcrumbs(payment)).containsExactly("info shop.own cart 7 opened");
  }

  @Test
  void withSentrysOwnAppenderConfiguredEachErrorIsCapturedOnceByTheAppender() throws Exception {
    Jdk jdk = jdks().get(0);
    List<String> jars = new ArrayList<>(LOGGING_JARS);
    jars.addAll(SDK_JARS);
    int status =
        run(
            jdk,
            LogbackApp.class,
            jars,
            "-Dlogback.configurationFile="
                + APP_CLASSES.resolve("logging/logback-with-sentry-appender.xml"),
            "-Dsentryj.test.appender-dsn=" + dsn());

    assertThat(status).as(stderr(work)).isZero();
    List<JsonObject> events = events(2);
    assertThat(events)
        .extracting(ForkedJvm::message)
        .containsExactlyInAnyOrder("payment 42 failed", "refund 43 refused");
    assertThat(events).allSatisfy(e -> assertThat(tag(e, "via")).isEqualTo("appender"));
  }

  @Test
  void aSwitchedOffLibraryIsNotCaptured() throws Exception {
    Jdk jdk = jdks().get(0);
    int status = run(jdk, JulApp.class, List.of(), "agent.instrumentation.jul.enabled=false");

    assertThat(status).as(stderr(work)).isZero();
    assertThat(sentry.requestBodies()).isEmpty();
  }

  /**
   * The two errors are events with their level, logger, formatted message and template; the one
   * with a throwable carries it (handled, mechanism {@code origin}), the other none; each carries
   * the info and warning before it as breadcrumbs, and nothing below.
   */
  private void assertErrorsCaptured(String origin, String placeholder, String paymentText)
      throws Exception {
    List<JsonObject> events = events(2);
    assertThat(events)
        .extracting(ForkedJvm::message)
        .containsExactlyInAnyOrder(paymentText, "refund 43 refused");
    for (JsonObject event : events) {
      assertThat(event.get("level").getAsString()).isEqualTo("error");
      assertThat(event.get("logger").getAsString()).isEqualTo("shop.checkout");
      assertThat(tag(event, "via")).isEqualTo("agent");
      assertThat(breadcrumbs(event))
          .startsWith(
              "info shop.checkout cart 7 opened", "warning shop.checkout stock low for apples");
    }
    JsonObject payment = eventWithException(events);
    assertThat(exceptionValue(payment)).isEqualTo("card declined");
    assertThat(mechanism(payment).get("type").getAsString()).isEqualTo(origin);
    assertThat(mechanism(payment).get("handled").getAsBoolean()).isTrue();
    JsonObject refund =
        events.stream().filter(e -> "refund 43 refused".equals(message(e))).findFirst().get();
    assertThat(refund.has("exception")).isFalse();
    assertThat(refund.getAsJsonObject("logentry").get("message").getAsString())
        .isEqualTo("refund " + placeholder + " refused");
    assertThat(refund.getAsJsonObject("logentry").getAsJsonArray("params").get(0).getAsString())
        .isEqualTo("43");
  }

  private static JsonObject eventWithException(List<JsonObject> events) {
    return events.stream().filter(e -> exceptionValue(e) != null).findFirst().orElseThrow();
  }

  /** Each breadcrumb as "level category message". */
  private static List<String> breadcrumbs(JsonObject event) {
    List<String> crumbs = new ArrayList<>();
    if (event.has("breadcrumbs")) {
      for (JsonElement b : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
        JsonObject crumb = b.getAsJsonObject();
        crumbs.add(
            crumb.get("level").getAsString()
                + " "
                + crumb.get("category").getAsString()
                + " "
                + crumb.get("message").getAsString());
      }
    }
    return crumbs;
  }

  private String dsn() {
    return sentry.dsn();
  }

  /**
   * Runs the application with the agent (and the agent settings given as {@code key=value}) and the
   * named jars of this class path; other arguments are JVM options.
   */
  private int run(Jdk jdk, Class<?> main, List<String> jars, String... options) throws Exception {
    StringBuilder agentArgs =
        new StringBuilder("dsn=" + dsn() + ",tags.via=agent,agent.start=sync");
    List<String> command = new ArrayList<>();
    command.add(jdk.java());
    for (String option : options) {
      if (option.startsWith("-")) {
        command.add(option);
      } else {
        agentArgs.append(',').append(option);
      }
    }
    command.add("-javaagent:" + AGENT_JAR + "=" + agentArgs);
    command.addAll(Arrays.asList("-cp", ForkedJvm.classPath(jars), main.getName()));
    return exitStatus(ForkedJvm.start(work, command));
  }

  /** The events received, once at least {@code expected} have arrived. */
  private List<JsonObject> events(int expected) throws InterruptedException {
    ForkedJvm.awaitTrue(() -> received().size() >= expected, expected + " events at Sentry");
    return received();
  }

  private List<JsonObject> received() {
    return sentry.events();
  }
}
