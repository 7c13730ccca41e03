package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import java.util.concurrent.RunnableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code execute(Runnable)} of thread pools: the task carries the caller's scopes. A
 * {@link RunnableFuture} is left as it is (it came from {@code submit}, whose advice carried its
 * inner task already, and executors' {@code afterExecute} often casts it back).
 */
final class ExecuteAdvice {
  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
    if (!(task instanceof RunnableFuture)) {
      task = SentryBridge.carry(task, true);
    }
  }
}
