package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Eight threads flood the SDK with big messages under a small heap, Sentry down or slow: no
 * OutOfMemoryError anywhere (not in the SDK's threads, not in the application's calls), the heap
 * after each collection stays near the queue's byte bound, and every capture is delivered, stored
 * or dropped and counted. Each case in a JVM of its own, so that its heap is its own.
 */
class MemoryBoundTest {
  private final SentryServer server = new SentryServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "-Xmx{0}m, Sentry {1}, {2} KB messages, outbox {3}")
  @CsvSource({"128, down, 200, on", "128, down, 200, off", "256, slow, 1024, on"})
  void aFloodOfBigEventsStaysWithinItsBytesAndIsAccountedFor(
      int heapMb, String sentry, int messageKb, String outbox) throws Exception {
    String dsn = server.dsn();
    if (sentry.equals("down")) {
      dsn = ForkedJvmDeliveryTest.dsnOf(TransportFixtures.refusingUrl());
    } else {
      server.respond(aResponse().withStatus(200).withFixedDelay(2000));
    }
    Path outboxDir = dir.resolve("outbox");
    List<String> jvm = Arrays.asList("-Xmx" + heapMb + "m", "-XX:+UseSerialGC");
    try (ForkedJvm app =
        ForkedJvm.start(
            dir,
            jvm,
            FloodApp.class,
            dsn,
            outbox.equals("on") ? outboxDir.toString() : "-",
            "8",
            "6",
            "" + messageKb)) {
      String result = app.awaitLine("RESULT ", 120_000);
      System.out.println(heapMb + " MB, " + sentry + ", outbox " + outbox + ": " + result);
      assertThat(app.awaitExit(30_000)).isZero();
      assertThat(app.lines()).noneMatch(l -> l.startsWith("UNCAUGHT") || l.startsWith("FAILURE"));
      Map<String, Long> r = parse(result);
      assertThat(r.get("failures")).as("errors in the application's calls").isZero();
      assertThat(r.get("captured")).isGreaterThan(100);
      // the SDK's share is bounded by its queue's bytes; besides it: what each flooding thread
      // holds while it builds a message (its char array, the string, a copy), and the JVM's own
      long application = 8L * 3 * messageKb * 1024;
      long bound = r.get("queueBytes") + application + 16L * 1024 * 1024;
      assertThat(r.get("heapAfterGc")).as("the heap after a collection").isLessThan(bound);

      // requests close cancelled may still be answered by the slow server: those are on disk too
      List<String> delivered = server.eventIdsAnswered(200);
      long stored = TransportFixtures.storedEventIds(outboxDir).size();
      assertThat(delivered.size() + stored + r.get("dropped"))
          .as("delivered, stored or counted: %s", result)
          .isGreaterThanOrEqualTo(r.get("captured"));
      assertThat(new java.util.HashSet<>(delivered)).hasSize(delivered.size());
    }
  }

  private static Map<String, Long> parse(String line) {
    Map<String, Long> values = new HashMap<>();
    for (String part : line.substring("RESULT ".length()).split(" ")) {
      String[] kv = part.split("=");
      values.put(kv[0], Long.parseLong(kv[1]));
    }
    return values;
  }
}
