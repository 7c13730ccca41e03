package io.sentryj.samples.demo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one sample in a JVM of its own, with the sample's own class path ({@code
 * samples/<name>/target/classes} and the {@code target/sample.classpath} its build wrote), the
 * options that point it at the outbox and, for the agent sample, {@code -javaagent:}. Its output is
 * printed with the sample's name in front of each line.
 */
final class SampleRunner {
  /** Ample for a sample: each takes one to three seconds. */
  private static final long TIMEOUT_SECONDS = 120;

  private final Path samplesDir;
  private final Path agentJar;
  private final Path outbox;
  private final Delivery delivery;
  private final PrintStream out;

  SampleRunner(Path samplesDir, Path agentJar, Path outbox, Delivery delivery, PrintStream out) {
    this.samplesDir = samplesDir;
    this.agentJar = agentJar;
    this.outbox = outbox;
    this.delivery = delivery;
    this.out = out;
  }

  /**
   * Where the events go: the local outbox only, or (with a DSN in the environment) Sentry, with the
   * outbox as its write-ahead store. An isolated run ignores every {@code SENTRY_*} variable of
   * this process, so that a test's result does not depend on the machine's environment.
   */
  record Delivery(boolean outboxOnly, boolean isolated) {
    /** The demo's choice: delivery to {@code SENTRY_DSN} when it is set, else the outbox only. */
    static Delivery fromEnvironment() {
      String dsn = System.getenv("SENTRY_DSN");
      return new Delivery(dsn == null || dsn.trim().isEmpty(), false);
    }

    /** The outbox only, whatever the environment says. */
    static Delivery isolatedOutbox() {
      return new Delivery(true, true);
    }
  }

  /** Runs the sample to its end and returns its exit status. */
  int run(Sample sample) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(sample)).redirectErrorStream(true);
    if (delivery.isolated()) {
      builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
    }
    Process process = builder.start();
    process.getOutputStream().close();
    Thread pump = pump(process, String.format("  %-8s| ", sample.dir()));
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      pump.join(TimeUnit.SECONDS.toMillis(5));
      throw new IllegalStateException(
          "the " + sample.dir() + " sample did not end within " + TIMEOUT_SECONDS + " s");
    }
    pump.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  /** The sample's command line. */
  List<String> command(Sample sample) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    if (sample.underAgent()) {
      // what a user gives the agent of an application it knows nothing about
      command.add(
          "-javaagent:"
              + agentJar
              + "=release=agent-sample@1.0.0,environment=demo,in-app-includes=io.sentryj.samples"
              // a program this short logs its error before a background start would be done
              + ",agent.start=sync");
    }
    command.add("-Dsentry.outbox-dir=" + outbox);
    command.add("-Dsentry.outbox-only=" + delivery.outboxOnly());
    if (delivery.isolated()) {
      command.add("-Dsentry.spotlight=false");
    }
    command.add("-classpath");
    command.add(classPath(sample));
    command.add(sample.mainClass());
    return command;
  }

  private String classPath(Sample sample) {
    Path target = samplesDir.resolve(sample.dir()).resolve("target");
    Path classes = target.resolve("classes");
    Path dependencies = target.resolve("sample.classpath");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(dependencies)) {
      throw new IllegalStateException(
          "the "
              + sample.dir()
              + " sample is not built (no "
              + classes
              + " or "
              + dependencies
              + ")");
    }
    try {
      String deps = new String(Files.readAllBytes(dependencies), StandardCharsets.UTF_8).trim();
      return deps.isEmpty() ? classes.toString() : classes + File.pathSeparator + deps;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code java} of the JDK running this. */
  static String javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Thread pump(Process process, String prefix) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  out.println(prefix + line);
                }
              } catch (IOException e) {
                out.println(prefix + "(output lost: " + e + ")");
              }
            },
            "demo-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public String toString() {
    return "SampleRunner{samplesDir=" + samplesDir + ", outbox=" + outbox + ", " + delivery + '}';
  }
}
