package io.sentryj.internal.transport;

import static io.sentryj.internal.transport.TransportFixtures.envelopeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.testing.Envelopes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash durability: what reached the outbox of a JVM that died is delivered once by the next. */
class ForkedJvmDeliveryTest {
  private final SentryServer server = new SentryServer();
  private final List<Process> processes = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    server.close();
  }

  @Test
  void eventsStoredBeforeAKillAreDeliveredOnceByTheNextJvm() throws Exception {
    String downDsn = dsnOf(TransportFixtures.refusingUrl());
    Process first = fork("capture", downDsn, dir.toString(), "1000");
    assertThat(readUntil(first, "STORED", 60)).isEqualTo("STORED");
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int stored = envelopeFiles(dir).size();
    assertThat(stored).isEqualTo(1000);

    Process second = fork("deliver", server.dsn(), dir.toString());
    assertThat(readUntil(second, "DELIVERED", 60)).isEqualTo("DELIVERED");
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

    List<String> ids = server.eventIdsAnswered(200);
    assertThat(ids).hasSize(stored);
    assertThat(new HashSet<>(ids)).hasSize(stored);
    assertThat(envelopeFiles(dir)).isEmpty();
  }

  @Test
  void anUncaughtExceptionEndingMainIsDeliveredByTheNextJvm() throws Exception {
    String downDsn = dsnOf(TransportFixtures.refusingUrl());
    Process first = fork("uncaught", downDsn, dir.toString());
    readUntil(first, "never printed", 60); // reads to the end
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(3); // halted right after the handler
    assertThat(envelopeFiles(dir)).hasSize(1);

    Process second = fork("deliver", server.dsn(), dir.toString());
    assertThat(readUntil(second, "DELIVERED", 60)).isEqualTo("DELIVERED");
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

    List<Envelopes.Parsed> envelopes = server.envelopes();
    List<JsonObject> events = new ArrayList<>();
    for (Envelopes.Parsed p : envelopes) {
      for (Envelopes.Item item : p.items()) {
        if (item.type().equals("event")) {
          events.add(item.json());
        }
      }
    }
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    assertThat(event.get("level").getAsString()).isEqualTo("fatal");
    assertThat(event.toString()).contains("the end of main").contains("\"handled\":false");
  }

  @Test
  void theSdksThreadsNeverKeepTheJvmAlive() throws Exception {
    Process p = fork("return", server.dsn(), dir.toString());
    assertThat(readUntil(p, "RETURNING", 60)).isEqualTo("RETURNING");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the JVM exits when main returns").isTrue();
    assertThat(server.eventIds()).hasSize(1);
  }

  private static String dsnOf(String envelopeUrl) {
    // http://localhost:PORT/api/42/envelope/ -> http://public@localhost:PORT/42
    String hostPort = envelopeUrl.substring("http://".length(), envelopeUrl.indexOf("/api/"));
    return "http://public@" + hostPort + "/42";
  }

  private Process fork(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashingApp.class.getName());
    for (String a : args) {
      command.add(a);
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    processes.add(p);
    return p;
  }

  /** Reads the process's output until a line equals {@code wanted} or the output ends. */
  private static String readUntil(Process p, String wanted, int timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    StringBuilder all = new StringBuilder();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    while (System.nanoTime() < deadline) {
      String line = in.readLine();
      if (line == null) {
        return all.toString();
      }
      if (line.equals(wanted)) {
        return line;
      }
      all.append(line).append('\n');
    }
    return all.toString();
  }
}
