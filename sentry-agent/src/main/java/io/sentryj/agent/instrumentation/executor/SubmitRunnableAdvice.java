package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code submit(Runnable...)}: the future's task carries the caller's scopes. */
final class SubmitRunnableAdvice {
  private SubmitRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    task = SentryBridge.carry(task, false);
  }
}
