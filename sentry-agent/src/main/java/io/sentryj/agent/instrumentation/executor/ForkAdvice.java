package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ForkJoinTask.fork()}: the task will run in the forking thread's scopes (a
 * parallel stream's parts, a recursive task's halves).
 */
final class ForkAdvice {
  private ForkAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object task) {
    SentryBridge.forked(task);
  }
}
