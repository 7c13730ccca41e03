package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.jspecify.annotations.Nullable;

/** Inlined into {@code doExecute(host, request, context)} of Apache HttpClient 4 and 5. */
final class ApacheExecuteAdvice {
  private ApacheExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(
      @Advice.Argument(0) Object host, @Advice.Argument(1) Object request) {
    return HttpBridge.apacheBefore(host, request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object state,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) @Nullable Object response,
      @Advice.Thrown @Nullable Throwable thrown) {
    HttpBridge.apacheAfter(state, response, thrown);
  }
}
