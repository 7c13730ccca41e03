package io.sentryj.jul;

import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.integration.LogCapture;
import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogMessages;
import io.sentryj.integration.LogRecordData;
import io.sentryj.integration.Sdk;
import io.sentryj.integration.SharedSdk;
import io.sentryj.integration.TextOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jspecify.annotations.Nullable;

/**
 * Everything the handler asks of the SDK, in one place: reads a {@code LogRecord} into the SDK's
 * record and hands it to the mapping every logging integration shares. Thread-safe.
 */
final class JulSdk {
  /** The mechanism type of logged throwables and the origin of logs (trace-origin style). */
  static final String ORIGIN = "auto.log.jul";

  /** The hint entry holding the {@link LogRecord} an event or breadcrumb was made from. */
  static final String HINT_LOG_RECORD = "jul:record";

  /** For tests: the transport of an SDK a handler starts. */
  static volatile @Nullable Function<SentryOptions, Transport> transportFactoryForTests;

  private final LogCapture capture;
  private final SharedSdk share = new SharedSdk();
  // the thresholds as java.util.logging's values, finer than the SDK's levels
  private final int eventLevel;
  private final int breadcrumbLevel;
  private final int logLevel;
  private final int lowestLevel;

  JulSdk(Level event, Level breadcrumb, Level log) {
    this.eventLevel = event.intValue();
    this.breadcrumbLevel = breadcrumb.intValue();
    this.logLevel = log.intValue();
    this.lowestLevel = Math.min(eventLevel, Math.min(breadcrumbLevel, logLevel));
    this.capture =
        LogCapture.builder(ORIGIN)
            .hintKey(HINT_LOG_RECORD)
            .minimumEventLevel(level(event))
            .minimumBreadcrumbLevel(level(breadcrumb))
            .minimumLogLevel(level(log))
            .build();
  }

  /** The SDK's option keys ({@code sentry.properties} keys), without the {@code tags.} family. */
  static Set<String> optionKeys() {
    return TextOptions.keys();
  }

  /** Those of the keys that are no SDK option. */
  static List<String> unknownOptions(Collection<String> keys) {
    return SharedSdk.unknownOptions(keys);
  }

  /**
   * Uses the running SDK or starts one; returns what to report, or null for nothing.
   *
   * @throws IllegalArgumentException if a setting is invalid
   */
  @Nullable String bind(@Nullable String dsn, Map<String, String> options, String origin) {
    return share.bind(dsn, options, origin, transportFactoryForTests).warning("the " + origin);
  }

  /** Whether a record of this level becomes anything. */
  boolean wants(Level level) {
    return level.intValue() >= lowestLevel;
  }

  /** Whether the record, logged now on this thread, is the SDK's own. */
  static boolean isSdkRecord(@Nullable String loggerName) {
    return LogCapture.isSdkRecord(loggerName);
  }

  /** Sends the record on, as its level asks. */
  /**
   * Sends the record on by the handler's thresholds, compared as {@code java.util.logging}'s
   * values: finer than the SDK's levels ({@code CONFIG} and {@code FINE} are both debug).
   */
  void record(LogRecord record) {
    Sdk sdk = Sdk.current();
    if (sdk == null) {
      return;
    }
    int level = record.getLevel().intValue();
    LogRecordData data = data(record);
    if (level >= eventLevel) {
      capture.captureEvent(sdk, data);
    } else if (level >= breadcrumbLevel) {
      capture.addBreadcrumb(sdk, data);
    }
    if (level >= logLevel) {
      capture.sendLog(sdk, data);
    }
  }

  void flush(long timeoutMillis) {
    Sdk sdk = Sdk.current();
    if (sdk != null) {
      sdk.flush(timeoutMillis);
    }
  }

  /** Lets go of an SDK the handlers started, closing it if no other handler uses it. */
  void release() {
    share.release();
  }

  private static LogLevel level(Level level) {
    return LogLevel.fromJul(level.intValue());
  }

  /**
   * What the mapping reads: the template localized by the record's resource bundle, formatted as
   * {@code java.util.logging.Formatter} does. A handler publishes on the logging thread, whose name
   * the record does not keep: it is the current thread's when the record's thread id is its.
   */
  static LogRecordData data(LogRecord record) {
    String template = localized(record);
    Object[] params = record.getParameters();
    Thread current = Thread.currentThread();
    return LogRecordData.builder(level(record.getLevel()), record.getMillis())
        .loggerName(record.getLoggerName())
        .message(template, LogMessages.formatJul(template, params), params)
        .threadName(record.getThreadID() == (int) current.getId() ? current.getName() : null)
        .throwable(record.getThrown())
        .callerData(LogMessages::callerData)
        .source(record)
        .build();
  }

  private static @Nullable String localized(LogRecord record) {
    String message = record.getMessage();
    ResourceBundle bundle = record.getResourceBundle();
    if (message == null || bundle == null) {
      return message;
    }
    try {
      return bundle.getString(message);
    } catch (MissingResourceException | ClassCastException e) {
      return message; // as Formatter.formatMessage: a key the bundle lacks is the text itself
    }
  }

  @Override
  public String toString() {
    return "JulSdk{" + capture + '}';
  }
}
