package io.sentryj.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void inspectPrintsEachEnvelopeOfADirectoryReadably(@TempDir Path dir) throws Exception {
    String event =
        "{\"level\":\"fatal\",\"exception\":{\"values\":[{\"type\":\"IOException\",\"value\":\"cause\"},"
            + "{\"type\":\"IllegalStateException\",\"value\":\"boom\"}]},"
            + "\"breadcrumbs\":{\"values\":[{\"message\":\"a\"},{\"message\":\"b\"}]},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"https://shop/cart\"}}";
    Files.write(
        dir.resolve("a.envelope"),
        ("{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n{\"type\":\"event\"}\n"
                + event
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("b.envelope"), "not json\n".getBytes(StandardCharsets.UTF_8));

    int status = run("inspect", dir.toString());

    assertThat(status).isEqualTo(1); // one envelope did not parse
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("a.envelope: event_id=9ec79c33ec9942ab8353589fcb2e04dc")
        .contains("level: fatal")
        .contains("title: IllegalStateException: boom")
        .contains("breadcrumbs: 2")
        .contains("request: GET https://shop/cart")
        .contains("b.envelope: not a readable envelope");
  }

  @Test
  void inspectShowsTheEnvelopesOfABatchAKilledJvmLeftAndSkipsTheOutboxsBookkeeping(
      @TempDir Path dir) throws Exception {
    // a batch file: each envelope as its 4-byte big-endian length and its bytes
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    for (String id :
        new String[] {
          "11111111111111111111111111111111", "2222222222222222222222222222222" + "2"
        }) {
      byte[] envelope =
          ("{\"event_id\":\"" + id + "\"}\n{\"type\":\"event\"}\n{\"level\":\"error\"}\n")
              .getBytes(StandardCharsets.UTF_8);
      batch.write(java.nio.ByteBuffer.allocate(4).putInt(envelope.length).array());
      batch.write(envelope);
    }
    String base = "1796171936471-000000000-bd490542.4652241aedfa5ec9";
    Files.write(dir.resolve(base + ".batch"), batch.toByteArray());
    Files.write(dir.resolve("4652241aedfa5ec9.lock"), new byte[0]);

    int status = run("inspect", dir.toString());

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(base + ".batch#0: event_id=11111111111111111111111111111111")
        .contains(base + ".batch#1: event_id=22222222222222222222222222222222")
        .doesNotContain(".lock");
  }

  @Test
  void doctorMasksTheSecretAndTellsWhereValuesCameFrom(@TempDir Path dir) {
    // the envelope directory keeps the test event here instead of sending it
    int status =
        run(
            "doctor",
            "dsn=https://public:secret@o1.ingest.sentry.io/7,release=shop@1.2,agent.envelope-dir="
                + dir);

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("dsn: https://public:***@o1.ingest.sentry.io/7  <- agent argument dsn")
        .contains("release: shop@1.2  <- agent argument release")
        .contains("instrumentation executor: on")
        .doesNotContain("secret");
  }

  @Test
  void doctorPrintsEveryOptionOnALineOfItsOwnWithItsSourceAndTheOutbox(@TempDir Path dir)
      throws Exception {
    Path outbox = dir.resolve("outbox");
    String dsn = "https://public@o1.ingest.sentry.io/7";
    Path app = dir.resolve("shop.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.L");
    manifest.getMainAttributes().putValue("Start-Class", "org.springframework.samples.shop.App");
    new JarOutputStream(Files.newOutputStream(app), manifest).close();

    int status =
        run(
            "doctor",
            "--app",
            app.toString(),
            "dsn=" + dsn + ",outbox-dir=" + outbox + ",sample-rate=0.5,agent.envelope-dir=" + dir);

    assertThat(status).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines)
        .contains(
            "sample-rate: 0.5  <- agent argument sample-rate",
            "max-breadcrumbs: 100  <- default",
            "environment: production  <- default",
            "in-app-includes: (none)  <- default",
            "proxy.pass: (none)  <- default",
            "outbox-dir: " + outbox + "  <- agent argument outbox-dir",
            "agent.start: (none)  <- default",
            "agent.envelope-dir: " + dir + "  <- agent argument agent.envelope-dir",
            "in-app: application package: org.springframework.samples.shop. (Start-Class of "
                + app
                + ")")
        .noneMatch(line -> line.startsWith("resolved:"));
    assertThat(lines)
        .filteredOn(line -> line.startsWith("outbox: "))
        .singleElement()
        .asString()
        .contains(dir.toString());
    for (String key : io.sentryj.internal.config.BuilderAccess.get().keys()) {
      assertThat(lines).as(key).anyMatch(line -> line.startsWith(key + ": "));
    }
  }

  @Test
  void doctorPrintsTheOutboxItWouldSendFrom(@TempDir Path dir) {
    Path outbox = dir.resolve("outbox");

    run("doctor", "dsn=http://public@localhost:9/7,outbox-dir=" + outbox);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("outbox: " + outbox.toAbsolutePath() + " (envelopes wait there");
  }

  @Test
  void everyOptionHasAWayToBeShownByDoctor() {
    assertThat(DoctorCommand.VALUES.keySet())
        .containsAll(
            io.sentryj.internal.config.BuilderAccess.get().keys().stream()
                .filter(key -> !key.equals("dsn"))
                .toList());
  }

  @Test
  void anUnknownCommandPrintsUsage() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }

  private int run(String... args) {
    return AgentMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
