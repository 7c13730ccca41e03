package io.sentryj.agent.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.APP_CLASSES;
import static io.sentryj.agent.it.ForkedJvm.awaitTrue;
import static io.sentryj.agent.it.ForkedJvm.exitStatus;
import static io.sentryj.agent.it.ForkedJvm.stderr;
import static io.sentryj.agent.it.ForkedJvm.stdout;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.agent.it.apps.UncaughtInMain;
import io.sentryj.agent.it.apps.ownlibs.OwnOkHttpAndGson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent jar against WireMock standing in for Sentry, over real HTTP: delivery from an
 * application that brings its own OkHttp 3 and Gson 2.8, and the {@code upload} command.
 */
class AgentSentryServerIT {
  private static final Path APP_LIBS =
      Paths.get(System.getProperty("sentryj.app.libs", "target/app-libs")).toAbsolutePath();

  @TempDir Path work;
  private SentryStub stub;
  private WireMockServer sentry;

  static List<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @BeforeEach
  void start() {
    stub = new SentryStub();
    sentry = stub.server;
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private String dsn() {
    return stub.dsn();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void anApplicationWithItsOwnOkHttp3AndGson28RunsUnchangedWithItsCallsTracedAndItsCrashDelivered(
      Jdk jdk) throws Exception {
    sentry.stubFor(get(urlEqualTo("/data")).willReturn(aResponse().withBody("{\"n\":42}")));
    List<String> classPath = new ArrayList<>();
    classPath.add(APP_CLASSES.toString());
    try (Stream<Path> jars = Files.list(APP_LIBS)) {
      jars.map(Path::toString).sorted().forEach(classPath::add);
    }
    List<String> command =
        Arrays.asList(
            jdk.java(),
            "-javaagent:"
                + AGENT_JAR
                + "=dsn="
                + dsn()
                + ",outbox-dir="
                + work.resolve("outbox")
                + ",agent.start=sync", // the application calls out at once
            "-cp",
            String.join(File.pathSeparator, classPath),
            OwnOkHttpAndGson.class.getName(),
            "http://localhost:" + sentry.port() + "/data");

    int status = exitStatus(ForkedJvm.start(work, command));

    assertThat(status).as(stderr(work)).isEqualTo(1);
    assertThat(stdout(work)).contains("app got n=42 with okhttp-3.14.9.jar and gson-2.8.9.jar");
    assertThat(stderr(work))
        .contains("Exception in thread \"main\" java.lang.IllegalStateException: boom with its own")
        .doesNotContain("[sentryj]");
    awaitTrue(() -> !events().isEmpty(), "the crash to reach Sentry");
    assertThat(events())
        .extracting(ForkedJvm::exceptionValue)
        .containsExactly("boom with its own okhttp");
    // the application's own OkHttp 3 call: a breadcrumb on the event, trace headers on the wire
    JsonObject crumb =
        events()
            .get(0)
            .getAsJsonObject("breadcrumbs")
            .getAsJsonArray("values")
            .get(0)
            .getAsJsonObject();
    assertThat(crumb.get("category").getAsString()).isEqualTo("http");
    JsonObject data = crumb.getAsJsonObject("data");
    assertThat(data.get("method").getAsString()).isEqualTo("GET");
    assertThat(data.get("url").getAsString()).endsWith("/data");
    assertThat(data.get("status_code").getAsInt()).isEqualTo(200);
    LoggedRequest call = sentry.findAll(getRequestedFor(urlEqualTo("/data"))).get(0);
    assertThat(call.getHeader("sentry-trace"))
        .startsWith(
            events()
                .get(0)
                .getAsJsonObject("contexts")
                .getAsJsonObject("trace")
                .get("trace_id")
                .getAsString());
    assertThat(call.getHeader("baggage")).contains("sentry-trace_id=");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void anExceptionOnMainsFirstInstructionIsDeliveredWhileTheAgentStartsInTheBackground(Jdk jdk)
      throws Exception {
    List<String> command =
        Arrays.asList(
            jdk.java(),
            "-javaagent:" + AGENT_JAR + "=dsn=" + dsn() + ",outbox-dir=" + work.resolve("outbox"),
            "-cp",
            APP_CLASSES.toString(),
            UncaughtInMain.class.getName());

    int status = exitStatus(ForkedJvm.start(work, command));

    assertThat(status).as(stderr(work)).isEqualTo(1);
    assertThat(stderr(work))
        .contains("Exception in thread \"main\" java.lang.IllegalStateException: boom in main");
    awaitTrue(() -> !events().isEmpty(), "the crash to reach Sentry");
    JsonObject event = events().get(0);
    assertThat(events()).hasSize(1);
    assertThat(ForkedJvm.exceptionValue(event)).isEqualTo("boom in main");
    assertThat(ForkedJvm.mechanism(event).get("handled").getAsBoolean()).isFalse();
  }

  @Test
  void uploadFromTheJarDeliversAnOutboxAndDeletesWhatWasSent() throws Exception {
    Path outbox = Files.createDirectories(work.resolve("outbox"));
    Files.write(
        outbox.resolve("9ec79c33ec9942ab8353589fcb2e04dc.envelope"),
        """
        {"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}
        {"type":"event"}
        {"message":"written elsewhere"}
        """
            .getBytes(StandardCharsets.UTF_8));
    List<String> command =
        Arrays.asList(
            ForkedJvm.jdks().get(0).java(),
            "-jar",
            AGENT_JAR.toString(),
            "upload",
            "--dsn",
            dsn(),
            outbox.toString());

    int status = exitStatus(ForkedJvm.start(work, command));

    assertThat(status).as(stdout(work) + stderr(work)).isZero();
    assertThat(stdout(work)).contains("sent 1, kept 0");
    assertThat(outbox).isEmptyDirectory();
    assertThat(requestBodies()).singleElement().asString().contains("written elsewhere");
  }

  private List<String> requestBodies() {
    return stub.requestBodies();
  }

  private List<JsonObject> events() {
    return stub.events();
  }
}
