package io.sentryj.integration;

import io.sentryj.Envelope;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.EnvelopeWriter;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * EnvelopeCodec as the bytes of Sentry's envelope format (protocol section 2), for a custom {@link
 * io.sentryj.Transport} and for tools that read the outbox. Thread-safe.
 *
 * <pre>{@code
 * public void send(Envelope envelope) {
 *   queue.add(EnvelopeCodec.toByteArray(envelope)); // then POST them from a thread of your own
 * }
 * }</pre>
 */
public final class EnvelopeCodec {
  private static final EnvelopeWriter WRITER = new EnvelopeWriter();

  private EnvelopeCodec() {}

  /**
   * Writes the envelope to {@code out}, which is neither flushed nor closed. An item whose payload
   * cannot be made is left out, with one diagnostic line.
   *
   * @throws IOException only when {@code out} throws
   */
  public static void write(Envelope envelope, OutputStream out) throws IOException {
    WRITER.write(envelope, out, null);
  }

  /** The envelope's bytes, as {@link #write} writes them. */
  public static byte[] toByteArray(Envelope envelope) {
    return WRITER.toByteArray(envelope, null);
  }

  /**
   * Reads an envelope, such as a file of the outbox. Item payloads are copies.
   *
   * @throws IOException if the bytes are not a well-formed envelope; the message says where
   */
  public static Envelope parse(byte[] bytes) throws IOException {
    return EnvelopeParser.parse(bytes).envelope();
  }

  /**
   * The {@code sent_at} header of an envelope's bytes, or null: written only when an envelope is
   * sent (protocol rule 4), so an envelope the outbox stored carries none.
   *
   * @throws IOException if the bytes are not a well-formed envelope
   */
  public static @Nullable String sentAt(byte[] bytes) throws IOException {
    return EnvelopeParser.parse(bytes).sentAt();
  }
}
