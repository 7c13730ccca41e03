package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import net.bytebuddy.asm.Advice;

/** Inlined at the end of {@code okhttp3.OkHttpClient.Builder}'s constructors. */
final class OkHttpBuilderAdvice {
  private OkHttpBuilderAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object builder) {
    HttpBridge.okHttpBuilder(builder);
  }
}
