package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code submit(Callable)}: the future's task carries the caller's scopes. */
final class SubmitCallableAdvice {
  private SubmitCallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
    task = SentryBridge.carry(task);
  }
}
