package io.sentryj.internal.integration;

import io.sentryj.Hint;
import io.sentryj.SentryLevel;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.transport.DurableWrite;
import java.io.PrintStream;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Captures exceptions that end a thread, as {@code fatal} and {@code handled: false}, writes the
 * event to the outbox on the dying thread, waits a bounded time for it to be delivered, then hands
 * the exception to the handler that was installed before (or prints it as the JVM would).
 */
public final class UncaughtExceptionHandlerIntegration implements Thread.UncaughtExceptionHandler {
  /** The mechanism type of events from this handler. */
  public static final String MECHANISM = "UncaughtExceptionHandler";

  private final SentryClient client;
  private final LongPredicate flush;
  private final Thread.@Nullable UncaughtExceptionHandler previous;

  private UncaughtExceptionHandlerIntegration(
      SentryClient client,
      LongPredicate flush,
      Thread.@Nullable UncaughtExceptionHandler previous) {
    this.client = client;
    this.flush = flush;
    this.previous = previous;
  }

  /**
   * Installs a handler in front of the current default handler and returns it; {@code flush} is the
   * running SDK's, called with {@code flush-timeout-millis} after each capture.
   */
  public static UncaughtExceptionHandlerIntegration install(
      SentryClient client, LongPredicate flush) {
    Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
    // never chain to a handler of ours from an earlier init: that one's client is closed
    Thread.UncaughtExceptionHandler previous =
        current instanceof UncaughtExceptionHandlerIntegration
            ? ((UncaughtExceptionHandlerIntegration) current).previous
            : current;
    UncaughtExceptionHandlerIntegration handler =
        new UncaughtExceptionHandlerIntegration(client, flush, previous);
    Thread.setDefaultUncaughtExceptionHandler(handler);
    return handler;
  }

  /**
   * A handler that captures for the same client, then hands over to {@code next} instead: for an
   * agent that keeps capturing in front of a handler the application installs later.
   */
  public UncaughtExceptionHandlerIntegration inFrontOf(
      Thread.@Nullable UncaughtExceptionHandler next) {
    return new UncaughtExceptionHandlerIntegration(client, flush, next);
  }

  /** Puts back the previous handler, if this one is still installed. */
  public void uninstall() {
    if (Thread.getDefaultUncaughtExceptionHandler() == this) {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  @Override
  public void uncaughtException(Thread thread, Throwable throwable) {
    try {
      if (!client.isClosed()) {
        // the process may die right after this handler: the event goes to disk on this thread
        DurableWrite.run(
            () ->
                client.captureException(
                    throwable, Hint.withThrowable(throwable), MECHANISM, false, SentryLevel.FATAL));
        if (!flush.test(client.options().flushTimeoutMillis())) {
          Diagnostics.debug("not everything was delivered before the uncaught exception went on");
        }
      }
    } catch (Throwable t) {
      Diagnostics.error("capturing an uncaught exception failed", t);
    }
    Thread.UncaughtExceptionHandler next = previous;
    if (next != null) {
      next.uncaughtException(thread, throwable);
    } else if (!(throwable instanceof ThreadDeath)) {
      // what ThreadGroup.uncaughtException prints when there is no default handler
      PrintStream err = System.err;
      err.print("Exception in thread \"" + thread.getName() + "\" ");
      throwable.printStackTrace(err);
    }
  }

  @Override
  public String toString() {
    return "UncaughtExceptionHandlerIntegration{previous=" + previous + '}';
  }
}
