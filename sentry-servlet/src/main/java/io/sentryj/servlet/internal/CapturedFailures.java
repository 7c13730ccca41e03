package io.sentryj.servlet.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The failures one request reported, so that the same failure seen again by another path (the
 * filter on an async dispatch, then the container's {@code onError}; an async task, then the
 * timeout) is not captured twice. Related means the same throwable, one of its causes, or one that
 * wraps it, as containers wrap what they pass on in {@code ServletException}s.
 */
final class CapturedFailures {
  /** How far a cause chain is followed: deep enough for any real wrapping, bounded for cycles. */
  private static final int MAX_DEPTH = 32;

  private final Object lock = new Object();
  private final List<Throwable> captured = new ArrayList<>(1);

  /** Remembers {@code failure}; true unless it is related to one remembered before. */
  boolean firstTime(Throwable failure) {
    synchronized (lock) {
      for (Throwable earlier : captured) {
        if (inChain(failure, earlier) || inChain(earlier, failure)) {
          return false;
        }
      }
      captured.add(failure);
      return true;
    }
  }

  /** Whether {@code wanted} is {@code t} or one of its causes. */
  private static boolean inChain(Throwable t, Throwable wanted) {
    Throwable c = t;
    for (int depth = 0; c != null && depth < MAX_DEPTH; depth++) {
      if (c == wanted) {
        return true;
      }
      c = c.getCause();
    }
    return false;
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "CapturedFailures{" + captured.size() + '}';
    }
  }
}
