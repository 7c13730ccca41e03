package io.sentryj;

/**
 * Delivers envelopes. The SDK calls {@link #send} on the application's thread, so an implementation
 * must not block or do I/O there, and must never throw: it queues, or drops and reports the drop
 * through the {@link DiscardListener}.
 */
public interface Transport {
  /** Accepts an envelope for delivery. Returns at once. */
  void send(Envelope envelope);

  /**
   * Waits until everything accepted so far was delivered or stored, or the timeout passed.
   *
   * @return true if nothing was left when it returned
   */
  boolean flush(long timeoutMillis);

  /**
   * Stops accepting, delivers or stores what it holds within the timeout, and frees its threads.
   */
  void close(long timeoutMillis);

  /** Whether the transport is delivering normally (not rate limited, not failing). */
  default boolean isHealthy() {
    return true;
  }
}
