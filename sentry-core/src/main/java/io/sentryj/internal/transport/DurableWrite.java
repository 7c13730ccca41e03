package io.sentryj.internal.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks the current thread as one whose envelopes must be stored before {@code send} returns: the
 * thread an uncaught exception is ending, since the process may die right after. Only then does a
 * transport's {@code send} wait (a bounded time) on the caller's thread; the worker still does the
 * writing, so that nothing of the SDK is left in the caller's thread.
 *
 * <pre>{@code
 * DurableWrite.run(() -> client.captureException(...));
 * }</pre>
 *
 * <p>A set of threads rather than a thread-local: an application's threads keep no entry of the
 * SDK's once the task is done, so an undeployed web application's class loader is not pinned.
 */
public final class DurableWrite {
  private static final Set<Thread> ACTIVE = ConcurrentHashMap.newKeySet();

  private DurableWrite() {}

  /** Runs {@code task} with durable writes on for this thread. */
  public static void run(Runnable task) {
    Thread current = Thread.currentThread();
    boolean added = ACTIVE.add(current);
    try {
      task.run();
    } finally {
      if (added) {
        ACTIVE.remove(current);
      }
    }
  }

  /** Whether the current thread asked for durable writes. */
  static boolean isActive() {
    return !ACTIVE.isEmpty() && ACTIVE.contains(Thread.currentThread());
  }
}
