package io.sentryj.internal.transport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after failed requests: exponential from a first delay, capped at a few seconds
 * so that the end of an outage is noticed soon after it ends, with jitter so that many SDKs do not
 * knock at once, and never sooner than a {@code Retry-After} the server asked for.
 *
 * <p>Written by the processor's worker only; {@link #isWaiting} may be read from any thread.
 */
final class Backoff {
  /** The longest {@code Retry-After} honoured: a longer one is taken as this. */
  static final long MAX_RETRY_AFTER_MILLIS = 60_000;

  private final long initialMillis;
  private final long maxMillis;
  private int failures;
  private volatile long until;

  Backoff(long initialMillis, long maxMillis) {
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
  }

  /**
   * Counts a failure at {@code now} and returns the delay until the next try: exponential, capped,
   * with jitter in [delay/2, delay]; at least {@code retryAfterMillis} when that is not negative.
   */
  long failed(long now, long retryAfterMillis) {
    failures++;
    int shift = Math.min(failures - 1, 20);
    long delay = Math.min(maxMillis, initialMillis << shift);
    delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    if (retryAfterMillis >= 0) {
      delay = Math.max(delay, Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS));
    }
    until = now + delay;
    return delay;
  }

  /** Counts a success; true when it ends a run of failures (the network is back). */
  boolean succeeded() {
    boolean recovered = failures > 0;
    failures = 0;
    until = 0;
    return recovered;
  }

  /** Whether the last request failed: then only one request at a time probes. */
  boolean isFailing() {
    return failures > 0;
  }

  /** Whether the next try must wait. */
  boolean isWaiting(long now) {
    return now < until;
  }

  /** When the next try may start, in the caller's clock. */
  long until() {
    return until;
  }

  @Override
  public String toString() {
    return "Backoff{failures=" + failures + '}';
  }
}
