package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What code woven into Logback, Log4j 2, {@code java.util.logging} and JBoss LogManager calls, with
 * the libraries' own objects as {@link Object}: the agent's {@link Hooks} read them through code
 * linked against each library. On the bootstrap class path, so that every class loader of the
 * application sees this one copy.
 *
 * <p>Every woven logging method calls one of the entries on its way in and {@link #exit()} on every
 * way out. Only the outermost call on a thread is looked at: a record that a logging bridge passes
 * on to another library (jul-to-slf4j, log4j-slf4j-impl), a parent logger configuration handling
 * the same Log4j event, whatever an appender or the agent's own capture logs, and what runs inside
 * a {@link #suppress()}ed call (Log4j's async logger thread, handling records already captured on
 * the thread that logged them) is nested, and so never captured again.
 */
public final class LogBridge {
  private static final ThreadLocal<int[]> DEPTH = new Depth();
  private static volatile @Nullable Hooks hooks;

  private LogBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /** Logback's {@code Logger.callAppenders(ILoggingEvent)}. */
  public static void logback(Object logger, Object event) {
    Hooks h = enter();
    if (h != null) {
      try {
        h.logback(logger, event);
      } catch (Throwable t) {
        // the hooks report their own failures; the application's logging goes on
      }
    }
  }

  /** Log4j's {@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)}, also an async one's. */
  public static void log4j(Object event, Object predicate) {
    Hooks h = enter();
    if (h != null) {
      try {
        h.log4j(event, predicate);
      } catch (Throwable t) {
        // the application's logging goes on
      }
    }
  }

  /**
   * Log4j's {@code AsyncLogger.logMessage} and {@code log}, on the logging thread, before the
   * record goes to the ring buffer: its level, marker, message and throwable.
   */
  public static void log4jAsync(
      Object logger,
      Object level,
      @Nullable Object marker,
      Object message,
      @Nullable Throwable thrown) {
    Hooks h = enter();
    if (h != null) {
      try {
        h.log4jAsync(logger, level, marker, message, thrown);
      } catch (Throwable t) {
        // the application's logging goes on
      }
    }
  }

  /**
   * {@code java.util.logging.Logger.log(LogRecord)}, and a subclass's own {@code log(LogRecord)}.
   */
  public static void jul(Object logger, Object record) {
    Hooks h = enter();
    if (h != null) {
      try {
        h.jul(logger, record);
      } catch (Throwable t) {
        // the application's logging goes on
      }
    }
  }

  /** JBoss LogManager's {@code Logger.logRaw(ExtLogRecord)}, where its logging methods end. */
  public static void jboss(Object logger, Object record) {
    Hooks h = enter();
    if (h != null) {
      try {
        h.jboss(logger, record);
      } catch (Throwable t) {
        // the application's logging goes on
      }
    }
  }

  /** Entering a call whose records were captured already: what it logs is nested. */
  public static void suppress() {
    DEPTH.get()[0]++;
  }

  /** Leaving any of the calls above, on every way out. */
  public static void exit() {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      depth[0]--;
    }
  }

  /** The hooks when this is the thread's outermost logging call; the depth grows either way. */
  private static @Nullable Hooks enter() {
    int[] depth = DEPTH.get();
    return depth[0]++ == 0 ? hooks : null;
  }

  @Override
  public String toString() {
    return "LogBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge; each records one record, or decides not to. */
  public interface Hooks {
    void logback(Object logger, Object event);

    void log4j(Object event, Object predicate);

    void log4jAsync(
        Object logger,
        Object level,
        @Nullable Object marker,
        Object message,
        @Nullable Throwable thrown);

    void jul(Object logger, Object record);

    void jboss(Object logger, Object record);
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class Depth extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  }
}
