package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.testing.Envelopes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash durability, in forked JVMs killed with SIGKILL: what was captured reaches the outbox from
 * the SDK's first millisecond, whatever HTTP is doing, and the next JVM delivers it once.
 */
class ForkedJvmDeliveryTest {
  private static final List<String> JVM = Collections.singletonList("-Xmx256m");
  private static final int BURST = 1000;

  /**
   * How long after its capture an envelope must be on disk here. The target is about 100 ms (what
   * it takes is measured in {@code benchmarks}, {@code WriteAheadLag}), but a machine busy with
   * other builds can keep a cold JVM off the CPU for longer than that.
   */
  private static final long WRITE_AHEAD_MILLIS = 1000;

  private final SentryServer server = new SentryServer();
  private final List<ForkedJvm> jvms = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    for (ForkedJvm j : jvms) {
      j.close();
    }
    server.close();
  }

  @ParameterizedTest(name = "killed {0} ms after the burst")
  @ValueSource(longs = {0, 100, 500, 2000})
  void aKillAfterABurstLosesOnlyTheLastCapturesAndTheNextJvmDeliversTheRestOnce(long delay)
      throws Exception {
    Path outbox = dir.resolve("outbox");
    ForkedJvm first =
        fork("burst", dsnOf(TransportFixtures.refusingUrl()), outbox.toString(), "" + BURST);
    long burstEnd = Long.parseLong(first.awaitLine("BURST ", 60_000).split(" ")[1]);
    long killAt = burstEnd + delay;
    while (System.currentTimeMillis() < killAt) {
      LockSupport.parkNanos(1_000_000); // the fault's own timing: kill at that moment, not later
    }
    long killed = System.currentTimeMillis();
    first.kill();
    List<String[]> captured = captures(first);
    assertThat(captured).hasSize(BURST);

    ForkedJvm second = fork("deliver", server.dsn(), outbox.toString());
    assertThat(second.awaitLine("DELIVERED", 60_000)).isEqualTo("DELIVERED");
    assertThat(second.awaitExit(30_000)).isZero();

    List<String> delivered = server.eventIdsAnswered(200);
    Set<String> unique = new HashSet<>(delivered);
    assertThat(delivered).as("each delivered once").hasSize(unique.size());
    int prefix = 0;
    while (prefix < BURST && unique.contains(captured.get(prefix)[2])) {
      prefix++;
    }
    assertThat(unique).as("the lost ones are the last captured").hasSize(prefix);
    for (String[] c : captured) {
      if (Long.parseLong(c[3]) <= killed - WRITE_AHEAD_MILLIS) {
        assertThat(unique)
            .as("capture %s, %s ms before the kill", c[1], killed - Long.parseLong(c[3]))
            .contains(c[2]);
      }
    }
    assertThat(TransportFixtures.storedEnvelopes(outbox)).isZero();
  }

  private static List<String[]> captures(ForkedJvm jvm) {
    List<String[]> captured = new ArrayList<>();
    for (String line : jvm.lines()) {
      if (line.startsWith("CAPTURED ")) {
        captured.add(line.split(" "));
      }
    }
    return captured;
  }

  @Test
  void anUncaughtExceptionEndingMainIsDeliveredByTheNextJvm() throws Exception {
    Path outbox = dir.resolve("outbox");
    ForkedJvm first = fork("uncaught", dsnOf(TransportFixtures.refusingUrl()), outbox.toString());
    assertThat(first.awaitExit(60_000)).isEqualTo(3); // halted right after the handler
    assertThat(TransportFixtures.storedEnvelopes(outbox)).isEqualTo(1);

    ForkedJvm second = fork("deliver", server.dsn(), outbox.toString());
    assertThat(second.awaitLine("DELIVERED", 60_000)).isEqualTo("DELIVERED");
    List<JsonObject> events = new ArrayList<>();
    for (Envelopes.Parsed p : server.envelopes()) {
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
    ForkedJvm p = fork("return", server.dsn(), dir.resolve("outbox").toString());
    assertThat(p.awaitLine("RETURNING", 60_000)).isEqualTo("RETURNING");
    assertThat(p.awaitExit(30_000)).as("the JVM exits when main returns").isZero();
    assertThat(server.eventIds()).hasSize(1);
  }

  private ForkedJvm fork(String... args) {
    ForkedJvm jvm = ForkedJvm.start(dir, JVM, CrashingApp.class, args);
    jvms.add(jvm);
    return jvm;
  }

  static String dsnOf(String envelopeUrl) {
    // http://localhost:PORT/api/42/envelope/ -> http://public@localhost:PORT/42
    String hostPort = envelopeUrl.substring("http://".length(), envelopeUrl.indexOf("/api/"));
    return "http://public@" + hostPort + "/42";
  }
}
