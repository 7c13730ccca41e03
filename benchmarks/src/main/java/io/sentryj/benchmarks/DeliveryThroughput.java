package io.sentryj.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end delivery of sentryj and the official SDK, in the same run, each with its own default
 * HTTP transport (gzip on) posting to a {@link LoopbackReceiver}:
 *
 * <ul>
 *   <li><b>throughput</b>: one thread captures exceptions while at most {@code window} events are
 *       captured but not yet received, so that neither SDK's queue overflows (no loss allowed);
 *       events received per second, after a warm-up;
 *   <li><b>caller latency while the server is down</b>: the time each capture takes on the caller's
 *       thread when every connection is refused, as percentiles.
 * </ul>
 *
 * <pre>
 * ./mvnw -B -pl sentry-core,benchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.sentryj.benchmarks.DeliveryThroughput [seconds]
 * </pre>
 */
public final class DeliveryThroughput {
  /** The official SDK's default queue holds 30 envelopes; stay below it. */
  private static final int OFFICIAL_WINDOW = 25;

  /** sentryj's default queue holds 1000 envelopes. */
  private static final int SENTRYJ_WINDOW = 500;

  private DeliveryThroughput() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Throwable error = Throwables.withCauses();
    System.out.printf(
        Locale.ROOT, "%-10s %-8s %12s %10s %6s%n", "sdk", "window", "events/s", "received", "lost");
    for (int round = 0; round < 2; round++) {
      boolean print = round == 1; // the first round warms both up
      throughput("official", OFFICIAL_WINDOW, seconds, error, print);
      throughput("sentryj", OFFICIAL_WINDOW, seconds, error, print);
      throughput("sentryj", SENTRYJ_WINDOW, seconds, error, print);
      throughput("sentryj-mem", SENTRYJ_WINDOW, seconds, error, print);
    }
    System.out.printf(
        Locale.ROOT,
        "%n%-10s %10s %10s %10s %10s   (caller-side capture, server down, us)%n",
        "sdk",
        "p50",
        "p99",
        "p99.9",
        "max");
    for (int round = 0; round < 2; round++) {
      latencyWhileDown("official", error, round == 1);
      latencyWhileDown("sentryj", error, round == 1);
    }
  }

  private static void throughput(
      String sdk, int window, int seconds, Throwable error, boolean print) throws Exception {
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      Live live = start(sdk, receiver.dsn());
      long captured = 0;
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long start = System.nanoTime();
      while (System.nanoTime() < end) {
        if (captured - receiver.events() < window) {
          live.capture(error);
          captured++;
        } else {
          // park rather than spin: a spinning producer would take a core from the sender
          LockSupport.parkNanos(20_000);
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long receivedInTime = receiver.events();
      live.flush(30_000);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (receiver.events() < captured && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      live.close();
      if (print) {
        System.out.printf(
            Locale.ROOT,
            "%-10s %-8d %12.0f %10d %6d%n",
            sdk,
            window,
            receivedInTime / elapsed,
            receiver.events(),
            captured - receiver.events());
      }
    }
  }

  private static void latencyWhileDown(String sdk, Throwable error, boolean print)
      throws Exception {
    int n = 200_000;
    long[] nanos = new long[n];
    Live live = start(sdk, "http://public@127.0.0.1:" + freePort() + "/1");
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      live.capture(error);
      nanos[i] = System.nanoTime() - t0;
    }
    live.close();
    Arrays.sort(nanos);
    if (print) {
      System.out.printf(
          Locale.ROOT,
          "%-10s %10.1f %10.1f %10.1f %10.1f%n",
          sdk,
          nanos[n / 2] / 1e3,
          nanos[(int) (n * 0.99)] / 1e3,
          nanos[(int) (n * 0.999)] / 1e3,
          nanos[n - 1] / 1e3);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Live start(String sdk, String dsn) throws IOException {
    if (sdk.equals("official")) {
      io.sentry.Sentry.init(
          o -> {
            o.setDsn(dsn);
            o.setDebug(Boolean.getBoolean("bench.debug"));
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
        public void flush(long millis) {
          io.sentry.Sentry.flush(millis);
        }

        @Override
        public void close() {
          io.sentry.Sentry.close();
        }
      };
    }
    Path outbox = Files.createTempDirectory("sentryj-bench");
    boolean memoryOnly = sdk.equals("sentryj-mem");
    io.sentryj.Sentry.init(
        o ->
            o.dsn(dsn)
                .outboxDir(outbox.toString())
                .enableOutbox(!memoryOnly)
                .debug(Boolean.getBoolean("bench.debug"))
                .externalConfiguration(false)
                .enableUncaughtExceptionHandler(false)
                .enableShutdownHook(false)
                .enableDeduplication(false));
    return new Live() {
      @Override
      public void capture(Throwable t) {
        io.sentryj.Sentry.captureException(t);
      }

      @Override
      public void flush(long millis) {
        io.sentryj.Sentry.flush(millis);
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

    void flush(long millis);

    void close();
  }
}
