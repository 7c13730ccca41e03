package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.bootstrap.SentryBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into the constructors of {@code Thread} and {@code VirtualThread} that take a {@code
 * Runnable}: the new thread's target carries the constructing thread's scopes. Constructors that
 * delegate to one another wrap once: a carried task is recognised.
 */
final class ThreadConstructorAdvice {
  private ThreadConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static void enter(
      @Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] arguments) {
    arguments = SentryBridge.carryRunnables(arguments);
  }
}
