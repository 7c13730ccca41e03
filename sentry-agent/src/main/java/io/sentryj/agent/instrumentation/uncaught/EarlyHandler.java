package io.sentryj.agent.instrumentation.uncaught;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The default handler from the agent's first instant until the SDK has started in the background:
 * an exception that ends a thread meanwhile (even the first instruction of {@code main}) waits,
 * bounded, for the SDK, then goes to the default handler installed by then, which captures it.
 * Without one (the SDK failed or took too long), it goes to the handler that was set before the
 * agent, or is printed as the JVM would.
 */
public final class EarlyHandler implements Thread.UncaughtExceptionHandler {
  private static final long WAIT_MILLIS = 10_000;

  private final Thread.@Nullable UncaughtExceptionHandler before;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile @Nullable Thread starter;

  private EarlyHandler(Thread.@Nullable UncaughtExceptionHandler before) {
    this.before = before;
  }

  /** Installs one as the default handler, in front of the current one. */
  public static EarlyHandler install() {
    EarlyHandler early = new EarlyHandler(Thread.getDefaultUncaughtExceptionHandler());
    Thread.setDefaultUncaughtExceptionHandler(early);
    return early;
  }

  /**
   * The default handler the application had: the one from before the agent while this one is still
   * the default, else the one the application has set since.
   */
  public Thread.@Nullable UncaughtExceptionHandler applicationHandler() {
    Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
    return current == this ? before : current;
  }

  /**
   * Steps aside (the SDK's options leave uncaught exceptions alone, or there is nowhere to send):
   * the handler from before the agent is the default again, unless the application set another.
   */
  public void uninstall() {
    if (Thread.getDefaultUncaughtExceptionHandler() == this) {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    started();
  }

  /** Marks the thread that starts the SDK, which must never wait for itself. */
  public void startingOn(Thread thread) {
    starter = thread;
  }

  /** The SDK has started, or will not: threads waiting here go on. */
  public void started() {
    started.countDown();
  }

  @Override
  public void uncaughtException(Thread thread, Throwable throwable) {
    if (thread != starter) {
      try {
        started.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Thread.UncaughtExceptionHandler next = Thread.getDefaultUncaughtExceptionHandler();
    if (next == this || next == null) {
      next = before;
    }
    if (next != null) {
      next.uncaughtException(thread, throwable);
    } else {
      ChainedHandler.printLikeTheJvm(thread, throwable);
    }
  }

  @Override
  public String toString() {
    return "EarlyHandler{before=" + before + '}';
  }
}
