package io.sentryj.agent.instrumentation.logging.typed.jboss;

import io.sentryj.agent.instrumentation.logging.LogSink;
import io.sentryj.agent.instrumentation.logging.RecordReader;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Reads JBoss LogManager records (Quarkus, WildFly; {@code java.util.logging} when JBoss LogManager
 * is its {@code LogManager}) at {@code Logger.logRaw(ExtLogRecord)}, where its {@code
 * log(LogRecord)} and JBoss Logging's calls end, once per record. The logger's level check is
 * repeated here, and the record's text is formatted as JBoss formats it ({@code MessageFormat} or
 * {@code printf}).
 */
public final class JBossReader implements RecordReader {
  /** Made by the agent, once per class loader holding JBoss LogManager. */
  public JBossReader() {}

  @Override
  public void read(@Nullable Object source, Object record, LogSink sink) {
    if (!(source instanceof Logger) || !(record instanceof ExtLogRecord)) {
      return;
    }
    Logger logger = (Logger) source;
    ExtLogRecord r = (ExtLogRecord) record;
    Level level = r.getLevel();
    if (level == null
        || !sink.wants(LogSink.JBOSS, level.intValue())
        || !logger.isLoggable(level)) {
      return;
    }
    sink.record(
        LogSink.JBOSS,
        level.intValue(),
        logger.getName(),
        r.getFormattedMessage(),
        r.getMessage(),
        r.getParameters(),
        r.getThreadName(),
        r.getMillis(),
        r.getMdcCopy(),
        null,
        r.getThrown());
  }

  @Override
  public String toString() {
    return "JBossReader";
  }
}
