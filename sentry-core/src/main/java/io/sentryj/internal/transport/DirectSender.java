package io.sentryj.internal.transport;

import io.sentryj.SentryOptions;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.envelope.EnvelopeFormatException;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.envelope.ParsedEnvelope;
import io.sentryj.internal.envelope.Rfc3339;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Sends one stored envelope at a time to the DSN's project and waits for the server's answer, with
 * the transport's headers, gzip, proxy and timeouts: for tools that report what the server said
 * (the agent's {@code doctor} and {@code upload}), never for an application's capture, which goes
 * through the asynchronous transport. No outbox, retries, rate limiting or client reports.
 */
public final class DirectSender implements AutoCloseable {
  private static final long CLOSE_MILLIS = 2000;

  private final OkHttpSender sender;
  private final EnvelopeWriter writer = new EnvelopeWriter();

  /** A sender to the DSN of {@code options}, which must have one. */
  public DirectSender(SentryOptions options) {
    String dsnText = options.dsn();
    if (!options.hasDsn() || dsnText == null) {
      throw new IllegalArgumentException("no DSN to send to");
    }
    Dsn dsn = Dsn.parse(dsnText);
    TransportConfig config = TransportConfig.forOptions(options);
    config.authHeader = TransportConfig.authHeader(dsn);
    config.threadName = "sentryj-direct";
    this.sender = new OkHttpSender(dsn.envelopeUrl(), config);
  }

  /**
   * Posts a stored envelope (as the outbox keeps it; a {@code sent_at} it carries is replaced) and
   * returns the server's answer, or the error that stopped the request.
   *
   * @throws EnvelopeFormatException if the bytes are not an envelope
   */
  public Answer send(byte[] storedEnvelope) throws EnvelopeFormatException {
    ParsedEnvelope parsed = EnvelopeParser.parse(storedEnvelope);
    byte[] stored =
        parsed.sentAt() != null ? writer.toByteArray(parsed.envelope(), null) : storedEnvelope;
    boolean oneShot = parsed.eventId() == null;
    return new Answer(
        sender.send(stored, Rfc3339.format(System.currentTimeMillis()), null, oneShot));
  }

  @Override
  public void close() {
    sender.close(CLOSE_MILLIS);
  }

  @Override
  public String toString() {
    return "DirectSender{" + sender + '}';
  }

  /** What the server answered to one envelope, or why there was no answer. */
  public static final class Answer {
    private final SendResult result;

    Answer(SendResult result) {
      this.result = result;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
      return result.status;
    }

    /** {@code X-Sentry-Rate-Limits}, or null. */
    public @Nullable String rateLimits() {
      return result.rateLimits;
    }

    /** {@code Retry-After}, or null. */
    public @Nullable String retryAfter() {
      return result.retryAfter;
    }

    /** {@code X-Sentry-Error}, or null. */
    public @Nullable String sentryError() {
      return result.sentryError;
    }

    /** Why no answer came (connection refused, time-out...), or null. */
    public @Nullable IOException error() {
      return result.error;
    }

    /** Whether the server accepted the envelope (a 2xx answer). */
    public boolean accepted() {
      return result.error == null && result.status >= 200 && result.status < 300;
    }

    @Override
    public String toString() {
      IOException e = result.error;
      if (e != null) {
        return "no answer: " + (e.getMessage() != null ? e.getMessage() : e.toString());
      }
      StringBuilder sb = new StringBuilder("HTTP ").append(result.status);
      appendHeader(sb, "X-Sentry-Error", result.sentryError);
      appendHeader(sb, "X-Sentry-Rate-Limits", result.rateLimits);
      appendHeader(sb, "Retry-After", result.retryAfter);
      return sb.toString();
    }

    private static void appendHeader(StringBuilder sb, String name, @Nullable String value) {
      if (value != null) {
        sb.append(", ").append(name).append(": ").append(value);
      }
    }
  }
}
