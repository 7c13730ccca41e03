package io.sentryj.agent.instrumentation.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.sentryj.agent.bootstrap.LogBridge;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Logback's {@code Logger.callAppenders(ILoggingEvent)}, which runs once per record
 * that passed the logger's level and turbo filters, before any appender. Uses no SLF4J type: the
 * agent's shading would rename it.
 */
final class LogbackAdvice {
  private LogbackAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Logger logger, @Advice.Argument(0) ILoggingEvent event) {
    if (!LogBridge.enter() || event == null) {
      return;
    }
    int level = event.getLevel().toInt();
    if (!LogBridge.wants(LogBridge.LOGBACK, level)) {
      return;
    }
    // io.sentryj.logback.SentryAppender counts itself here: its context is left to it
    Object appenders = logger.getLoggerContext().getObject("sentryj.logback.started-appenders");
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
    LogBridge.record(
        LogBridge.LOGBACK,
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

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    LogBridge.exit();
  }
}
