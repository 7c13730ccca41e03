package io.sentryj.agent.instrumentation.logging;

import io.sentryj.agent.bootstrap.LogBridge;
import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogRecordData;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.logging.LogRecordMapper;
import io.sentryj.internal.pipeline.SentryClient;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link LogBridge}: records at or above {@code
 * agent.logging.minimum-event-level} (ERROR) become events, those at or above {@code
 * agent.logging.minimum-breadcrumb-level} (INFO) breadcrumbs, and with {@code logs.enabled} those
 * at or above {@code agent.logging.minimum-log-level} (INFO) structured logs; all through the
 * core's {@link LogRecordMapper}, as the Logback appender does.
 *
 * <p>Never captured: records of loggers under {@code io.sentryj} (an application's own sentryj, the
 * agent's relocated libraries), records logged while the SDK prints a diagnostic or captures, and
 * records logged on the SDK's threads.
 */
public final class LoggingCapture implements LogBridge.Hooks {
  static final String EVENT_LEVEL = "agent.logging.minimum-event-level";
  static final String BREADCRUMB_LEVEL = "agent.logging.minimum-breadcrumb-level";
  static final String LOG_LEVEL = "agent.logging.minimum-log-level";

  // built at run time: as constants, the agent's shading would rename them with the SDK's classes
  private static final String SDK_LOGGERS = String.join(".", "io", "sentryj", "");
  private static final List<String> LOGGING_PACKAGES =
      Collections.unmodifiableList(
          Arrays.asList(
              "ch.qos.logback.",
              String.join(".", "org", "slf4j", ""),
              "org.apache.logging.",
              "org.apache.commons.logging.",
              "java.util.logging.",
              "sun.util.logging."));
  private static final String SDK_THREAD_PREFIX = "sentryj-";
  private static final int MAX_REPORTED_FAILURES = 8;

  private final LogLevel eventLevel;
  private final LogLevel breadcrumbLevel;
  private final LogLevel logLevel;
  private final LogLevel lowest;
  private final LogRecordMapper[] mappers = {
    new LogRecordMapper("auto.log.logback", null, Collections.<String>emptySet()),
    new LogRecordMapper("auto.log.log4j2", null, Collections.<String>emptySet()),
    new LogRecordMapper("auto.log.jul", null, Collections.<String>emptySet())
  };
  private final AtomicInteger failures = new AtomicInteger();

  LoggingCapture(LogLevel eventLevel, LogLevel breadcrumbLevel, LogLevel logLevel) {
    this.eventLevel = eventLevel;
    this.breadcrumbLevel = breadcrumbLevel;
    this.logLevel = logLevel;
    LogLevel low = eventLevel.isAtLeast(breadcrumbLevel) ? breadcrumbLevel : eventLevel;
    this.lowest = low.isAtLeast(logLevel) ? logLevel : low;
  }

  /** Installs the capture behind the bridge, with the thresholds from the agent's settings. */
  public static LoggingCapture install(Function<String, @Nullable String> settings) {
    LoggingCapture capture =
        new LoggingCapture(
            level(settings, EVENT_LEVEL, LogLevel.ERROR),
            level(settings, BREADCRUMB_LEVEL, LogLevel.INFO),
            level(settings, LOG_LEVEL, LogLevel.INFO));
    LogBridge.install(capture);
    return capture;
  }

  private static LogLevel level(
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
      case LogBridge.LOGBACK:
        return LogLevel.fromLogback(level);
      case LogBridge.LOG4J2:
        return LogLevel.fromLog4j(level);
      default:
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
    if (isIgnored(logger)) {
      return;
    }
    SentryRuntime runtime = SentryRuntime.current();
    if (runtime == null) {
      return;
    }
    try {
      LogRecordData record =
          LogRecordData.builder(levelOf(library, level), timestampMillis)
              .loggerName(logger)
              .message(template, formatted != null ? formatted : format(template, params), params)
              .threadName(thread)
              .mdc(mdc)
              .markers(markers(markers))
              .throwable(thrown)
              .callerData(LoggingCapture::callerData)
              .build();
      dispatch(runtime, mappers[library], record);
    } catch (Throwable t) {
      if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
        Diagnostics.error("the agent failed to capture a log record", t);
      }
    }
  }

  private static boolean isIgnored(@Nullable String logger) {
    return Diagnostics.isPrinting()
        || SentryClient.isCapturing()
        || (logger != null && logger.startsWith(SDK_LOGGERS))
        || Thread.currentThread().getName().startsWith(SDK_THREAD_PREFIX);
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

  /**
   * A {@code java.util.logging} message as its {@code Formatter.formatMessage} would write it:
   * {@code MessageFormat} only when there are parameters and the text has a placeholder.
   */
  static @Nullable String format(@Nullable String template, @Nullable Object @Nullable [] params) {
    if (template == null
        || params == null
        || params.length == 0
        || (!template.contains("{0") && !template.contains("{1"))) {
      return template;
    }
    try {
      return MessageFormat.format(template, params);
    } catch (IllegalArgumentException e) {
      return template;
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

  /** The stack of the log call: the current stack below the last logging library's frame. */
  static StackTraceElement[] callerData() {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    int last = -1;
    for (int i = 0; i < stack.length; i++) {
      String name = stack[i].getClassName();
      for (String prefix : LOGGING_PACKAGES) {
        if (name.startsWith(prefix)) {
          last = i;
          break;
        }
      }
    }
    return Arrays.copyOfRange(stack, last + 1, stack.length);
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
