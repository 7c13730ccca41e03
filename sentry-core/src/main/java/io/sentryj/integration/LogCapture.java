package io.sentryj.integration;

import io.sentryj.SentryId;
import io.sentryj.internal.RunningSdk;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.integration.LogBatcher;
import io.sentryj.internal.logging.LogRecordMapper;
import io.sentryj.internal.pipeline.SentryClient;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a logging integration does with a record, written once for every logging library: at or
 * above {@code minimumEventLevel} an event (the {@code logentry} with template, parameters and
 * formatted text, the logger, the throwable with mechanism {@link #origin()}, extras {@code
 * thread_name} and {@code marker}, the MDC as context {@code MDC} and chosen MDC keys as tags), at
 * or above {@code minimumBreadcrumbLevel} a breadcrumb of the next event, and at or above {@code
 * minimumLogLevel} a structured log when the option {@code logs.enabled} is on. Thread-safe.
 *
 * <pre>{@code
 * LogCapture capture = LogCapture.builder("auto.log.log4j2").contextTags(tags).build();
 * // in append, after a cheap level check and the library's own re-entry guard:
 * if (!LogCapture.isSdkRecord(event.getLoggerName())) {
 *   Sdk sdk = Sdk.current();
 *   if (sdk != null) {
 *     capture.record(sdk, LogRecordData.builder(level, event.getTimeMillis())...build());
 *   }
 * }
 * }</pre>
 */
public final class LogCapture {
  private static final String SDK_THREAD_PREFIX = "sentryj-";

  /**
   * The SDK's own loggers and those of the HTTP client it sends with: never captured, so that
   * sending cannot feed itself. Only the SDK's packages, so that an application under {@code
   * io.sentryj} (the samples) is captured like any other. Joined at run time: the agent's jar
   * relocates string constants that look like the SDK's packages, and these name the originals.
   */
  private static final String[] SDK_LOGGER_PREFIXES = {
    Diagnostics.LOGGER_NAME,
    sdkPackage("internal"),
    sdkPackage("integration"),
    sdkPackage("logback"),
    sdkPackage("log4j2"),
    sdkPackage("jul"),
    sdkPackage("servlet"),
    sdkPackage("agent"),
    String.join(".", "okhttp3", ""),
    String.join(".", "okio", "")
  };

  private final LogRecordMapper mapper;
  private final LogLevel eventLevel;
  private final LogLevel breadcrumbLevel;
  private final LogLevel logLevel;
  private final LogLevel lowestLevel;

  private LogCapture(Builder b) {
    this.mapper = new LogRecordMapper(b.origin, b.hintKey, b.contextTags);
    this.eventLevel = b.eventLevel;
    this.breadcrumbLevel = b.breadcrumbLevel;
    this.logLevel = b.logLevel;
    LogLevel low = eventLevel.isAtLeast(breadcrumbLevel) ? breadcrumbLevel : eventLevel;
    this.lowestLevel = low.isAtLeast(logLevel) ? logLevel : low;
  }

  private static String sdkPackage(String name) {
    return String.join(".", "io", "sentryj", name, "");
  }

  /**
   * A builder.
   *
   * @param origin the mechanism type of logged throwables and {@code sentry.origin} of structured
   *     logs, such as {@code auto.log.logback}
   */
  public static Builder builder(String origin) {
    return new Builder(origin);
  }

  /**
   * Whether a record logged now, on the calling thread, by this logger is the SDK's own and must
   * not be captured: logged by the SDK or its HTTP client, on one of the SDK's threads, while the
   * SDK prints a diagnostic, or from inside a capture (a logging {@code beforeSend} or event
   * processor). The one rule every logging integration applies.
   */
  public static boolean isSdkRecord(@Nullable String loggerName) {
    if (Diagnostics.isPrinting()
        || SentryClient.isCapturing()
        || Thread.currentThread().getName().startsWith(SDK_THREAD_PREFIX)) {
      return true;
    }
    if (loggerName != null) {
      for (String prefix : SDK_LOGGER_PREFIXES) {
        if (loggerName.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The mechanism type and log origin, such as {@code auto.log.logback}. */
  public String origin() {
    return mapper.origin();
  }

  /** Whether a record of this level becomes anything: the cheap check before reading a record. */
  public boolean wants(LogLevel level) {
    return level.isAtLeast(lowestLevel);
  }

  /**
   * Sends the record on as its level asks: an event or else a breadcrumb, and a structured log.
   * Does not check {@link #isSdkRecord}; the caller does, before it reads the record.
   */
  public void record(Sdk sdk, LogRecordData record) {
    LogLevel level = record.level();
    if (level.isAtLeast(eventLevel)) {
      captureEvent(sdk, record);
    } else if (level.isAtLeast(breadcrumbLevel)) {
      addBreadcrumb(sdk, record);
    }
    if (level.isAtLeast(logLevel)) {
      sendLog(sdk, record);
    }
  }

  /** Captures the record as an event, whatever its level. */
  public SentryId captureEvent(Sdk sdk, LogRecordData record) {
    SentryClient client = RunningSdk.clientOf(sdk);
    return client == null ? SentryId.EMPTY : mapper.captureEvent(client, record);
  }

  /** Adds the record as a breadcrumb to the calling thread's isolation scope. */
  public void addBreadcrumb(Sdk sdk, LogRecordData record) {
    SentryClient client = RunningSdk.clientOf(sdk);
    if (client != null) {
      mapper.addBreadcrumb(client, record);
    }
  }

  /** Queues the record as a structured log (protocol section 9), when {@code logs.enabled}. */
  public void sendLog(Sdk sdk, LogRecordData record) {
    LogBatcher logs = RunningSdk.logsOf(sdk);
    SentryClient client = RunningSdk.clientOf(sdk);
    if (logs != null && client != null) {
      logs.add(mapper.logRecord(client, record));
    }
  }

  @Override
  public String toString() {
    return "LogCapture{"
        + mapper
        + ", event>="
        + eventLevel
        + ", breadcrumb>="
        + breadcrumbLevel
        + ", log>="
        + logLevel
        + '}';
  }

  /** Builds a {@link LogCapture}: thresholds ERROR, INFO and INFO unless set. */
  public static final class Builder {
    private final String origin;
    private @Nullable String hintKey;
    private Set<String> contextTags = Collections.emptySet();
    private LogLevel eventLevel = LogLevel.ERROR;
    private LogLevel breadcrumbLevel = LogLevel.INFO;
    private LogLevel logLevel = LogLevel.INFO;

    private Builder(String origin) {
      this.origin = origin;
    }

    /**
     * The hint entry that holds the library's own record ({@link LogRecordData#source()}) for
     * {@code beforeSend} and {@code beforeBreadcrumb}, such as {@code logback:event}.
     */
    public Builder hintKey(@Nullable String key) {
      this.hintKey = key;
      return this;
    }

    /** The MDC keys whose values become tags of events instead of entries of the MDC context. */
    public Builder contextTags(Set<String> keys) {
      this.contextTags = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
      return this;
    }

    /** The lowest level that becomes an event; {@code ERROR} by default. */
    public Builder minimumEventLevel(LogLevel level) {
      this.eventLevel = level;
      return this;
    }

    /** The lowest level that becomes a breadcrumb; {@code INFO} by default. */
    public Builder minimumBreadcrumbLevel(LogLevel level) {
      this.breadcrumbLevel = level;
      return this;
    }

    /** The lowest level sent as a structured log with {@code logs.enabled}; {@code INFO}. */
    public Builder minimumLogLevel(LogLevel level) {
      this.logLevel = level;
      return this;
    }

    /** The capture. */
    public LogCapture build() {
      return new LogCapture(this);
    }

    @Override
    public String toString() {
      return "LogCapture.Builder{origin=" + origin + '}';
    }
  }
}
