package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of the constructors of {@code Thread} and {@code VirtualThread} that take a
 * {@code Runnable}: the agent notes the constructing thread's scopes for the new thread, which
 * {@link ThreadRunAdvice} makes current when it runs. The target is left as it is, so that no frame
 * of the agent's appears in the thread's stack.
 */
final class ThreadConstructorAdvice {
  private ThreadConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object thread, @Advice.AllArguments Object[] arguments) {
    SentryBridge.threadCreated(thread, arguments);
  }
}
