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

  /** The envelope files in an outbox directory. */
  static List<Path> envelopeFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(Outbox.SUFFIX))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
