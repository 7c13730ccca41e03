package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import net.bytebuddy.asm.Advice;
import org.jspecify.annotations.Nullable;

/**
 * Inlined into {@code getInputStream()} of the JDK's {@code HttpURLConnection} (which {@code
 * getResponseCode()} calls too): after it the response is known, and the exchange ends.
 */
final class UrlConnectionReadAdvice {
  private UrlConnectionReadAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static @Nullable Object enter(
      @Advice.This Object connection, @Advice.FieldValue("connected") boolean connected) {
    return HttpBridge.urlConnectionBefore(connection, connected);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter @Nullable Object state, @Advice.Thrown @Nullable Throwable thrown) {
    HttpBridge.urlConnectionAfter(state, thrown, true);
  }
}
