package io.sentryj.agent.instrumentation.logging;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code java.util.logging} records, at {@code Logger.log(LogRecord)} (where every logging
 * method of a logger ends, once per record) or at a subclass's own {@code log(LogRecord)}. The
 * logger's level check comes first there, so it is repeated here; a logger's {@code Filter} is not
 * consulted (it may count what it sees).
 */
final class JulReader implements RecordReader {
  @Override
  public void read(@Nullable Object source, Object record, LogSink sink) {
    if (!(source instanceof Logger) || !(record instanceof LogRecord)) {
      return;
    }
    LogRecord r = (LogRecord) record;
    Level level = r.getLevel();
    if (level == null
        || !sink.wants(LogSink.JUL, level.intValue())
        || !((Logger) source).isLoggable(level)) {
      return;
    }
    sink.record(
        LogSink.JUL,
        level.intValue(),
        r.getLoggerName(),
        null,
        r.getMessage(),
        r.getParameters(),
        Thread.currentThread().getName(),
        r.getMillis(),
        null,
        null,
        r.getThrown());
  }

  @Override
  public String toString() {
    return "JulReader";
  }
}
