package io.sentryj.agent.instrumentation.logging.typed.log4j;

import io.sentryj.agent.instrumentation.logging.LogSink;
import io.sentryj.agent.instrumentation.logging.RecordReader;
import io.sentryj.internal.logging.LogRecords;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads Log4j 2 records on the thread that logs them, wherever log4j-core handles them:
 *
 * <ul>
 *   <li>{@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)}, and an {@code
 *       AsyncLoggerConfig}'s own (which hands the event to its background thread without calling
 *       the other): the logger configuration of the call runs first, its parents are nested; the
 *       run an async configuration makes on its background thread ({@code ASYNCHRONOUS_ONLY}) is
 *       skipped, the record having been read on the logging thread;
 *   <li>{@code AsyncLogger.logMessage} and {@code log} (all loggers asynchronous, or {@code
 *       <AsyncLogger>}), before the record goes to the ring buffer: the ring buffer's thread, which
 *       handles it after, is suppressed.
 * </ul>
 *
 * <p>The message's parameters are those of the message only ({@link LogRecords#parameters}).
 */
public final class Log4jReader implements RecordReader {
  private static final String BACKGROUND_RUN = "ASYNCHRONOUS_ONLY";

  /** Made by the agent, once per class loader holding log4j-core. */
  public Log4jReader() {}

  @Override
  public void read(@Nullable Object source, Object record, LogSink sink) {
    if (!(record instanceof LogEvent) || BACKGROUND_RUN.equals(String.valueOf(source))) {
      return;
    }
    LogEvent event = (LogEvent) record;
    int level = event.getLevel().intLevel();
    if (!sink.wants(LogSink.LOG4J2, level)) {
      return;
    }
    Message message = event.getMessage();
    ReadOnlyStringMap context = event.getContextData();
    Marker marker = event.getMarker();
    Throwable thrown = event.getThrown();
    sink.record(
        LogSink.LOG4J2,
        level,
        event.getLoggerName(),
        message != null ? message.getFormattedMessage() : null,
        message != null ? message.getFormat() : null,
        message != null ? LogRecords.parameters(message.getParameters(), thrown) : null,
        event.getThreadName(),
        event.getTimeMillis(),
        context != null ? context.toMap() : null,
        marker != null ? marker.getName() : null,
        thrown);
  }

  @Override
  public void readMessage(
      Object logger,
      Object level,
      @Nullable Object marker,
      Object message,
      @Nullable Throwable thrown,
      LogSink sink) {
    if (!(logger instanceof Logger) || !(level instanceof Level) || !(message instanceof Message)) {
      return;
    }
    int intLevel = ((Level) level).intLevel();
    if (!sink.wants(LogSink.LOG4J2, intLevel)) {
      return;
    }
    Message m = (Message) message;
    sink.record(
        LogSink.LOG4J2,
        intLevel,
        ((Logger) logger).getName(),
        m.getFormattedMessage(),
        m.getFormat(),
        LogRecords.parameters(m.getParameters(), thrown),
        Thread.currentThread().getName(),
        System.currentTimeMillis(),
        ThreadContext.getImmutableContext(),
        marker instanceof Marker ? ((Marker) marker).getName() : null,
        thrown);
  }

  @Override
  public String toString() {
    return "Log4jReader";
  }
}
