package io.sentryj.integration;

import io.sentryj.internal.logging.LogRecords;
import org.jspecify.annotations.Nullable;

/**
 * What a logging integration reads of a record the same way whichever library made it, so that the
 * agent and the logging modules agree: how a {@code java.util.logging} message is formatted, which
 * parameters are the message's, and where the stack of a log call starts.
 */
public final class LogMessages {
  private LogMessages() {}

  /**
   * A {@code java.util.logging} message as its {@code Formatter.formatMessage} would write it:
   * {@code MessageFormat} only when there are parameters and the text has a placeholder.
   */
  public static @Nullable String formatJul(
      @Nullable String template, @Nullable Object @Nullable [] params) {
    return LogRecords.formatJul(template, params);
  }

  /**
   * The message's parameters: without a last one that is the record's throwable, which Log4j keeps
   * among a message's parameters ({@code log.error("order {} failed", id, e)}).
   */
  public static @Nullable Object @Nullable [] parameters(
      @Nullable Object @Nullable [] params, @Nullable Throwable thrown) {
    return LogRecords.parameters(params, thrown);
  }

  /** The stack of a log call: this thread's stack below the last logging library's frame. */
  public static StackTraceElement[] callerData() {
    return LogRecords.callerData();
  }
}
