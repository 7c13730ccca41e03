package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into {@code ForkJoinTask.doExec()}, where every fork/join task runs, on a pool's worker
 * or on a thread that joins it: the task runs in the scopes it was forked with. What it throws it
 * keeps (it completes exceptionally), so nothing is captured here.
 */
final class RunForkJoinTaskAdvice {
  private RunForkJoinTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(@Advice.This Object task) {
    return SentryBridge.enterTask(task);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter @Nullable Object entered) {
    if (entered != null) {
      SentryBridge.exit(entered, null);
    }
  }
}
