package io.sentryj.agent.instrumentation.logging;

import org.jspecify.annotations.Nullable;

/**
 * Reads one logging library's records into a {@link LogSink}, on the logging thread. The readers of
 * Logback, Log4j and JBoss LogManager are compiled against their library and linked against the
 * application's copy of it ({@link Readers}); the {@code java.util.logging} one is plain.
 */
public interface RecordReader {
  /**
   * Reads {@code record}, logged through {@code source} (the logger, or Log4j's logger
   * configuration predicate), and hands it to {@code sink} if the sink wants its level.
   */
  void read(@Nullable Object source, Object record, LogSink sink);

  /**
   * Reads what a Log4j async logger is given before it builds a record (its level, marker, message
   * and throwable); other libraries have nothing of the kind.
   */
  default void readMessage(
      Object logger,
      Object level,
      @Nullable Object marker,
      Object message,
      @Nullable Throwable thrown,
      LogSink sink) {}
}
