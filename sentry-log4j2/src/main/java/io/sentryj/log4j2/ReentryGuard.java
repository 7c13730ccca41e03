package io.sentryj.log4j2;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Marks the threads that are inside a {@link SentryAppender}, so that whatever they log meanwhile
 * (the SDK's diagnostics bridged into Log4j, a {@code beforeSend} that logs) is never captured
 * again.
 *
 * <p>The appender's own check is not enough: Log4j checks its recursion guard before it calls the
 * appender, and reports every such line as an error; inside an {@code Async} appender or an async
 * logger the line would go back into the queue the appending thread drains. The {@link Filter},
 * installed on the whole configuration while an appender runs, therefore denies any line logged on
 * a thread that is inside the appender, for every appender, before Log4j makes an event of it. It
 * costs one thread-local read per logging call.
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

  /**
   * Denies every line logged by a thread that is inside an appender. Log4j's overloads with single
   * parameters all come to the varargs one.
   */
  static final class Filter extends AbstractFilter {
    Filter() {
      super(Result.DENY, Result.NEUTRAL);
    }

    private Result decide() {
      return isInside() ? Result.DENY : Result.NEUTRAL;
    }

    @Override
    public Result filter(
        @Nullable Logger logger,
        @Nullable Level level,
        @Nullable Marker marker,
        @Nullable String msg,
        @Nullable Object @Nullable ... params) {
      return decide();
    }

    @Override
    public Result filter(
        @Nullable Logger logger,
        @Nullable Level level,
        @Nullable Marker marker,
        @Nullable Object msg,
        @Nullable Throwable t) {
      return decide();
    }

    @Override
    public Result filter(
        @Nullable Logger logger,
        @Nullable Level level,
        @Nullable Marker marker,
        @Nullable Message msg,
        @Nullable Throwable t) {
      return decide();
    }

    @Override
    public Result filter(@Nullable LogEvent event) {
      return decide();
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
