package io.sentryj.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap a flood of big events costs, sentryj beside the official SDK: eight threads capture
 * exceptions with 200 KB messages (each its own string) for a while against a Sentry that refuses
 * connections, each SDK in a JVM of its own with {@code -Xmx256m}; the heap in use at the end of a
 * full collection, one every 250 ms, is read from the collector's report, and any {@link
 * OutOfMemoryError} counted (in the SDK's threads or in the application's calls).
 *
 * <pre>
 * ./mvnw -B -q -pl sentry-core,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.sentryj.benchmarks.FloodMemory [seconds] [heap MB]
 * </pre>
 */
public final class FloodMemory {
  private static final int THREADS = 8;
  private static final int MESSAGE_CHARS = 200 * 1024;

  private FloodMemory() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(args[1], args[2], Integer.parseInt(args[3]));
      return;
    }
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int heapMb = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    System.out.printf(
        Locale.ROOT,
        "%-10s %8s %10s %12s %14s %14s %8s%n",
        "sdk",
        "heap",
        "captures",
        "per second",
        "before flood",
        "max in flood",
        "OOMs");
    for (String sdk : new String[] {"official", "sentryj"}) {
      System.out.println(run(sdk, seconds, heapMb));
    }
  }

  private static String run(String sdk, int seconds, int heapMb) throws Exception {
    List<String> command =
        new ArrayList<>(
            Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-cp",
                System.getProperty("java.class.path"),
                FloodMemory.class.getName(),
                "child",
                sdk,
                "http://public@127.0.0.1:" + freePort() + "/1",
                "" + seconds));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = "";
    long ooms = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line.substring("RESULT ".length());
        } else if (line.contains("OutOfMemoryError")) {
          ooms++;
        }
      }
    }
    p.waitFor();
    String[] r = result.isEmpty() ? new String[] {"-", "-", "-", "-"} : result.split(" ");
    return String.format(
        Locale.ROOT,
        "%-10s %6dMB %10s %12s %14s %14s %8d",
        sdk,
        heapMb,
        r[0],
        r[1],
        r[2],
        r[3],
        ooms);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void child(String sdk, String dsn, int seconds) throws Exception {
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> System.out.println("UNCAUGHT " + t.getName() + " " + e));
    Path outbox = Files.createTempDirectory("flood-memory");
    Live live = start(sdk, dsn, outbox);
    AtomicLong maxAfterGc = watchFullCollections();
    live.capture(new IllegalStateException("before the flood"));
    System.gc(); // what the JVM, the application and the SDK hold before the flood
    for (int i = 0; i < 100 && maxAfterGc.get() == 0; i++) {
      Thread.sleep(10); // the collector's report comes on a thread of its own
    }
    long before = maxAfterGc.getAndSet(0);
    AtomicLong captured = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Thread t = new Thread(() -> flood(live, end, captured));
      threads.add(t);
      t.start();
    }
    while (System.nanoTime() < end) {
      System.gc(); // a full collection every 250 ms, whose report says what is still reachable
      Thread.sleep(250);
    }
    for (Thread t : threads) {
      t.join();
    }
    live.close();
    System.out.printf(
        Locale.ROOT,
        "RESULT %d %d %.1fMB %.1fMB%n",
        captured.get(),
        captured.get() / seconds,
        before / (1024.0 * 1024.0),
        maxAfterGc.get() / (1024.0 * 1024.0));
    System.out.flush();
    Runtime.getRuntime().halt(0); // the official SDK's threads may still write its cache
  }

  private static void flood(Live live, long end, AtomicLong captured) {
    char[] chars = new char[MESSAGE_CHARS];
    Arrays.fill(chars, 'x');
    long n = 0;
    while (System.nanoTime() < end) {
      try {
        chars[(int) (n++ % MESSAGE_CHARS)] = 'y'; // every message its own string
        live.capture(new IllegalStateException(new String(chars)));
        captured.incrementAndGet();
      } catch (Throwable t) {
        System.out.println("FAILED " + t);
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

  private static Live start(String sdk, String dsn, Path outbox) {
    if (sdk.equals("official")) {
      io.sentry.Sentry.init(
          o -> {
            o.setDsn(dsn);
            o.setCacheDirPath(outbox.toString());
            o.setEnableUncaughtExceptionHandler(false);
            o.setEnableShutdownHook(false);
            o.setEnableDeduplication(false);
          });
      return new Live() {
        @Override
        public void capture(Throwable t) {
          io.sentry.Sentry.captureException(t);
        }

        @Override
        public void close() {
          io.sentry.Sentry.close();
        }
      };
    }
    io.sentryj.Sentry.init(
        o ->
            o.dsn(dsn)
                .outboxDir(outbox.toString())
                .externalConfiguration(false)
                .enableUncaughtExceptionHandler(false)
                .enableShutdownHook(false)
                .enableDeduplication(false)
                .shutdownTimeoutMillis(1000));
    return new Live() {
      @Override
      public void capture(Throwable t) {
        io.sentryj.Sentry.captureException(t);
      }

      @Override
      public void close() {
        io.sentryj.Sentry.close();
      }
    };
  }

  /** One SDK, started for real. */
  private interface Live {
    void capture(Throwable t);

    void close();
  }
}
