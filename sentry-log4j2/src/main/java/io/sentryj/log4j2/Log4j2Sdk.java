package io.sentryj.log4j2;

import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.integration.LogCapture;
import io.sentryj.integration.LogLevel;
import io.sentryj.integration.LogMessages;
import io.sentryj.integration.LogRecordData;
import io.sentryj.integration.Sdk;
import io.sentryj.integration.SharedSdk;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Everything the appender asks of the SDK, in one place: reads a Log4j event into the SDK's record
 * and hands it to the mapping every logging integration shares. Thread-safe.
 */
final class Log4j2Sdk {
  /** The mechanism type of logged throwables and the origin of logs (trace-origin style). */
  static final String ORIGIN = "auto.log.log4j2";

  /** The hint entry holding the {@link LogEvent} an event or breadcrumb was made from. */
  static final String HINT_LOG_EVENT = "log4j2:event";

  /** For tests: the transport of an SDK an appender starts. */
  static volatile @Nullable Function<SentryOptions, Transport> transportFactoryForTests;

  private final LogCapture capture;
  private final SharedSdk share = new SharedSdk();

  Log4j2Sdk(Set<String> contextTags, Level event, Level breadcrumb, Level log) {
    this.capture =
        LogCapture.builder(ORIGIN)
            .hintKey(HINT_LOG_EVENT)
            .contextTags(contextTags)
            .minimumEventLevel(level(event))
            .minimumBreadcrumbLevel(level(breadcrumb))
            .minimumLogLevel(level(log))
            .build();
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
  @Nullable String bind(@Nullable String dsn, Map<String, String> options, String appender) {
    String origin = "log4j2 appender " + appender;
    return share
        .bind(dsn, options, origin, transportFactoryForTests)
        .warning("appender [" + appender + "]");
  }

  /** Whether an event of this level becomes anything. */
  boolean wants(Level level) {
    return capture.wants(level(level));
  }

  /** Whether the record, logged now on this thread, is the SDK's own. */
  static boolean isSdkRecord(@Nullable String loggerName) {
    return LogCapture.isSdkRecord(loggerName);
  }

  /** Sends the event on, as its level asks. */
  void record(LogEvent event) {
    Sdk sdk = Sdk.current();
    if (sdk != null) {
      capture.record(sdk, data(event));
    }
  }

  void flush(long timeoutMillis) {
    Sdk sdk = Sdk.current();
    if (sdk != null) {
      sdk.flush(timeoutMillis);
    }
  }

  /** Lets go of an SDK the appenders started, closing it if no other appender uses it. */
  void release() {
    share.release();
  }

  private static LogLevel level(Level level) {
    return LogLevel.fromLog4j(level.intLevel());
  }

  /**
   * What the mapping reads. The message's parameters come without the throwable Log4j keeps as the
   * last one; the caller's stack is this thread's, and used only when the event is made on the
   * logging thread (not behind an async appender or logger).
   */
  static LogRecordData data(LogEvent event) {
    Message message = event.getMessage();
    Throwable thrown = event.getThrown();
    Marker marker = event.getMarker();
    return LogRecordData.builder(level(event.getLevel()), event.getTimeMillis())
        .loggerName(event.getLoggerName())
        .message(
            message == null ? null : message.getFormat(),
            message == null ? null : message.getFormattedMessage(),
            message == null ? null : LogMessages.parameters(message.getParameters(), thrown))
        .threadName(event.getThreadName())
        .mdc(event.getContextData().toMap())
        .markers(marker == null ? null : marker.getName())
        .throwable(thrown)
        .callerData(LogMessages::callerData)
        .source(event)
        .build();
  }

  @Override
  public String toString() {
    return "Log4j2Sdk{" + capture + '}';
  }
}
