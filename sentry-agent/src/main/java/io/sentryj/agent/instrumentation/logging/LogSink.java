package io.sentryj.agent.instrumentation.logging;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the readers of each logging library hand a record, as plain JDK-typed data copied out of it
 * on the logging thread: the SDK's capture once it runs ({@link LoggingCapture}), before that
 * {@link EarlyLogs}.
 */
public interface LogSink {
  /** Library numbers, the first argument of {@link #wants} and {@link #record}. */
  int LOGBACK = 0;

  int LOG4J2 = 1;
  int JUL = 2;
  int JBOSS = 3;

  /** Whether a record of this library's level would become an event, breadcrumb or log. */
  boolean wants(int library, int level);

  /**
   * Takes one record. {@code markers} is a marker, a list of them, or null; {@code formatted} is
   * null when the sink formats the message itself ({@code java.util.logging}).
   */
  void record(
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
      @Nullable Throwable thrown);
}
