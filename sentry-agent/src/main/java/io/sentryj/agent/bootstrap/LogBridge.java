package io.sentryj.agent.bootstrap;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the logging advice, inlined into Logback, Log4j 2 and {@code java.util.logging}, calls:
 * plain JDK-typed data copied out of each record, forwarded to the {@link Hooks} the agent
 * installs. On the bootstrap class path, so that every class loader of the application sees this
 * one copy.
 *
 * <p>Every advised logging call is bracketed by {@link #enter()} and {@link #exit()}. Only the
 * outermost call on a thread is looked at: a record that a logging bridge passes on to another
 * library (jul-to-slf4j, log4j-slf4j-impl), a parent logger configuration handling the same Log4j
 * event, and whatever is logged from inside an appender or from inside the agent's own capture is
 * nested, and so never captured again.
 */
public final class LogBridge {
  /** Library numbers, the first argument of {@link #wants} and {@link #record}. */
  public static final int LOGBACK = 0;

  public static final int LOG4J2 = 1;
  public static final int JUL = 2;

  private static final ThreadLocal<int[]> DEPTH = new Depth();
  private static volatile @Nullable Hooks hooks;

  private LogBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /**
   * Marks the current thread inside a logging call; always pair with {@link #exit()}. Returns
   * whether the call is the outermost one and hooks are installed, so worth looking at.
   */
  public static boolean enter() {
    int[] depth = DEPTH.get();
    return depth[0]++ == 0 && hooks != null;
  }

  /** Marks the current thread out of a logging call again. */
  public static void exit() {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      depth[0]--;
    }
  }

  /** Whether a record of this library's level would become an event, breadcrumb or log. */
  public static boolean wants(int library, int level) {
    Hooks h = hooks;
    try {
      return h != null && h.wants(library, level);
    } catch (Throwable t) {
      return false;
    }
  }

  /**
   * Hands one record over. {@code markers} is a marker, a list of them, or null; {@code formatted}
   * is null when the agent formats the message itself ({@code java.util.logging}).
   */
  public static void record(
      int library,
      int level,
      @Nullable String logger,
      @Nullable String formatted,
      @Nullable String template,
      @Nullable Object @Nullable [] params,
      @Nullable String thread,
      long timestampMillis,
      @Nullable Map<String, String> mdc,
      @Nullable Object markers,
      @Nullable Throwable thrown) {
    Hooks h = hooks;
    if (h == null) {
      return;
    }
    try {
      h.record(
          library,
          level,
          logger,
          formatted,
          template,
          params,
          thread,
          timestampMillis,
          mdc,
          markers,
          thrown);
    } catch (Throwable t) {
      // the hooks report their own failures; the application's logging goes on
    }
  }

  @Override
  public String toString() {
    return "LogBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge. */
  public interface Hooks {
    /** Whether a record of this level is wanted. */
    boolean wants(int library, int level);

    /** Captures one record as an event, a breadcrumb or a log. */
    void record(
        int library,
        int level,
        @Nullable String logger,
        @Nullable String formatted,
        @Nullable String template,
        @Nullable Object @Nullable [] params,
        @Nullable String thread,
        long timestampMillis,
        @Nullable Map<String, String> mdc,
        @Nullable Object markers,
        @Nullable Throwable thrown);
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class Depth extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  }
}
