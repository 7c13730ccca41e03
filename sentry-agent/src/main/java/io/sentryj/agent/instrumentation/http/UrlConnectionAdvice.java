package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into {@code connect()} and {@code getOutputStream()} of the JDK's {@code
 * HttpURLConnection}: the first of them, before the connection is made, adds the trace headers and
 * starts the exchange. A failure here ends it.
 */
final class UrlConnectionAdvice {
  private UrlConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(
      @Advice.This Object connection, @Advice.FieldValue("connected") boolean connected) {
    return HttpBridge.urlConnectionBefore(connection, connected);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object state, @Advice.Thrown @Nullable Throwable thrown) {
    HttpBridge.urlConnectionAfter(state, thrown, false);
  }
}
