package io.sentryj.internal.logging;

import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.pipeline.SentryClient;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every logging integration decides the same way, whichever library the record comes from and
 * whether the agent or a logging module reads it: which records are the SDK's own, how a {@code
 * java.util.logging} message is formatted, which parameters are the message's, and where the
 * caller's stack starts.
 */
public final class LogRecords {
  // built at run time: as constants, the agent's shading would rename them with the SDK's classes
  private static final String SDK_LOGGERS = String.join(".", "io", "sentryj", "");
  private static final String SDK_THREAD_PREFIX = "sentryj-";
  private static final List<String> LOGGING_PACKAGES =
      Collections.unmodifiableList(
          Arrays.asList(
              "ch.qos.logback.",
              String.join(".", "org", "slf4j", ""),
              "org.apache.logging.",
              "org.apache.commons.logging.",
              "org.jboss.logging.",
              "org.jboss.logmanager.",
              "java.util.logging.",
              "sun.util.logging."));

  private LogRecords() {}

  /**
   * Whether a record is the SDK's own and must not be captured: logged by a logger under {@code
   * io.sentryj} (the SDK, an application's own sentryj beside the agent's, the agent's relocated
   * libraries), on one of the SDK's threads, or while the SDK prints a diagnostic or captures.
   */
  public static boolean isSdkOwn(@Nullable String loggerName) {
    return Diagnostics.isPrinting()
        || SentryClient.isCapturing()
        || (loggerName != null && loggerName.startsWith(SDK_LOGGERS))
        || Thread.currentThread().getName().startsWith(SDK_THREAD_PREFIX);
  }

  /**
   * A {@code java.util.logging} message as its {@code Formatter.formatMessage} would write it:
   * {@code MessageFormat} only when there are parameters and the text has a placeholder.
   */
  public static @Nullable String formatJul(
      @Nullable String template, @Nullable Object @Nullable [] params) {
    if (template == null
        || params == null
        || params.length == 0
        || (!template.contains("{0") && !template.contains("{1"))) {
      return template;
    }
    try {
      return MessageFormat.format(template, params);
    } catch (IllegalArgumentException e) {
      return template;
    }
  }

  /**
   * The message's parameters: without a last one that is the record's throwable, which Log4j keeps
   * among a message's parameters ({@code log.error("order {} failed", id, e)}) and Logback does
   * not.
   */
  public static @Nullable Object @Nullable [] parameters(
      @Nullable Object @Nullable [] params, @Nullable Throwable thrown) {
    if (params == null || thrown == null || params.length == 0) {
      return params;
    }
    return params[params.length - 1] == thrown ? Arrays.copyOf(params, params.length - 1) : params;
  }

  /** The stack of a log call: this thread's stack below the last logging library's frame. */
  public static StackTraceElement[] callerData() {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    int last = -1;
    for (int i = 0; i < stack.length; i++) {
      String name = stack[i].getClassName();
      for (String prefix : LOGGING_PACKAGES) {
        if (name.startsWith(prefix)) {
          last = i;
          break;
        }
      }
    }
    return Arrays.copyOfRange(stack, last + 1, stack.length);
  }
}
