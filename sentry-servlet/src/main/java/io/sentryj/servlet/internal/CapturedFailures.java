package io.sentryj.servlet.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
  // made on the first failure: most requests have none
  private @Nullable List<Throwable> captured;

  /** Remembers {@code failure}; true unless it is related to one remembered before. */
  boolean firstTime(Throwable failure) {
    synchronized (lock) {
      List<Throwable> earlier = captured;
      if (earlier == null) {
        earlier = new ArrayList<>(1);
        captured = earlier;
      }
      for (Throwable e : earlier) {
        if (inChain(failure, e) || inChain(e, failure)) {
          return false;
        }
      }
      earlier.add(failure);
      return true;
    }
  }

  /** Whether {@code wanted} is {@code t} or one of its causes. */
  private static boolean inChain(Throwable t, Throwable wanted) {
    @Nullable Throwable c = t;
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
      List<Throwable> c = captured;
      return "CapturedFailures{" + (c == null ? 0 : c.size()) + '}';
    }
  }
}
