package io.sentryj.internal.transport;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryId;
import io.sentryj.internal.config.Dsn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Envelopes and configurations for transport tests. */
final class TransportFixtures {
  private TransportFixtures() {}

  /** A fast-retrying configuration sending to {@code url}, with an outbox in {@code dir}. */
  static TransportConfig config(String url, Path dir) {
    TransportConfig c = new TransportConfig();
    c.url = url;
    c.authHeader = TransportConfig.authHeader(Dsn.parse("http://public@localhost/42"));
    c.outboxDir = dir;
    c.retryInitialMillis = 20;
    c.retryMaxMillis = 100;
    c.clientReportIntervalMillis = 600_000;
    c.readTimeoutMillis = 2000;
    c.threadName = "sentryj-transport-test";
    return c;
  }

  static Envelope event() {
    SentryId id = SentryId.random();
    byte[] json = ("{\"event_id\":\"" + id + "\",\"platform\":\"java\"}").getBytes(UTF8);
    return new Envelope(
        id,
        Collections.<String, Object>emptyMap(),
        Collections.singletonList(
            EnvelopeItem.of("event", Collections.<String, Object>emptyMap(), json)));
  }

  static Envelope session() {
    byte[] json = "{\"sid\":\"x\",\"status\":\"ok\"}".getBytes(UTF8);
    return new Envelope(
        null,
        Collections.<String, Object>emptyMap(),
        Collections.singletonList(
            EnvelopeItem.of("session", Collections.<String, Object>emptyMap(), json)));
  }

  /** A URL on a port nothing listens on: connections are refused. */
  static String refusingUrl() {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://localhost:" + s.getLocalPort() + SentryServer.PATH;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The envelope files in an outbox directory (none when close removed it, empty). */
  static List<Path> envelopeFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Collections.emptyList();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(OutboxFiles.SUFFIX))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many envelopes the outbox holds: files of their own, and those only in batches. */
  static int storedEnvelopes(Path dir) {
    return OutboxFiles.countStored(dir);
  }

  /**
   * The event ids of the events the outbox holds: in files of their own, and in batches unless
   * acknowledged.
   */
  static java.util.Set<String> storedEventIds(Path dir) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    List<byte[]> envelopes = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.collect(Collectors.toList())) {
        String name = f.getFileName().toString();
        if (name.endsWith(OutboxFiles.SUFFIX)) {
          envelopes.add(Files.readAllBytes(f));
        } else if (name.endsWith(OutboxBatch.SUFFIX)) {
          String base = name.split("\\.")[0];
          java.util.Set<Integer> done = new java.util.HashSet<>();
          try (Stream<Path> acks = Files.list(dir)) {
            for (Path a :
                acks.filter(p -> p.getFileName().toString().startsWith(base + "."))
                    .filter(p -> p.toString().endsWith(OutboxBatch.ACKS_SUFFIX))
                    .collect(Collectors.toList())) {
              done.addAll(OutboxBatch.acks(Files.readAllBytes(a)));
            }
          }
          List<byte[]> inBatch = OutboxBatch.decode(Files.readAllBytes(f));
          for (int i = 0; i < inBatch.size(); i++) {
            if (!done.contains(i)) {
              envelopes.add(inBatch.get(i));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (byte[] bytes : envelopes) {
      for (io.sentryj.testing.Envelopes.Item item :
          io.sentryj.testing.Envelopes.parse(bytes).items()) {
        if (item.type().equals("event")) {
          ids.add(item.json().get("event_id").getAsString());
        }
      }
    }
    return ids;
  }

  /** An event whose payload is made only when {@code release} opens; {@code held} says it began. */
  static Envelope heldEvent(
      java.util.concurrent.CountDownLatch held, java.util.concurrent.CountDownLatch release) {
    SentryId id = SentryId.random();
    byte[] json = ("{\"event_id\":\"" + id + "\"}").getBytes(UTF8);
    EnvelopeItem item =
        EnvelopeItem.lazy(
            "event",
            Collections.<String, Object>emptyMap(),
            () -> {
              held.countDown();
              try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return json;
            });
    return new Envelope(
        id, Collections.<String, Object>emptyMap(), Collections.singletonList(item));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
