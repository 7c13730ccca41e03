package io.sentryj.internal.transport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What delivery holds in memory, in envelopes and bytes, against {@code max-queue-size} and {@code
 * max-queue-bytes}: envelopes waiting for the worker (by their {@link
 * io.sentryj.EnvelopeItem#retainedBytes() retained bytes}), serialized envelopes kept in memory,
 * and envelopes read back for a request. Only the caller's admission is refused when it is full;
 * what delivery has taken already is added whatever the total, and released when it is let go.
 *
 * <p>Lock-free and thread-safe.
 */
final class MemoryBudget {
  private final int maxCount;
  private final long maxBytes;
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  MemoryBudget(int maxCount, long maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  /** Takes room for one envelope of {@code size} bytes, or nothing and false when there is none. */
  boolean tryAcquire(long size) {
    boolean full = count.incrementAndGet() > maxCount;
    full |= bytes.addAndGet(size) > maxBytes;
    if (full) {
      release(1, size);
    }
    return !full;
  }

  /** Adds what delivery already holds, even beyond the bounds. */
  void add(int envelopes, long size) {
    count.addAndGet(envelopes);
    bytes.addAndGet(size);
  }

  void release(int envelopes, long size) {
    count.addAndGet(-envelopes);
    bytes.addAndGet(-size);
  }

  /** Whether {@code size} more bytes stay within a {@code fraction} of the byte bound. */
  boolean hasRoomWithin(long size, int fraction) {
    return bytes.get() + size <= maxBytes / fraction;
  }

  long bytes() {
    return bytes.get();
  }

  int count() {
    return count.get();
  }

  @Override
  public String toString() {
    return "MemoryBudget{"
        + count.get()
        + "/"
        + maxCount
        + ", "
        + bytes.get()
        + "/"
        + maxBytes
        + '}';
  }
}
