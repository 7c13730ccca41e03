package io.sentryj.internal.transport;

import org.jspecify.annotations.Nullable;

/**
 * Posts stored envelopes to Sentry: the one place that knows HTTP, so that the rest of delivery
 * sees only envelopes and {@link SendResult}s. {@link OkHttpSender} is the implementation; its
 * library's types never leave it.
 *
 * <pre>{@code
 * SendResult r = sender.send(storedBytes, Rfc3339.format(now), clientReportItem, oneShot);
 * }</pre>
 *
 * <p>Thread-safe: the dispatcher calls {@link #send} from several threads at once.
 */
interface Sender {
  /**
   * Posts a stored envelope (no {@code sent_at}) with {@code sent_at} added to its header and an
   * extra item appended if given (a client report), and blocks until the answer or the error, each
   * phase bounded by the configured timeouts. Never throws: an error is a result.
   *
   * @param oneShot whether the request may be written only once (the HTTP client must not repeat it
   *     on its own after a failure, since Sentry might count it twice)
   */
  SendResult send(byte[] stored, String sentAt, byte @Nullable [] extraItem, boolean oneShot);

  /** Cancels every request under way: each ends at once with an error. */
  void cancelAll();

  /**
   * Cancels what is under way and ends every thread the sender or its library started; returns once
   * they are gone, or after {@code timeoutMillis}.
   */
  void close(long timeoutMillis);
}
