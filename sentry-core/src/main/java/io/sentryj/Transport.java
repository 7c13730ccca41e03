package io.sentryj;

/**
 * Delivers envelopes. The SDK calls {@link #send} on the application's thread, so an implementation
 * must not block or do I/O there, and must never throw: it queues, or drops and reports the drop
 * through the {@link DiscardListener}. A queue should be bounded by what its envelopes hold in
 * memory: {@link EnvelopeItem#retainedBytes()}.
 */
public interface Transport {
  /** Accepts an envelope for delivery. Returns at once. */
  void send(Envelope envelope);

  /**
   * Waits until everything accepted before the call was delivered (Sentry answered 2xx) or dropped
   * and counted, retrying until the timeout. Stored on disk is not delivered.
   *
   * @return true if everything was delivered or dropped and counted when it returned
   */
  boolean flush(long timeoutMillis);

  /**
   * Stops accepting, delivers what it holds within the timeout (keeping the rest for the next
   * start, if it can), and returns once every thread it started has ended.
   */
  void close(long timeoutMillis);

  /** Whether the transport is delivering normally (not rate limited, not failing). */
  default boolean isHealthy() {
    return true;
  }
}
