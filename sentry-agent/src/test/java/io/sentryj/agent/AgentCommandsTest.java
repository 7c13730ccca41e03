package io.sentryj.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.RefusedPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upload} and {@code doctor} against WireMock standing in for Sentry. */
class AgentCommandsTest {
  private static final String PATH = "/api/7/envelope/";
  private static final String ID_A = "9ec79c33ec9942ab8353589fcb2e04dc";
  private static final String ID_B = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  private final WireMockServer sentry = new WireMockServer(options().dynamicPort());
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    sentry.start();
  }

  @AfterEach
  void stop() {
    sentry.stop();
  }

  private String dsn() {
    return "http://public:secret@localhost:" + sentry.port() + "/7";
  }

  private void answer(int status, String... headers) {
    var response = aResponse().withStatus(status).withBody("{}");
    for (int i = 0; i < headers.length; i += 2) {
      response = response.withHeader(headers[i], headers[i + 1]);
    }
    sentry.stubFor(post(urlEqualTo(PATH)).willReturn(response));
  }

  private Path envelope(String name, String eventId) throws IOException {
    String text =
        "{\"event_id\":\""
            + eventId
            + "\",\"sent_at\":\"2020-01-01T00:00:00.000Z\"}\n{\"type\":\"event\"}\n"
            + "{\"message\":\"stored\"}\n";
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void uploadSendsEachEnvelopeOldestFirstAndDeletesWhatWasAccepted() throws Exception {
    answer(200);
    Path a = envelope("0001-1-aa.0000000000000001.envelope", ID_A);
    Path b = envelope(ID_B + ".envelope", ID_B);

    int status = run("upload", "--dsn", dsn(), dir.toString());

    assertThat(status).as(output()).isZero();
    assertThat(a).doesNotExist();
    assertThat(b).doesNotExist();
    List<LoggedRequest> requests = sentry.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests).hasSize(2);
    assertThat(body(requests.get(0))).startsWith("{\"sent_at\":\"").contains(ID_A);
    assertThat(body(requests.get(0))).doesNotContain("2020-01-01"); // sent_at replaced
    assertThat(body(requests.get(1))).contains(ID_B);
    assertThat(requests.get(0).getHeader("X-Sentry-Auth")).contains("sentry_key=public");
    assertThat(output())
        .contains("uploading to http://public:***@localhost:" + sentry.port() + "/7")
        .contains(a + ": sent (HTTP 200)")
        .contains("sent 2, kept 0")
        .doesNotContain("secret");
  }

  @Test
  void uploadStopsAtARateLimitAndKeepsTheFiles() throws Exception {
    answer(429, "X-Sentry-Rate-Limits", "60:error:project", "Retry-After", "60");
    Path a = envelope("a.envelope", ID_A);
    Path b = envelope("b.envelope", ID_B);

    int status = run("upload", "--dsn", dsn(), dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(a).exists();
    assertThat(b).exists();
    assertThat(sentry.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(1);
    assertThat(output())
        .contains(a + ": kept (HTTP 429, X-Sentry-Rate-Limits: 60:error:project, Retry-After: 60)")
        .contains("sent 0, kept 1, left to a running JVM 0, not tried 1");
  }

  @Test
  void uploadReportsTheServersErrorHeaderWhenTheKeyIsRefused() throws Exception {
    answer(403, "X-Sentry-Error", "event submission rejected with_reason: ProjectId");
    Path a = envelope("a.envelope", ID_A);

    int status = run("upload", "--dsn", dsn(), dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(a).exists();
    assertThat(output())
        .contains("HTTP 403, X-Sentry-Error: event submission rejected with_reason: ProjectId");
  }

  @Test
  void uploadKeepsEverythingWhenSentryCannotBeReached() throws Exception {
    Path a = envelope("a.envelope", ID_A);
    int closedPort = RefusedPort.port();

    int status =
        run("upload", "--dsn", "http://public@localhost:" + closedPort + "/7", dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(a).exists();
    assertThat(output()).contains(a + ": kept (no answer: ").contains("sent 0, kept 1");
  }

  @Test
  void uploadLeavesTheFilesOfARunningOutboxAndKeepsWhatIsNoEnvelope() throws Exception {
    answer(200);
    Path live = envelope("0001-1-aa.00000000000000aa.envelope", ID_A);
    Path broken =
        Files.write(dir.resolve("broken.envelope"), "not json\n".getBytes(StandardCharsets.UTF_8));
    Path lockFile = dir.resolve("00000000000000aa.lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      int status = run("upload", "--dsn", dsn(), dir.toString());

      assertThat(status).isEqualTo(1);
      assertThat(lock.isValid()).isTrue();
    }
    assertThat(live).exists();
    assertThat(broken).exists();
    assertThat(sentry.findAll(postRequestedFor(urlEqualTo(PATH)))).isEmpty();
    assertThat(output())
        .contains(live + ": left alone")
        .contains(broken + ": kept, not an envelope")
        .contains("sent 0, kept 1, left to a running JVM 1");
  }

  @Test
  void uploadWithoutADirectoryOrDsnIsAUsageError() {
    assertThat(run("upload", "--dsn", dsn())).isEqualTo(2);
    assertThat(run("upload", "--frobnicate", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("outbox directory")
        .contains("--frobnicate");
  }

  @Test
  void doctorSendsATestEventAndSaysTheServerAcceptedIt() throws Exception {
    answer(200);

    int status = run("doctor", "dsn=" + dsn() + ",release=shop@1.2");

    assertThat(status).as(output()).isZero();
    assertThat(output())
        .contains("dsn: http://public:***@localhost:" + sentry.port() + "/7  <- agent argument dsn")
        .contains("release: shop@1.2  <- agent argument release")
        .containsPattern("test event [0-9a-f]{32}: accepted \\(HTTP 200\\)")
        .doesNotContain("secret");
    List<LoggedRequest> requests = sentry.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests).hasSize(1);
    assertThat(body(requests.get(0)))
        .contains(DoctorCommand.TEST_MESSAGE)
        .contains("\"release\":\"shop@1.2\"");
  }

  @Test
  void doctorReportsARefusalWithTheServersHeaders() {
    answer(401, "X-Sentry-Error", "invalid api key");

    int status = run("doctor", "dsn=" + dsn());

    assertThat(status).isEqualTo(1);
    assertThat(output())
        .containsPattern(
            "test event [0-9a-f]{32}: refused \\(HTTP 401, X-Sentry-Error: invalid api key\\)")
        .contains("check the DSN's key and project");
  }

  @Test
  void doctorReportsARateLimit() {
    answer(429, "X-Sentry-Rate-Limits", "60::organization", "Retry-After", "60");

    int status = run("doctor", "dsn=" + dsn());

    assertThat(status).isEqualTo(1);
    assertThat(output())
        .contains("refused (HTTP 429, X-Sentry-Rate-Limits: 60::organization, Retry-After: 60)")
        .contains("rate limited");
  }

  @Test
  void doctorSaysWhenSentryCannotBeReached() throws Exception {
    int closedPort = RefusedPort.port();

    int status = run("doctor", "dsn=http://public@localhost:" + closedPort + "/7");

    assertThat(status).isEqualTo(1);
    assertThat(output()).contains("refused (no answer: ").contains("cannot be reached");
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String body(LoggedRequest request) {
    assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
    byte[] bytes = Envelopes.unzipped(request.getBody());
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    return AgentMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
