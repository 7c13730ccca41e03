package io.sentryj.internal.diag;

import java.io.PrintStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's own diagnostics, the one place that prints them. Lines go to SLF4J (logger {@code
 * io.sentryj.diagnostics}) when it is on the class path with a provider bound (Logback, Log4j 2's
 * SLF4J binding, slf4j-jdk14...), else to standard error. Debug and info lines are printed only
 * with the {@code debug} option; warnings and errors always.
 *
 * <p>Without a provider SLF4J is not touched at all: asking it for a logger would print its three
 * "No SLF4J providers were found" lines into every such application's output.
 *
 * <p>Never feeds back into capture: integrations ignore loggers under {@code io.sentryj}, and while
 * a thread is printing a diagnostic it is marked {@link #isPrinting() printing}, so that a logging
 * integration reached through a user's logging configuration skips it.
 */
public final class Diagnostics {
  /** The SLF4J logger name every diagnostic line goes to. */
  public static final String LOGGER_NAME = "io.sentryj.diagnostics";

  private static final ThreadLocal<boolean[]> PRINTING =
      ThreadLocal.withInitial(() -> new boolean[1]);
  private static final @Nullable Object SLF4J_LOGGER = slf4jLogger();

  private static volatile boolean debug;

  private Diagnostics() {}

  /** Turns debug lines on or off. */
  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  /** Whether debug lines are printed. */
  public static boolean isDebug() {
    return debug;
  }

  /** Whether the current thread is printing a diagnostic line right now. */
  public static boolean isPrinting() {
    return PRINTING.get()[0];
  }

  /** A debug line, printed only with {@code debug}. Formats with {@link String#format}. */
  public static void debug(String format, @Nullable Object... args) {
    if (debug) {
      print(Level.DEBUG, format, args, null);
    }
  }

  /** An info line, printed only with {@code debug}. */
  public static void info(String format, @Nullable Object... args) {
    if (debug) {
      print(Level.INFO, format, args, null);
    }
  }

  /** A warning, always printed. */
  public static void warn(String format, @Nullable Object... args) {
    print(Level.WARN, format, args, null);
  }

  /** An error with its cause, always printed; the stack only with {@code debug}. */
  public static void error(String message, @Nullable Throwable cause) {
    print(Level.ERROR, "%s", new Object[] {message}, cause);
  }

  private enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private static void print(
      Level level, String format, @Nullable Object[] args, @Nullable Throwable cause) {
    boolean[] printing = PRINTING.get();
    if (printing[0]) {
      return; // a diagnostic raised while printing one: drop it rather than recurse
    }
    printing[0] = true;
    try {
      String line = format(format, args);
      if (cause != null && !debug) {
        line = line + ": " + describe(cause);
      }
      Throwable shown = debug ? cause : null;
      if (SLF4J_LOGGER == null || !Slf4j.log(SLF4J_LOGGER, level, line, shown)) {
        PrintStream err = System.err;
        err.println("[sentryj] " + level.name() + " " + line);
        if (shown != null) {
          shown.printStackTrace(err);
        }
      }
    } catch (Throwable ignored) {
      // diagnostics must never hurt the application
    } finally {
      printing[0] = false;
    }
  }

  private static String format(String format, @Nullable Object[] args) {
    if (args.length == 0) {
      return format;
    }
    try {
      return String.format(Locale.ROOT, format, args);
    } catch (RuntimeException e) {
      return format;
    }
  }

  /** The class and message of a throwable, safe against a throwing {@code getMessage()}. */
  public static String describe(Throwable t) {
    String message;
    try {
      message = t.getMessage();
    } catch (Throwable e) {
      message = "<getMessage() threw " + e.getClass().getName() + ">";
    }
    return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
  }

  private static @Nullable Object slf4jLogger() {
    try {
      Class<?> factory =
          Class.forName("org.slf4j.LoggerFactory", false, Diagnostics.class.getClassLoader());
      return hasSlf4jProvider(factory.getClassLoader()) ? Slf4j.logger() : null;
    } catch (Throwable e) {
      return null;
    }
  }

  /**
   * Whether SLF4J, loaded by {@code loader}, would find a provider: one named by {@code
   * slf4j.provider}, one registered for SLF4J 2's service loader, or an SLF4J 1 binding. Looks for
   * the files only; loads nothing.
   */
  static boolean hasSlf4jProvider(@Nullable ClassLoader loader) {
    if (System.getProperty("slf4j.provider") != null) {
      return true;
    }
    String[] markers = {
      "META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
      "org/slf4j/impl/StaticLoggerBinder.class"
    };
    for (String marker : markers) {
      if ((loader != null ? loader.getResource(marker) : ClassLoader.getSystemResource(marker))
          != null) {
        return true;
      }
    }
    return false;
  }

  /** Kept apart so that the SDK loads without SLF4J. */
  private static final class Slf4j {
    static Object logger() {
      return org.slf4j.LoggerFactory.getLogger(LOGGER_NAME);
    }

    static boolean log(Object logger, Level level, String line, @Nullable Throwable cause) {
      org.slf4j.Logger l = (org.slf4j.Logger) logger;
      if (l.getClass().getName().equals("org.slf4j.helpers.NOPLogger")) {
        return false; // no binding: fall back to stderr
      }
      switch (level) {
        case DEBUG:
          l.debug(line, cause);
          break;
        case INFO:
          l.info(line, cause);
          break;
        case WARN:
          l.warn(line, cause);
          break;
        default:
          l.error(line, cause);
      }
      return true;
    }
  }
}
