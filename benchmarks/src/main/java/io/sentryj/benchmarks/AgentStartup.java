package io.sentryj.benchmarks;

import io.sentryj.benchmarks.startup.EmptyAgent;
import io.sentryj.benchmarks.startup.StartupApp;
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
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What an agent adds to an application's start-up: wall time of a hello world (start to exit), of a
 * small Jetty application, of a Quarkus 3 and of a Dropwizard 5 application (the agent tests' own,
 * start to the first request answered), with no agent, with an agent that does nothing (the JVM's
 * own cost of {@code -javaagent:}), with sentry-agent.jar and with the OpenTelemetry Java agent,
 * run alternately {@code runs} times. Prints medians, the time each agent adds over no agent,
 * sentry-agent's addition as a fraction of OpenTelemetry's, and the jars' sizes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.sentryj.benchmarks.AgentStartup [runs] [apps]
 * </pre>
 *
 * <p>{@code apps}: a comma-separated list of {@code hello}, {@code jetty}, {@code quarkus}, {@code
 * dropwizard}, or {@code both} (hello and jetty, the default) or {@code all}. System properties:
 * {@code agent.jar} (default {@code sentry-agent/target/sentry-agent.jar}), {@code otel.jar}
 * (default {@code benchmarks/target/agents/opentelemetry-javaagent.jar}), {@code java} (default
 * this JVM's), {@code quarkus.app} (default {@code sentry-agent/quarkus-app/target}), {@code
 * dropwizard.app} (default {@code sentry-agent/dropwizard-app/target}).
 */
public final class AgentStartup {
  private static final long TIMEOUT_SECONDS = 120;

  private AgentStartup() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<String> which = apps(args.length > 1 ? args[1] : "both");
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
      variants.put("empty agent", List.of("-javaagent:" + emptyAgent(classPath)));
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
          "| application | no agent ms | empty agent ms | sentry-agent ms | OpenTelemetry ms"
              + " | sentry-agent adds ms | OpenTelemetry adds ms | ratio |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (String app : which) {
        StartupApp measured = app(app, classPath);
        report(measured.title(), measure(runs, variants, java, measured));
      }
    }
  }

  private static List<String> apps(String which) {
    switch (which) {
      case "both":
        return List.of("hello", "jetty");
      case "all":
        return List.of("hello", "jetty", "quarkus", "dropwizard");
      default:
        return List.of(which.split(","));
    }
  }

  private static StartupApp app(String name, String classPath) throws IOException {
    switch (name) {
      case "hello":
        return StartupApp.hello(classPath);
      case "jetty":
        return StartupApp.jetty(classPath);
      case "quarkus":
        return StartupApp.quarkus(
            Paths.get(System.getProperty("quarkus.app", "sentry-agent/quarkus-app/target")));
      case "dropwizard":
        return StartupApp.dropwizard(
            Paths.get(System.getProperty("dropwizard.app", "sentry-agent/dropwizard-app/target")));
      default:
        throw new IllegalArgumentException("no application " + name);
    }
  }

  /** A jar holding {@link EmptyAgent} as its {@code Premain-Class}, beside the applications'. */
  private static Path emptyAgent(String classPath) throws IOException {
    Path jar = Paths.get(classPath).resolveSibling("empty-agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
    String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        InputStream in = AgentStartup.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new ZipEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
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
      int runs, Map<String, List<String>> variants, String java, StartupApp app) throws Exception {
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
        command.addAll(app.launch());
        Pattern port = app.port();
        long nanos =
            port != null ? timeToFirstResponse(command, port, app.path()) : timeToExit(command);
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

  private static long timeToFirstResponse(List<String> command, Pattern portLine, String path)
      throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      int port = readPort(process.getInputStream(), portLine, command);
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
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
  private static int readPort(InputStream output, Pattern portLine, List<String> command)
      throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
    for (String line; (line = reader.readLine()) != null; ) {
      checkStarted(line, command);
      Matcher matcher = portLine.matcher(line);
      if (matcher.find()) {
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
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException("ended before it listened: " + command);
  }

  private static void report(String app, Map<String, long[]> times) {
    double none = medianMillis(times.get("no agent"));
    double empty = medianMillis(times.get("empty agent"));
    double sentry = medianMillis(times.get("sentry-agent"));
    double otel = medianMillis(times.get("opentelemetry"));
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n",
        app,
        none,
        empty,
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
