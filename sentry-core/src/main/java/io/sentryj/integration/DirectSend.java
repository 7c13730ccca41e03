package io.sentryj.integration;

import io.sentryj.SentryOptions;
import io.sentryj.internal.transport.DirectSender;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Sends one stored envelope at a time to the DSN's project and waits for the server's answer, with
 * the SDK's headers, gzip, proxy and timeouts: for tools that report what the server said (a {@code
 * doctor} or {@code upload} command), never for an application's capture, which goes through the
 * asynchronous transport. No outbox, retries, rate limiting or client reports.
 *
 * <pre>{@code
 * try (DirectSend send = DirectSend.to(options)) {
 *   DirectSend.Answer answer = send.send(Files.readAllBytes(envelopeFile));
 *   System.out.println(answer);  // "HTTP 200", or what went wrong
 * }
 * }</pre>
 */
public final class DirectSend implements AutoCloseable {
  private final DirectSender sender;

  private DirectSend(DirectSender sender) {
    this.sender = sender;
  }

  /**
   * A sender to the DSN of {@code options}.
   *
   * @throws IllegalArgumentException when the options have no DSN
   */
  public static DirectSend to(SentryOptions options) {
    return new DirectSend(new DirectSender(options));
  }

  /**
   * Posts a stored envelope (as the outbox keeps it; a {@code sent_at} it carries is replaced) and
   * returns the server's answer, or the error that stopped the request.
   *
   * @throws IOException if the bytes are not an envelope
   */
  public Answer send(byte[] storedEnvelope) throws IOException {
    return new Answer(sender.send(storedEnvelope));
  }

  /** Stops the HTTP client's threads. */
  @Override
  public void close() {
    sender.close();
  }

  @Override
  public String toString() {
    return "DirectSend{" + sender + '}';
  }

  /** What the server answered to one envelope, or why there was no answer. */
  public static final class Answer {
    private final DirectSender.Answer answer;

    Answer(DirectSender.Answer answer) {
      this.answer = answer;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
      return answer.status();
    }

    /** {@code X-Sentry-Rate-Limits}, or null. */
    public @Nullable String rateLimits() {
      return answer.rateLimits();
    }

    /** {@code Retry-After}, or null. */
    public @Nullable String retryAfter() {
      return answer.retryAfter();
    }

    /** {@code X-Sentry-Error}, or null. */
    public @Nullable String sentryError() {
      return answer.sentryError();
    }

    /** Why no answer came (connection refused, time-out...), or null. */
    public @Nullable IOException error() {
      return answer.error();
    }

    /** Whether the server accepted the envelope (a 2xx answer). */
    public boolean accepted() {
      return answer.accepted();
    }

    /** {@code HTTP 429, X-Sentry-Rate-Limits: ...}, or {@code no answer: ...}. */
    @Override
    public String toString() {
      return answer.toString();
    }
  }
}
