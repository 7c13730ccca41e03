package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RunnableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code execute(Runnable)} of thread pools: the task carries the caller's scopes. A
 * {@link RunnableFuture} is left as it is (it came from {@code submit}, whose advice carried its
 * inner task already, and executors' {@code afterExecute} often casts it back); a {@link
 * ForkJoinTask} given to a {@link ForkJoinPool} ({@code CompletableFuture}'s steps) is noted rather
 * than wrapped, since the pool runs it through {@code ForkJoinTask.doExec}.
 */
final class ExecuteAdvice {
  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static void enter(
      @Advice.This Object pool, @Advice.Argument(value = 0, readOnly = false) Runnable task) {
    if (task instanceof ForkJoinTask && pool instanceof ForkJoinPool) {
      SentryBridge.forked(task);
    } else if (!(task instanceof RunnableFuture)) {
      task = SentryBridge.carry(task, true);
    }
  }
}
