package io.sentryj.agent.instrumentation.uncaught;

import io.sentryj.internal.integration.UncaughtExceptionHandlerIntegration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the SDK's uncaught-exception capture in front of whatever default handler the application
 * installs, at start-up or later, and lets a task capture what it throws while its own scopes are
 * still current (see {@link #captureThrown}).
 *
 * <p>Captures through the core's {@link UncaughtExceptionHandlerIntegration} (fatal, {@code
 * handled: false}, flushed), handing over to nothing; the agent's {@link ChainedHandler} then calls
 * the application's handler, or prints the exception as the JVM would.
 */
public final class UncaughtCapture {
  private final UncaughtExceptionHandlerIntegration captureOnly;
  // throwables captured already, so that the default handler does not capture them twice
  private final Map<Throwable, Boolean> captured =
      Collections.synchronizedMap(new WeakHashMap<Throwable, Boolean>());

  private UncaughtCapture(UncaughtExceptionHandlerIntegration core) {
    this.captureOnly = core.inFrontOf(UncaughtCapture::handOverToNothing);
  }

  /**
   * Takes over from the handler {@code Sentry.init} installed: the agent's goes in its place, in
   * front of {@code previous}, the default handler from before {@code init}. Returns null when the
   * SDK installed none (the option {@code enable-uncaught-exception-handler} is off).
   */
  public static @Nullable UncaughtCapture takeOver(
      Thread.@Nullable UncaughtExceptionHandler previous) {
    Thread.UncaughtExceptionHandler installed = Thread.getDefaultUncaughtExceptionHandler();
    if (!(installed instanceof UncaughtExceptionHandlerIntegration)) {
      return null;
    }
    UncaughtCapture capture = new UncaughtCapture((UncaughtExceptionHandlerIntegration) installed);
    Thread.setDefaultUncaughtExceptionHandler(capture.inFrontOf(previous));
    return capture;
  }

  /** The handler to install when the application asks for {@code requested}. */
  public Thread.UncaughtExceptionHandler inFrontOf(
      Thread.@Nullable UncaughtExceptionHandler requested) {
    if (requested instanceof ChainedHandler
        || requested instanceof UncaughtExceptionHandlerIntegration) {
      return requested; // ours already, or the SDK's own (re)installing itself
    }
    return new ChainedHandler(this, requested);
  }

  /**
   * Captures a failure with which the application ends without leaving it uncaught (a Dropwizard
   * command's fatal error, before its {@code System.exit(1)}): as an uncaught exception is, fatal,
   * {@code handled: false}, and flushed before the exit.
   */
  public void captureFatal(Throwable failure) {
    if (captured.put(failure, Boolean.TRUE) == null) {
      captureOnly.uncaughtException(Thread.currentThread(), failure);
    }
  }

  /**
   * Captures {@code throwable}, about to leave a task at the top of the current thread, if the
   * thread's default handler will receive it: now, while the task's scopes are current, rather than
   * in the handler, which runs after the task's scopes were closed.
   */
  public void captureThrown(Throwable throwable) {
    Thread thread = Thread.currentThread();
    Thread.UncaughtExceptionHandler own = thread.getUncaughtExceptionHandler();
    boolean toDefault = own != null && own.getClass() == ThreadGroup.class;
    if (toDefault
        && Thread.getDefaultUncaughtExceptionHandler() instanceof ChainedHandler
        && captured.put(throwable, Boolean.TRUE) == null) {
      captureOnly.uncaughtException(thread, throwable);
    }
  }

  private static void handOverToNothing(Thread thread, Throwable throwable) {
    // the agent's ChainedHandler calls the application's handler itself
  }

  void onUncaught(Thread thread, Throwable throwable) {
    if (captured.remove(throwable) == null) {
      captureOnly.uncaughtException(thread, throwable);
    }
  }

  @Override
  public String toString() {
    return "UncaughtCapture{" + captureOnly + '}';
  }
}
