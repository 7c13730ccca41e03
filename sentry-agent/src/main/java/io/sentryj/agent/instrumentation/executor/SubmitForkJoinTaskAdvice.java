package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ForkJoinPool}'s {@code execute}, {@code submit} and {@code invoke} of a
 * {@code ForkJoinTask}: the task will run in the caller's scopes, unwrapped.
 */
final class SubmitForkJoinTaskAdvice {
  private SubmitForkJoinTaskAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object task) {
    SentryBridge.forked(task);
  }
}
