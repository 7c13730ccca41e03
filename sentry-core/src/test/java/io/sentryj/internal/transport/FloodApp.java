package io.sentryj.internal.transport;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.sentryj.DataCategory;
import io.sentryj.Sentry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Run in a forked JVM by {@link MemoryBoundTest}: {@code <dsn> <outbox|-> <threads> <seconds>
 * <message KB>}. Threads capture exceptions with big, distinct messages as fast as they can, while
 * the heap at the end of a full collection, one every 250 ms, is read; then it closes the SDK and
 * prints {@code RESULT captured=<n> dropped=<n> failures=<n> heapAfterGc=<bytes>
 * queueBytes=<bytes>}, and {@code UNCAUGHT <thread> <throwable>} for anything that ended a thread.
 */
public final class FloodApp {
  private FloodApp() {}

  public static void main(String[] args) throws Exception {
    String dsn = args[0];
    String outbox = args[1];
    int threads = Integer.parseInt(args[2]);
    long millis = Long.parseLong(args[3]) * 1000;
    int messageChars = Integer.parseInt(args[4]) * 1024;
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> System.out.println("UNCAUGHT " + t.getName() + " " + e));
    AtomicLong dropped = new AtomicLong();
    Sentry.init(
        o ->
            o.dsn(dsn)
                .outboxDir(outbox.equals("-") ? null : outbox)
                .enableOutbox(!outbox.equals("-"))
                .externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .enableDeduplication(false)
                .serverName("flood")
                .shutdownTimeoutMillis(1000)
                .discardListener(
                    (reason, category, n) -> {
                      if (category == DataCategory.ERROR) {
                        dropped.addAndGet(n);
                      }
                    }));
    AtomicLong captured = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    long end = System.nanoTime() + millis * 1_000_000L;
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> flood(end, messageChars, captured, failures, firstFailure));
      t.setName("flood-" + i);
      running.add(t);
      t.start();
    }
    AtomicLong heapAfterGc = watchFullCollections();
    while (System.nanoTime() < end) {
      System.gc(); // a full collection every 250 ms, whose report says what is still reachable
      Thread.sleep(250);
    }
    for (Thread t : running) {
      t.join();
    }
    Sentry.close();
    Throwable f = firstFailure.get();
    if (f != null) {
      System.out.println("FAILURE " + f);
    }
    System.out.println(
        "RESULT captured="
            + captured.get()
            + " dropped="
            + dropped.get()
            + " failures="
            + failures.get()
            + " heapAfterGc="
            + heapAfterGc.get()
            + " queueBytes="
            + TransportConfig.heapBounded(16L * 1024 * 1024));
  }

  private static void flood(
      long end,
      int messageChars,
      AtomicLong captured,
      AtomicLong failures,
      AtomicReference<Throwable> firstFailure) {
    char[] chars = new char[messageChars];
    java.util.Arrays.fill(chars, 'x');
    long n = 0;
    while (System.nanoTime() < end) {
      try {
        chars[(int) (n++ % messageChars)] = 'y'; // every message its own string
        if (!Sentry.captureException(new IllegalStateException(new String(chars))).isEmpty()) {
          captured.incrementAndGet();
        }
      } catch (Throwable t) { // an OutOfMemoryError in the application's own call
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, t);
      }
    }
  }

  /**
   * Counts, from the collector's own report, the heap in use at the end of each full collection:
   * what is still reachable, the queue included; not the garbage that young collections leave in
   * the old generation, nor what the application allocates while it is read.
   */
  private static AtomicLong watchFullCollections() {
    AtomicLong max = new AtomicLong();
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    n.getType())) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                if (info.getGcAction().contains("major")) {
                  long used = 0;
                  for (Map.Entry<String, MemoryUsage> pool :
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                      used += pool.getValue().getUsed(); // not the class metadata and code
                    }
                  }
                  max.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
    return max;
  }
}
