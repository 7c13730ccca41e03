package io.sentryj.agent.instrumentation.logging;

import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogRecordData;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.logging.LogRecordMapper;
import io.sentryj.internal.logging.LogRecords;
import io.sentryj.internal.pipeline.SentryClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The agent's capture of log records, once the SDK runs: records at or above {@code
 * agent.logging.minimum-event-level} (ERROR) become events, those at or above {@code
 * agent.logging.minimum-breadcrumb-level} (INFO) breadcrumbs, and with {@code logs.enabled} those
 * at or above {@code agent.logging.minimum-log-level} (INFO) structured logs; all through the
 * core's {@link LogRecordMapper}, as the Logback appender does.
 *
 * <p>Never captured: the SDK's own records ({@link LogRecords#isSdkOwn}: loggers under {@code
 * io.sentryj}, the SDK's threads, records logged while the SDK prints a diagnostic or captures).
 */
public final class LoggingCapture implements LogSink {
  static final String EVENT_LEVEL = "agent.logging.minimum-event-level";
  static final String BREADCRUMB_LEVEL = "agent.logging.minimum-breadcrumb-level";
  static final String LOG_LEVEL = "agent.logging.minimum-log-level";

  private static final int MAX_REPORTED_FAILURES = 8;

  private final LogLevel eventLevel;
  private final LogLevel breadcrumbLevel;
  private final LogLevel logLevel;
  private final LogLevel lowest;
  private final LogRecordMapper[] mappers = {
    new LogRecordMapper("auto.log.logback", null, Collections.<String>emptySet()),
    new LogRecordMapper("auto.log.log4j2", null, Collections.<String>emptySet()),
    new LogRecordMapper("auto.log.jul", null, Collections.<String>emptySet()),
    new LogRecordMapper("auto.log.jboss", null, Collections.<String>emptySet())
  };
  private final AtomicInteger failures = new AtomicInteger();

  LoggingCapture(LogLevel eventLevel, LogLevel breadcrumbLevel, LogLevel logLevel) {
    this.eventLevel = eventLevel;
    this.breadcrumbLevel = breadcrumbLevel;
    this.logLevel = logLevel;
    LogLevel low = eventLevel.isAtLeast(breadcrumbLevel) ? breadcrumbLevel : eventLevel;
    this.lowest = low.isAtLeast(logLevel) ? logLevel : low;
  }

  /** A capture with the thresholds from the agent's settings. */
  public static LoggingCapture of(Function<String, @Nullable String> settings) {
    return new LoggingCapture(
        level(settings, EVENT_LEVEL, LogLevel.ERROR),
        level(settings, BREADCRUMB_LEVEL, LogLevel.INFO),
        level(settings, LOG_LEVEL, LogLevel.INFO));
  }

  static LogLevel level(
      Function<String, @Nullable String> settings, String key, LogLevel fallback) {
    String text = settings.apply(key);
    LogLevel level = LogLevel.parse(text);
    if (text != null && level == null) {
      Diagnostics.warn(
          "%s=%s is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL: using %s",
          key, text, fallback);
    }
    return level != null ? level : fallback;
  }

  @Override
  public boolean wants(int library, int level) {
    return levelOf(library, level).isAtLeast(lowest);
  }

  static LogLevel levelOf(int library, int level) {
    switch (library) {
      case LOGBACK:
        return LogLevel.fromLogback(level);
      case LOG4J2:
        return LogLevel.fromLog4j(level);
      default: // JUL, JBOSS
        return LogLevel.fromJul(level);
    }
  }

  @Override
  public void record(
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
    if (!LogRecords.isSdkOwn(logger)) {
      capture(
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
    }
  }

  /**
   * Captures a record that {@link EarlyLogs} kept from before the SDK ran, on the start thread: its
   * text was copied on the logging thread, and it was not the SDK's own.
   */
  void replay(EarlyLogs.Kept record) {
    capture(
        record.library,
        record.level,
        record.logger,
        record.formatted,
        record.template,
        record.params,
        record.thread,
        record.timestampMillis,
        record.mdc,
        record.markers,
        null);
  }

  private void capture(
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
    SentryRuntime runtime = SentryRuntime.current();
    if (runtime == null) {
      return;
    }
    try {
      LogRecordData record =
          LogRecordData.builder(levelOf(library, level), timestampMillis)
              .loggerName(logger)
              .message(
                  template,
                  formatted != null ? formatted : LogRecords.formatJul(template, params),
                  params)
              .threadName(thread)
              .mdc(mdc)
              .markers(markers(markers))
              .throwable(thrown)
              .callerData(LogRecords::callerData)
              .build();
      dispatch(runtime, mappers[library], record);
    } catch (Throwable t) {
      if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
        Diagnostics.error("the agent failed to capture a log record", t);
      }
    }
  }

  private void dispatch(SentryRuntime runtime, LogRecordMapper mapper, LogRecordData record) {
    SentryClient client = runtime.client();
    LogLevel level = record.level();
    if (level.isAtLeast(eventLevel)) {
      mapper.captureEvent(client, record);
    } else if (level.isAtLeast(breadcrumbLevel)) {
      mapper.addBreadcrumb(client, record);
    }
    LogBatcher logs = runtime.logBatcher();
    if (logs != null && level.isAtLeast(logLevel)) {
      logs.add(mapper.logRecord(client, record));
    }
  }

  private static @Nullable String markers(@Nullable Object markers) {
    if (markers instanceof Collection) {
      Collection<?> all = (Collection<?>) markers;
      if (all.isEmpty()) {
        return null;
      }
      List<String> names = new ArrayList<>(all.size());
      for (Object marker : all) {
        names.add(String.valueOf(marker));
      }
      return String.join(", ", names);
    }
    return markers != null ? String.valueOf(markers) : null;
  }

  @Override
  public String toString() {
    return "LoggingCapture{events="
        + eventLevel
        + ", breadcrumbs="
        + breadcrumbLevel
        + ", logs="
        + logLevel
        + '}';
  }
}
