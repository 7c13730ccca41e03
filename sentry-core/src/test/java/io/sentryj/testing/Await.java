package io.sentryj.testing;

import java.util.function.BooleanSupplier;

/** Waiting for what another thread or process does: polling with a deadline, never a bare sleep. */
public final class Await {
  private static final long POLL_MILLIS = 10;

  private Await() {}

  /** Polls until the condition holds; an AssertionError naming {@code what} after the timeout. */
  public static void until(String what, long timeoutMillis, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS); // the interval of a deadline-bound poll
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
