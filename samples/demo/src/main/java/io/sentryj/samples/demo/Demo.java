package io.sentryj.samples.demo;

import io.sentryj.integration.SentryDsn;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's demo command ends here: {@code ./mvnw -B -q -Pdemo -DskipTests package} runs {@code
 * Demo <outbox>} once everything is built. It empties the outbox, runs every sample in its own JVM
 * (the agent sample under {@code -javaagent:}), then prints what was captured: the agent's {@code
 * inspect} of the outbox, and a short summary per sample.
 *
 * <p>Without {@code SENTRY_DSN} the samples write to the outbox only; with it they deliver to that
 * Sentry (and with {@code SENTRY_SPOTLIGHT=true} to a local Spotlight as well), the outbox keeping
 * only what could not be sent.
 */
public final class Demo {
  /** The system property naming the {@code samples} directory. */
  static final String SAMPLES_DIR = "sentryj.samples.dir";

  /** The system property naming {@code sentry-agent.jar}. */
  static final String AGENT_JAR = "sentryj.agent.jar";

  private Demo() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Demo <outbox directory>");
      System.exit(2);
    }
    SampleRunner.Delivery delivery = SampleRunner.Delivery.fromEnvironment();
    Path outbox = Paths.get(args[0]).toAbsolutePath().normalize();
    PrintStream out = System.out;
    Map<Sample, Integer> exits = runAll(outbox, delivery, out);
    List<String> problems = new ArrayList<>();
    exits.forEach(
        (sample, status) -> {
          if (status != sample.exitCode()) {
            problems.add(
                "the "
                    + sample.dir()
                    + " sample ended with status "
                    + status
                    + ", not "
                    + sample.exitCode());
          }
        });

    out.println();
    out.println("== What was captured: java -jar sentry-agent.jar inspect " + outbox);
    int inspect = inspect(agentJar(), outbox);
    if (inspect != 0) {
      problems.add("inspect found envelopes it could not read");
    }
    OutboxSummary summary = OutboxSummary.read(outbox);
    if (delivery.outboxOnly() || !summary.isEmpty()) {
      summary.print(out);
    }
    out.println();
    if (delivery.outboxOnly()) {
      out.println("The envelopes are in " + outbox + ". Set SENTRY_DSN to send them to Sentry.");
    } else {
      out.println(
          "Delivered to "
              + SentryDsn.mask(System.getenv("SENTRY_DSN"))
              + "; the outbox "
              + outbox
              + " keeps only what could not be sent.");
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("demo: " + p));
      System.exit(1);
    }
  }

  /**
   * Empties the outbox, then runs every sample into it, in order.
   *
   * @return each sample's exit status
   */
  static Map<Sample, Integer> runAll(Path outbox, SampleRunner.Delivery delivery, PrintStream out)
      throws IOException, InterruptedException {
    deleteRecursively(outbox);
    SampleRunner runner = new SampleRunner(samplesDir(), agentJar(), outbox, delivery, out);
    Map<Sample, Integer> exits = new LinkedHashMap<>();
    for (Sample sample : Sample.values()) {
      out.println();
      out.println("== The " + sample.dir() + " sample: " + sample.what());
      exits.put(sample, runner.run(sample));
    }
    return exits;
  }

  /**
   * Whether this agent jar captures logged errors: it holds a logging instrumentation. Until then
   * the agent sample's logged error is not captured, and the summary says why.
   */
  private static int inspect(Path agentJar, Path outbox) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                SampleRunner.javaExecutable(),
                "-jar",
                agentJar.toString(),
                "inspect",
                outbox.toString())
            .inheritIO()
            .start();
    return process.waitFor();
  }

  static Path samplesDir() {
    return requiredPath(SAMPLES_DIR);
  }

  static Path agentJar() {
    Path jar = requiredPath(AGENT_JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it with ./mvnw -B -DskipTests package");
    }
    return jar;
  }

  private static Path requiredPath(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("set the system property " + property);
    }
    return Paths.get(value).toAbsolutePath().normalize();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
