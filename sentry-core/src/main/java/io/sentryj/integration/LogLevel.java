package io.sentryj.integration;

import io.sentryj.SentryLevel;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The level of a log record, in words every logging library shares, with the conversions from each
 * library's numeric levels (kept as numbers here, so that the core links against none of them).
 * Levels between two standard ones (custom levels) count as the lower of the two.
 */
public enum LogLevel {
  TRACE(SentryLevel.DEBUG),
  DEBUG(SentryLevel.DEBUG),
  INFO(SentryLevel.INFO),
  WARN(SentryLevel.WARNING),
  ERROR(SentryLevel.ERROR),
  FATAL(SentryLevel.FATAL);

  private final SentryLevel sentryLevel;

  LogLevel(SentryLevel sentryLevel) {
    this.sentryLevel = sentryLevel;
  }

  /** The level of events and breadcrumbs ({@code WARN} is {@code warning}; trace is debug). */
  public SentryLevel sentryLevel() {
    return sentryLevel;
  }

  /** Whether this level is at least as severe as {@code other}. */
  public boolean isAtLeast(LogLevel other) {
    return compareTo(other) >= 0;
  }

  /** From Logback's {@code Level.toInt()}: 5000 trace to 40000 error. */
  public static LogLevel fromLogback(int levelInt) {
    if (levelInt >= 40000) {
      return ERROR;
    } else if (levelInt >= 30000) {
      return WARN;
    } else if (levelInt >= 20000) {
      return INFO;
    } else if (levelInt >= 10000) {
      return DEBUG;
    }
    return TRACE;
  }

  /** From Log4j 2's {@code Level.intLevel()}: 100 fatal to 600 trace, lower is more severe. */
  public static LogLevel fromLog4j(int intLevel) {
    if (intLevel <= 100) {
      return FATAL;
    } else if (intLevel <= 200) {
      return ERROR;
    } else if (intLevel <= 300) {
      return WARN;
    } else if (intLevel <= 400) {
      return INFO;
    } else if (intLevel <= 500) {
      return DEBUG;
    }
    return TRACE;
  }

  /**
   * From {@code java.util.logging.Level.intValue()}: {@code SEVERE} (1000) is error, {@code
   * WARNING} warn, {@code INFO} info, {@code CONFIG} and {@code FINE} debug, finer is trace.
   */
  public static LogLevel fromJul(int value) {
    if (value >= 1000) {
      return ERROR;
    } else if (value >= 900) {
      return WARN;
    } else if (value >= 800) {
      return INFO;
    } else if (value >= 500) {
      return DEBUG;
    }
    return TRACE;
  }

  /** The level named {@code name} ({@code warn}, {@code ERROR}, ...), or null if none is. */
  public static @Nullable LogLevel parse(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    for (LogLevel level : values()) {
      if (level.name().equals(upper)) {
        return level;
      }
    }
    return null;
  }
}
