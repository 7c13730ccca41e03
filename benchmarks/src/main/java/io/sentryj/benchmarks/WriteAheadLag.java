package io.sentryj.benchmarks;

import io.sentryj.integration.Outbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long after a capture returns its envelope is on disk, where a {@code kill -9} cannot take it:
 * in a fresh JVM, right after {@code Sentry.init} (cold, as in the SDK's first second), one thread
 * captures a burst of exceptions with two causes while Sentry refuses connections; the outbox is
 * polled every 5 ms (reading only the batches' lengths) until the whole burst is stored. Each run
 * is a JVM of its own; the table gives, per run, how long the burst took and how long after its
 * last capture the last envelope was on disk.
 *
 * <pre>
 * ./mvnw -B -q -pl sentry-core,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.sentryj.benchmarks.WriteAheadLag [runs] [burst]
 * </pre>
 */
public final class WriteAheadLag {
  private WriteAheadLag() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(args[1], Integer.parseInt(args[2]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int burst = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    System.out.printf(
        Locale.ROOT, "%-5s %8s %10s %18s%n", "run", "burst", "burst ms", "on disk after, ms");
    for (int i = 1; i <= runs; i++) {
      System.out.printf(Locale.ROOT, "%-5d %8d %s%n", i, burst, fork(burst));
    }
  }

  private static String fork(int burst) throws Exception {
    List<String> command =
        new ArrayList<>(
            Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                WriteAheadLag.class.getName(),
                "child",
                "http://public@127.0.0.1:" + freePort() + "/1",
                "" + burst));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = "(no result)";
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line.substring("RESULT ".length());
        }
      }
    }
    p.waitFor();
    return result;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void child(String dsn, int burst) throws Exception {
    Path outbox = Files.createTempDirectory("write-ahead-lag");
    io.sentryj.Sentry.init(
        o ->
            o.dsn(dsn)
                .outboxDir(outbox.toString())
                .externalConfiguration(false)
                .enableUncaughtExceptionHandler(false)
                .enableShutdownHook(false)
                .enableDeduplication(false)
                .serverName("bench"));
    Throwable error = Throwables.withCauses();
    long start = System.nanoTime();
    for (int i = 0; i < burst; i++) {
      io.sentryj.Sentry.captureException(error);
    }
    long burstEnd = System.nanoTime();
    while (Outbox.storedEnvelopes(outbox) < burst) {
      Thread.sleep(5); // the polling interval
    }
    long stored = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "RESULT %10d %18d%n",
        (burstEnd - start) / 1_000_000,
        (stored - burstEnd) / 1_000_000);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
