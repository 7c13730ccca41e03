package io.sentryj.agent.instrumentation.uncaught;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Thread.setDefaultUncaughtExceptionHandler}: puts ours in front. */
final class SetDefaultHandlerAdvice {
  private SetDefaultHandlerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static void enter(
      @Advice.Argument(value = 0, readOnly = false) Thread.UncaughtExceptionHandler handler) {
    handler = SentryBridge.defaultHandler(handler);
  }
}
