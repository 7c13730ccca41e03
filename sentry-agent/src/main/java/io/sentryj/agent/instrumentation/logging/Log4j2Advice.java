package io.sentryj.agent.instrumentation.logging;

import io.sentryj.agent.bootstrap.LogBridge;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * Inlined into Log4j 2's {@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)}. The logger
 * configuration of the logging call runs it first; its parents' runs are nested and skipped by the
 * bridge. The second run an {@code AsyncLoggerConfig} makes on its background thread ({@code
 * ASYNCHRONOUS_ONLY}) is skipped here, the record having been seen on the logging thread.
 */
final class Log4j2Advice {
  private Log4j2Advice() {}

  // getFormat is deprecated in Log4j 2.x's Message, and still the only way to its pattern
  @SuppressWarnings("deprecation")
  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) LogEvent event, @Advice.Argument(1) Object predicate) {
    if (!LogBridge.enter()
        || event == null
        || "ASYNCHRONOUS_ONLY".equals(String.valueOf(predicate))) {
      return;
    }
    int level = event.getLevel().intLevel();
    if (!LogBridge.wants(LogBridge.LOG4J2, level)) {
      return;
    }
    Message message = event.getMessage();
    ReadOnlyStringMap context = event.getContextData();
    Marker marker = event.getMarker();
    LogBridge.record(
        LogBridge.LOG4J2,
        level,
        event.getLoggerName(),
        message != null ? message.getFormattedMessage() : null,
        message != null ? message.getFormat() : null,
        message != null ? message.getParameters() : null,
        event.getThreadName(),
        event.getTimeMillis(),
        context != null ? context.toMap() : null,
        marker != null ? marker.getName() : null,
        event.getThrown());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    LogBridge.exit();
  }
}
