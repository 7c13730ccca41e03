package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into {@code Thread.run()} and {@code VirtualThread.run(Runnable)}: the thread's target
 * runs in the scopes noted when the thread was made, and what it throws is captured while they are
 * current.
 */
final class ThreadRunAdvice {
  private ThreadRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(@Advice.This Object thread) {
    return SentryBridge.enterThread(thread);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object entered, @Advice.Thrown @Nullable Throwable thrown) {
    if (entered != null) {
      SentryBridge.exit(entered, thrown);
    }
  }
}
