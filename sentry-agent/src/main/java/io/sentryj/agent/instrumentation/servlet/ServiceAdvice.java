package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.agent.bootstrap.ServletBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into {@code HttpServlet.service(ServletRequest, ServletResponse)} of both servlet APIs:
 * the request runs in its scope, and what escapes the servlet is captured before it goes on.
 */
final class ServiceAdvice {
  private ServiceAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(
      @Advice.Argument(0) @Nullable Object request, @Advice.Argument(1) @Nullable Object response) {
    return ServletBridge.enter(request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object entered, @Advice.Thrown @Nullable Throwable thrown) {
    if (entered != null) {
      ServletBridge.exit(entered, thrown);
    }
  }
}
