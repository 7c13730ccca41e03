package io.sentryj.agent;

import io.sentryj.Envelope;
import io.sentryj.SentryId;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.EnvelopeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes each envelope to a file of its own in a directory, as {@code <event id>.envelope} (or a
 * random name without an event id), through a temporary file and a rename, so that a reader never
 * sees half an envelope. {@code sentry-agent.jar inspect <dir>} prints them.
 *
 * <p>Writes on the caller's thread: a tool for looking at what the agent captures and for its
 * tests, not a production transport.
 */
final class EnvelopeDirTransport implements Transport {
  static final String SUFFIX = ".envelope";

  private final Path dir;
  private final EnvelopeWriter writer = new EnvelopeWriter();

  EnvelopeDirTransport(Path dir) {
    this.dir = dir;
  }

  @Override
  public void send(Envelope envelope) {
    try {
      Files.createDirectories(dir);
      SentryId id = envelope.eventId();
      String name = (id != null ? id.toString() : UUID.randomUUID().toString()) + SUFFIX;
      Path tmp = Files.createTempFile(dir, ".writing-", ".tmp");
      Files.write(tmp, writer.toByteArray(envelope, null));
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("could not write an envelope to %s: %s", dir, Diagnostics.describe(e));
    }
  }

  @Override
  public boolean flush(long timeoutMillis) {
    return true;
  }

  @Override
  public void close(long timeoutMillis) {}

  @Override
  public String toString() {
    return "EnvelopeDirTransport{" + dir + '}';
  }
}
