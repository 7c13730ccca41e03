package io.sentryj.internal.transport;

/**
 * Marks the current thread as one whose envelopes must reach the disk before {@code send} returns:
 * the thread an uncaught exception is ending, since the process may die right after. Only then does
 * a transport do I/O on the caller's thread.
 *
 * <pre>{@code
 * DurableWrite.run(() -> client.captureException(...));
 * }</pre>
 */
public final class DurableWrite {
  private static final ThreadLocal<boolean[]> ACTIVE =
      ThreadLocal.withInitial(() -> new boolean[1]);

  private DurableWrite() {}

  /** Runs {@code task} with durable writes on for this thread. */
  public static void run(Runnable task) {
    boolean[] active = ACTIVE.get();
    boolean was = active[0];
    active[0] = true;
    try {
      task.run();
    } finally {
      active[0] = was;
    }
  }

  /** Whether the current thread asked for durable writes. */
  static boolean isActive() {
    return ACTIVE.get()[0];
  }
}
