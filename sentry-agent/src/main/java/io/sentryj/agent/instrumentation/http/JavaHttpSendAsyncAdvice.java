package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into {@code sendAsync} of the JDK's {@code HttpClient}: the exchange ends when its future
 * does.
 */
final class JavaHttpSendAsyncAdvice {
  private JavaHttpSendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"UnusedVariable", "ParameterAssignment"})
  static @Nullable Object enter(
      @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
          Object request) {
    Object state = HttpBridge.javaHttpBefore(request);
    request = HttpBridge.javaHttpRequest(state, request);
    return state;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object state,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) @Nullable Object response,
      @Advice.Thrown @Nullable Throwable thrown) {
    HttpBridge.javaHttpAfter(state, response, thrown, true);
  }
}
