package io.sentryj.agent.instrumentation.logging;

import io.sentryj.agent.bootstrap.LogBridge;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code java.util.logging.Logger.log(LogRecord)}, where every logging method of a
 * logger ends, once per record (the handlers of the parents are called from it, not through it).
 * Its own level check comes first in the method, so it is repeated here; a logger's {@code Filter}
 * is not consulted (it may count what it sees).
 */
final class JulAdvice {
  private JulAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Logger logger, @Advice.Argument(0) LogRecord record) {
    if (!LogBridge.enter() || record == null) {
      return;
    }
    Level level = record.getLevel();
    if (level == null
        || !LogBridge.wants(LogBridge.JUL, level.intValue())
        || !logger.isLoggable(level)) {
      return;
    }
    LogBridge.record(
        LogBridge.JUL,
        level.intValue(),
        record.getLoggerName(),
        null,
        record.getMessage(),
        record.getParameters(),
        Thread.currentThread().getName(),
        record.getMillis(),
        null,
        null,
        record.getThrown());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    LogBridge.exit();
  }
}
