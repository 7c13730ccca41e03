package io.sentryj.agent.instrumentation.logging.typed.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.sentryj.agent.instrumentation.logging.LogSink;
import io.sentryj.agent.instrumentation.logging.RecordReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Reads Logback records at {@code Logger.callAppenders(ILoggingEvent)}, which runs once per record
 * that passed the logger's level and turbo filters, before any appender (an {@code AsyncAppender}'s
 * included). Uses no SLF4J type: the agent's shading would rename it. Linked against the
 * application's Logback (1.3 and later: the marker list).
 */
public final class LogbackReader implements RecordReader {
  // io.sentryj.logback.SentryAppender counts its started appenders in the logger context
  private static final String STARTED_APPENDERS = "sentryj.logback.started-appenders";

  /** Made by the agent, once per class loader holding Logback. */
  public LogbackReader() {}

  @Override
  public void read(@Nullable Object source, Object record, LogSink sink) {
    if (!(source instanceof Logger) || !(record instanceof ILoggingEvent)) {
      return;
    }
    ILoggingEvent event = (ILoggingEvent) record;
    int level = event.getLevel().toInt();
    if (!sink.wants(LogSink.LOGBACK, level)) {
      return;
    }
    // a context in which sentryj's own appender runs is left to it
    Object appenders = ((Logger) source).getLoggerContext().getObject(STARTED_APPENDERS);
    if (appenders instanceof AtomicInteger && ((AtomicInteger) appenders).get() > 0) {
      return;
    }
    Map<String, String> mdc = null;
    try {
      mdc = event.getMDCPropertyMap();
    } catch (RuntimeException noMdcAdapter) {
      // Logback 1.3+ without an MDC adapter: no MDC
    }
    List<?> markers = event.getMarkerList();
    IThrowableProxy proxy = event.getThrowableProxy();
    sink.record(
        LogSink.LOGBACK,
        level,
        event.getLoggerName(),
        event.getFormattedMessage(),
        event.getMessage(),
        event.getArgumentArray(),
        event.getThreadName(),
        event.getTimeStamp(),
        mdc,
        markers,
        proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null);
  }

  @Override
  public String toString() {
    return "LogbackReader";
  }
}
