package io.sentryj.agent.it;

import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.breadcrumbMessages;
import static io.sentryj.agent.it.ForkedJvm.exceptionValue;
import static io.sentryj.agent.it.ForkedJvm.exitStatus;
import static io.sentryj.agent.it.ForkedJvm.mechanism;
import static io.sentryj.agent.it.ForkedJvm.message;
import static io.sentryj.agent.it.ForkedJvm.start;
import static io.sentryj.agent.it.ForkedJvm.stderr;
import static io.sentryj.agent.it.ForkedJvm.stdout;
import static io.sentryj.agent.it.ForkedJvm.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.agent.it.apps.AttachTarget;
import io.sentryj.agent.it.apps.ContextPropagation;
import io.sentryj.agent.it.apps.ForkedWork;
import io.sentryj.agent.it.apps.UncaughtInMain;
import io.sentryj.agent.it.apps.WorkerAndLateHandler;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent jar on applications that contain no SDK code, each in a JVM of its own, on this JDK and
 * on JDK 25 where installed. The agent sends to WireMock standing in for Sentry, over real HTTP.
 */
class AgentIT {
  @TempDir Path work;
  private final SentryStub sentry = new SentryStub();

  @AfterEach
  void stop() {
    sentry.close();
  }

  static List<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  private Path outbox() {
    return work.resolve("outbox");
  }

  private String javaagent(String... more) {
    return "-javaagent:" + AGENT_JAR + "=" + sentryArgs(more);
  }

  /**
   * The agent sending to the stub, started before {@code main}, and given time at exit to deliver
   * everything (closing ends as soon as all is sent).
   */
  private String sentryArgs(String... more) {
    StringBuilder args =
        new StringBuilder("dsn=" + sentry.dsn())
            .append(",outbox-dir=")
            .append(outbox())
            .append(",agent.start=sync,shutdown-timeout-millis=20000");
    for (String arg : more) {
      args.append(',').append(arg);
    }
    return args.toString();
  }

  private List<JsonObject> events() {
    return sentry.events();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void anExceptionEndingMainIsCapturedAsFatalAndStillPrinted(Jdk jdk) throws Exception {
    int status = exitStatus(start(jdk, work, UncaughtInMain.class.getName(), javaagent()));

    assertThat(status).isEqualTo(1);
    List<JsonObject> events = events();
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    assertThat(exceptionValue(event)).isEqualTo("boom in main");
    assertThat(event.get("level").getAsString()).isEqualTo("fatal");
    assertThat(mechanism(event).get("type").getAsString()).isEqualTo("UncaughtExceptionHandler");
    assertThat(mechanism(event).get("handled").getAsBoolean()).isFalse();
    assertThat(stderr(work))
        .contains("Exception in thread \"main\" java.lang.IllegalStateException: boom in main");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void workerExceptionsAreCapturedAndAHandlerTheApplicationSetsLaterStillRuns(Jdk jdk)
      throws Exception {
    int status = exitStatus(start(jdk, work, WorkerAndLateHandler.class.getName(), javaagent()));

    assertThat(status).isZero();
    assertThat(events())
        .extracting(ForkedJvm::exceptionValue)
        .containsExactlyInAnyOrder("boom in worker", "boom in pool");
    assertThat(stdout(work)).contains("app handler saw boom in pool on pool-worker");
    assertThat(stderr(work))
        .contains("Exception in thread \"plain-worker\" java.lang.IllegalStateException");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void tasksOnOtherThreadsCarryTheRequestsBreadcrumbsAndTags(Jdk jdk) throws Exception {
    int status = exitStatus(start(jdk, work, ContextPropagation.class.getName(), javaagent()));

    assertThat(status).as(stderr(work)).isZero();
    List<JsonObject> events = events();
    List<String> expected =
        new ArrayList<>(
            Arrays.asList(
                "from execute",
                "from submit",
                "from submit-callable",
                "from scheduled",
                "from completable",
                "from fork-join",
                "from thread"));
    if (jdk.feature() >= 21) {
      expected.add("from virtual");
    }
    List<JsonObject> messages =
        events.stream().filter(e -> message(e) != null).collect(Collectors.toList());
    assertThat(messages)
        .extracting(ForkedJvm::message)
        .containsExactlyInAnyOrderElementsOf(expected);
    JsonObject fatal =
        events.stream().filter(e -> exceptionValue(e) != null).findFirst().orElseThrow();
    assertThat(exceptionValue(fatal)).isEqualTo("boom in request task");
    for (JsonObject event : Stream.concat(messages.stream(), Stream.of(fatal)).toList()) {
      String what = String.valueOf(message(event) != null ? message(event) : exceptionValue(event));
      assertThat(tag(event, "request")).as(what).isEqualTo("r-42");
      assertThat(breadcrumbMessages(event)).as(what).containsExactly("request breadcrumb");
    }
  }

  @Test
  void aSwitchedOffInstrumentationLeavesTasksWithoutTheRequestsScopes() throws Exception {
    Jdk jdk = jdks().get(0);
    int status =
        exitStatus(
            start(
                jdk,
                work,
                ContextPropagation.class.getName(),
                javaagent("agent.instrumentation.executor.enabled=false")));

    assertThat(status).isZero();
    JsonObject fromPool =
        events().stream().filter(e -> "from execute".equals(message(e))).findFirst().orElseThrow();
    assertThat(tag(fromPool, "request")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void forkedWorkCarriesItsRequestAndNoWorkerKeepsAnotherRequestsBreadcrumbs(Jdk jdk)
      throws Exception {
    int status = exitStatus(start(jdk, work, ForkedWork.class.getName(), javaagent()));

    assertThat(status).as(stderr(work)).isZero();
    List<JsonObject> events = events();
    for (String request : List.of("request-1", "request-2")) {
      String other = request.equals("request-1") ? "request-2" : "request-1";
      for (String kind :
          List.of("parallel stream", "forked task", "supplyAsync", "supplyAsync on a pool")) {
        JsonObject event = onlyMessage(events, "from " + kind + " of " + request);
        assertThat(breadcrumbMessages(event))
            .as(kind + " of " + request)
            .contains("started " + request, kind + " worker of " + request)
            .noneMatch(b -> b.contains(other));
      }
      assertThat(breadcrumbMessages(onlyMessage(events, "end of " + request)))
          .as("fork/join parts work in their request's own scopes")
          .contains(
              "started " + request,
              "parallel stream worker of " + request,
              "forked task worker of " + request,
              "supplyAsync on a pool worker of " + request)
          .noneMatch(b -> b.contains(other));
    }
    assertThat(breadcrumbMessages(onlyMessage(events, "from the pool made in request-1")))
        .as("a worker made during a request keeps none of its scopes")
        .noneMatch(b -> b.contains("request-"));
    List<String> stacks = stdout(work).lines().filter(l -> l.startsWith("stack of ")).toList();
    assertThat(stacks).hasSize(2);
    assertThat(stacks)
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain(
                        "io.sentryj.agent.instrumentation",
                        "io.sentryj.agent.bootstrap",
                        "io.sentryj.agent.shaded"));
  }

  private static JsonObject onlyMessage(List<JsonObject> events, String message) {
    List<JsonObject> matching =
        events.stream().filter(e -> message.equals(message(e))).collect(Collectors.toList());
    assertThat(matching).as(message).hasSize(1);
    return matching.get(0);
  }

  @Test
  void withoutDsnTheAgentSaysSoOnceAndChangesNothing() throws Exception {
    Jdk jdk = jdks().get(0);
    int status =
        exitStatus(
            start(jdk, work, WorkerAndLateHandler.class.getName(), "-javaagent:" + AGENT_JAR));

    assertThat(status).isZero();
    String stderr = stderr(work);
    assertThat(stderr.lines().filter(l -> l.contains("[sentryj]"))).hasSize(1);
    assertThat(stderr)
        .contains("no DSN, outbox-only or Spotlight configured")
        .doesNotContain("bootstrap classpath");
    assertThat(stdout(work)).contains("app handler saw boom in pool");
  }

  @Test
  void anInvalidOptionIsOneLineAndTheApplicationRunsWithoutTheAgent() throws Exception {
    Jdk jdk = jdks().get(0);
    int status =
        exitStatus(
            start(jdk, work, WorkerAndLateHandler.class.getName(), javaagent("sample-rate=2")));

    assertThat(status).isZero();
    String stderr = stderr(work);
    assertThat(stderr.lines().filter(l -> l.contains("[sentryj]")))
        .singleElement()
        .asString()
        .contains("could not start")
        .contains("sample-rate")
        .contains("agent argument sample-rate");
    assertThat(stdout(work)).contains("app handler saw boom in pool");
    assertThat(events()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void anAgentAttachedToARunningJvmCapturesItsLaterErrorsAndASecondAttachSaysItRunsAlready(Jdk jdk)
      throws Exception {
    Path appDir = Files.createDirectories(work.resolve("app"));
    Process app = start(jdk, appDir, AttachTarget.class.getName());
    try {
      ForkedJvm.awaitTrue(() -> stdoutOf(appDir).contains("ready"), "the application to start");
      Attached withoutDsn = attach(jdk, app, "without-dsn", "environment=nowhere");
      assertThat(withoutDsn.status).as(withoutDsn.output).isEqualTo(1);
      assertThat(withoutDsn.output).contains("not running (idle: no DSN");

      Attached first = attach(jdk, app, "first", sentryArgs());
      assertThat(first.status).as(first.output).isZero();
      assertThat(first.output).contains("sentry-agent started in JVM " + app.pid());

      Attached second = attach(jdk, app, "second", sentryArgs("environment=other"));
      assertThat(second.status).as(second.output).isEqualTo(1);
      assertThat(second.output)
          .contains("sentry-agent is already in JVM " + app.pid() + " (running)")
          .contains("not loaded again");

      try (OutputStream in = app.getOutputStream()) {
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(exitStatus(app)).isZero();
    } finally {
      app.destroyForcibly();
    }
    List<JsonObject> events = events();
    assertThat(events).extracting(ForkedJvm::exceptionValue).containsExactly("boom after attach");
    assertThat(events.get(0).get("environment").getAsString()).isEqualTo("production");
    assertThat(stderr(appDir)).contains("no DSN").doesNotContain("ignoring a second start");
  }

  private record Attached(int status, String output) {}

  /** Runs {@code sentry-agent.jar attach <pid> <args>} in a JVM of its own. */
  private Attached attach(Jdk jdk, Process app, String name, String args) throws Exception {
    Path cliDir = Files.createDirectories(work.resolve("attach-" + name));
    List<String> attach =
        List.of(jdk.java(), "-jar", AGENT_JAR.toString(), "attach", Long.toString(app.pid()), args);
    int status = exitStatus(ForkedJvm.start(cliDir, attach));
    return new Attached(status, stdout(cliDir) + stderr(cliDir));
  }

  private static String stdoutOf(Path dir) {
    try {
      return stdout(dir);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
