package io.sentryj.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Marks the threads that are inside a {@link SentryAppender} (like Logback's own {@code
 * ReentryGuard}), so that whatever they log meanwhile (the SDK's diagnostics, a {@code beforeSend}
 * that logs) is never captured again.
 *
 * <p>The appender's own check is not enough: inside an {@code AsyncAppender} the appender runs on
 * the async worker, and a line that worker logs goes back into the async queue; with the queue full
 * the worker would wait on itself forever. The {@link Filter} therefore denies, for every appender
 * of the context, any line logged on a thread that is inside the appender. It costs one
 * thread-local read per logging call; a shared count of the threads inside would save that read but
 * make every appending thread write a cache line that every logging thread reads.
 */
final class ReentryGuard {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private ReentryGuard() {}

  /** Whether the current thread is inside an appender. */
  static boolean isInside() {
    return DEPTH.get()[0] > 0;
  }

  /** Marks the current thread inside; pair with {@link #exit()} in a finally block. */
  static void enter() {
    DEPTH.get()[0]++;
  }

  /** Marks the current thread out again. */
  static void exit() {
    DEPTH.get()[0]--;
  }

  /** Denies every line logged by a thread that is inside an appender. */
  static final class Filter extends TurboFilter {
    @Override
    public FilterReply decide(
        @Nullable Marker marker,
        @Nullable Logger logger,
        @Nullable Level level,
        @Nullable String format,
        @Nullable Object @Nullable [] params,
        @Nullable Throwable t) {
      return isInside() ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    @Override
    public String toString() {
      return "SentryAppender.ReentryGuard.Filter";
    }
  }

  @Override
  public String toString() {
    return "ReentryGuard{inside=" + isInside() + '}';
  }
}
