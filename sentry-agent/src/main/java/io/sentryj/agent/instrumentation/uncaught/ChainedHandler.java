package io.sentryj.agent.instrumentation.uncaught;

import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/** The default handler the agent installs: captures, then calls the application's handler. */
final class ChainedHandler implements Thread.UncaughtExceptionHandler {
  private final UncaughtCapture capture;
  private final Thread.@Nullable UncaughtExceptionHandler next;

  ChainedHandler(UncaughtCapture capture, Thread.@Nullable UncaughtExceptionHandler next) {
    this.capture = capture;
    this.next = next;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable throwable) {
    try {
      capture.onUncaught(thread, throwable);
    } catch (Throwable t) {
      // capture reports its own failures; the application's handler must still run
    }
    Thread.UncaughtExceptionHandler n = next;
    if (n != null) {
      n.uncaughtException(thread, throwable);
    } else {
      printLikeTheJvm(thread, throwable);
    }
  }

  /** What {@code ThreadGroup.uncaughtException} prints when there is no default handler. */
  static void printLikeTheJvm(Thread thread, Throwable throwable) {
    if (!throwable.getClass().getName().equals("java.lang.ThreadDeath")) {
      PrintStream err = System.err;
      err.print("Exception in thread \"" + thread.getName() + "\" ");
      throwable.printStackTrace(err);
    }
  }

  @Override
  public String toString() {
    return "ChainedHandler{next=" + next + '}';
  }
}
