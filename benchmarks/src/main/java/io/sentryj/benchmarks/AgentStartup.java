package io.sentryj.benchmarks;

import io.sentryj.benchmarks.startup.HelloApp;
import io.sentryj.benchmarks.startup.JettyApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What an agent adds to an application's start-up: wall time of a hello world (start to exit) and
 * of a small Jetty application (start to the first request answered), with no agent, with
 * sentry-agent.jar and with the OpenTelemetry Java agent, run alternately {@code runs} times.
 * Prints medians, the time each agent adds over no agent, sentry-agent's addition as a fraction of
 * OpenTelemetry's, and the jars' sizes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sentryj.benchmarks.AgentStartup [runs] [hello|jetty|both]
 * </pre>
 *
 * <p>System properties: {@code agent.jar} (default {@code sentry-agent/target/sentry-agent.jar}),
 * {@code otel.jar} (default {@code benchmarks/target/agents/opentelemetry-javaagent.jar}), {@code
 * java} (default this JVM's).
 */
public final class AgentStartup {
  private static final long TIMEOUT_SECONDS = 120;

  private AgentStartup() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String which = args.length > 1 ? args[1] : "both";
    Path sentryJar =
        Paths.get(System.getProperty("agent.jar", "sentry-agent/target/sentry-agent.jar"));
    Path otelJar =
        Paths.get(
            System.getProperty("otel.jar", "benchmarks/target/agents/opentelemetry-javaagent.jar"));
    String java =
        System.getProperty("java", Paths.get(System.getProperty("java.home"), "bin", "java") + "");
    String classPath =
        appsOnly(
                Paths.get(
                    AgentStartup.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
            .toString();
    for (Path jar : Arrays.asList(sentryJar, otelJar)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: build with ./mvnw -B package first");
      }
    }
    Path outbox = Files.createTempDirectory(Paths.get("benchmarks", "target"), "startup-outbox");
    try (LoopbackReceiver sentry = new LoopbackReceiver()) {
      Map<String, List<String>> variants = new LinkedHashMap<>();
      variants.put("no agent", List.of());
      variants.put(
          "sentry-agent",
          List.of("-javaagent:" + sentryJar + "=dsn=" + sentry.dsn() + ",outbox-dir=" + outbox));
      variants.put(
          "opentelemetry",
          List.of(
              "-javaagent:" + otelJar,
              "-Dotel.traces.exporter=none",
              "-Dotel.metrics.exporter=none",
              "-Dotel.logs.exporter=none"));
      System.out.printf(
          Locale.ROOT,
          "%s, %d runs each, alternating; sentry-agent.jar %s, opentelemetry-javaagent.jar %s%n",
          Runtime.version(),
          runs,
          megabytes(Files.size(sentryJar)),
          megabytes(Files.size(otelJar)));
      System.out.println();
      System.out.println(
          "| application | no agent ms | sentry-agent ms | OpenTelemetry ms"
              + " | sentry-agent adds ms | OpenTelemetry adds ms | ratio |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      if (!which.equals("jetty")) {
        report("hello world (to exit)", measure(runs, variants, java, classPath, false));
      }
      if (!which.equals("hello")) {
        report("Jetty (to first response)", measure(runs, variants, java, classPath, true));
      }
    }
  }

  /**
   * A jar of the benchmark jar's classes without the SDK's and the agent's: on the applications'
   * class path, the agent's entry class would be found there, ahead of the agent jar the JVM
   * appends, and the agent would fail to start for want of its own jar's classes.
   */
  private static Path appsOnly(Path benchmarksJar) throws IOException {
    if (!Files.isRegularFile(benchmarksJar)) {
      return benchmarksJar; // a class directory, in an IDE
    }
    Path apps = benchmarksJar.resolveSibling("startup-apps.jar");
    try (ZipFile in = new ZipFile(benchmarksJar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(apps))) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        String name = entry.getName();
        if (name.startsWith("io/sentryj/") && !name.startsWith("io/sentryj/benchmarks/startup/")) {
          continue;
        }
        out.putNextEntry(new ZipEntry(name));
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return apps;
  }

  /** Fails a run in which an agent said that it could not start: its time would mean nothing. */
  private static void checkStarted(String output, List<String> command) {
    if (output.contains("could not start")) {
      throw new IllegalStateException("the agent did not start: " + output + "\n" + command);
    }
  }

  private static Map<String, long[]> measure(
      int runs, Map<String, List<String>> variants, String java, String classPath, boolean jetty)
      throws Exception {
    Map<String, long[]> times = new LinkedHashMap<>();
    for (String name : variants.keySet()) {
      times.put(name, new long[runs]);
    }
    // one warm-up round, not counted: the first start after a build reads the jars from disk
    for (int run = -1; run < runs; run++) {
      for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(variant.getValue());
        command.add("-cp");
        command.add(classPath);
        command.add(jetty ? JettyApp.class.getName() : HelloApp.class.getName());
        long nanos = jetty ? timeToFirstResponse(command) : timeToExit(command);
        if (run >= 0) {
          times.get(variant.getKey())[run] = nanos;
        }
      }
    }
    return times;
  }

  private static long timeToExit(List<String> command) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("did not end: " + command);
    }
    long nanos = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("exit status " + process.exitValue() + ": " + command);
    }
    checkStarted(output, command);
    return nanos;
  }

  private static long timeToFirstResponse(List<String> command) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      int port = readPort(process.getInputStream(), command);
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/hello").toURL().openConnection();
      connection.setConnectTimeout(60_000);
      connection.setReadTimeout(60_000);
      try (InputStream in = connection.getInputStream()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      long nanos = System.nanoTime() - start;
      if (connection.getResponseCode() != 200) {
        throw new IllegalStateException("HTTP " + connection.getResponseCode() + ": " + command);
      }
      return nanos;
    } finally {
      process.destroy();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** Reads the application's output up to its {@code port <n>} line; the rest is drained. */
  private static int readPort(InputStream output, List<String> command) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
    for (String line; (line = reader.readLine()) != null; ) {
      checkStarted(line, command);
      if (line.startsWith("port ")) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    reader.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException e) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring(5).trim());
      }
    }
    throw new IllegalStateException("ended before it listened: " + command);
  }

  private static void report(String app, Map<String, long[]> times) {
    double none = medianMillis(times.get("no agent"));
    double sentry = medianMillis(times.get("sentry-agent"));
    double otel = medianMillis(times.get("opentelemetry"));
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n",
        app,
        none,
        sentry,
        otel,
        sentry - none,
        otel - none,
        (sentry - none) / (otel - none));
  }

  private static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return median / 1_000_000.0;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / 1_000_000.0, bytes);
  }
}
