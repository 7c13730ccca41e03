package io.sentryj.integration;

import io.sentryj.internal.integration.UncaughtExceptionHandlerIntegration;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's default uncaught-exception handler ({@code enable-uncaught-exception-handler}), for an
 * agent that keeps capturing in front of a handler the application installs later.
 */
public final class UncaughtExceptions {
  private UncaughtExceptions() {}

  /** Whether the handler is the SDK's own. */
  public static boolean isSdkHandler(Thread.@Nullable UncaughtExceptionHandler handler) {
    return handler instanceof UncaughtExceptionHandlerIntegration;
  }

  /**
   * A handler that captures as {@code sdkHandler} does (fatal, {@code handled: false}, flushed),
   * then hands over to {@code next}, or prints the exception as the JVM would when it is null; or
   * null when {@code sdkHandler} is not the SDK's.
   */
  public static Thread.@Nullable UncaughtExceptionHandler inFrontOf(
      Thread.@Nullable UncaughtExceptionHandler sdkHandler,
      Thread.@Nullable UncaughtExceptionHandler next) {
    return sdkHandler instanceof UncaughtExceptionHandlerIntegration
        ? ((UncaughtExceptionHandlerIntegration) sdkHandler).inFrontOf(next)
        : null;
  }
}
