package io.sentryj.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Starts small applications in JVMs of their own and reads what the agent wrote. */
final class ForkedJvm {
  static final Path AGENT_JAR =
      Paths.get(System.getProperty("sentryj.agent.jar", "target/sentry-agent.jar"))
          .toAbsolutePath();
  static final Path APP_CLASSES =
      Paths.get(System.getProperty("sentryj.app.classes", "target/test-classes")).toAbsolutePath();
  static final String DSN = "https://public@localhost:9/1";
  private static final long TIMEOUT_SECONDS = 60;

  private ForkedJvm() {}

  /** The JDKs to run on: this one, and JDK 25 where it is installed. */
  static List<Jdk> jdks() {
    List<Jdk> jdks = new ArrayList<>();
    int feature = Runtime.version().feature();
    jdks.add(new Jdk("jdk" + feature, Paths.get(System.getProperty("java.home")), feature));
    Path jdk25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
    if (feature != 25 && Files.isExecutable(jdk25.resolve("bin/java"))) {
      jdks.add(new Jdk("jdk25", jdk25, 25));
    }
    return jdks;
  }

  /**
   * Arguments giving the agent a DSN and a directory to write envelopes to, and starting it before
   * {@code main}, so that the applications' first actions are seen.
   */
  static String agentArgs(Path outbox, String... more) {
    StringBuilder args =
        new StringBuilder("dsn=" + DSN + ",agent.envelope-dir=" + outbox + ",agent.start=sync");
    for (String arg : more) {
      args.append(',').append(arg);
    }
    return args.toString();
  }

  /** Starts {@code mainClass} from the application classes only, with the given JVM options. */
  static Process start(Jdk jdk, Path workDir, String mainClass, String... jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(jdk.java());
    command.addAll(Arrays.asList(jvmOptions));
    command.addAll(Arrays.asList("-cp", APP_CLASSES.toString(), mainClass));
    return start(workDir, command);
  }

  static Process start(Path workDir, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    // the configuration is the test's alone, whatever this machine's environment sets
    builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
    builder.redirectOutput(workDir.resolve("stdout.txt").toFile());
    builder.redirectError(workDir.resolve("stderr.txt").toFile());
    return builder.start();
  }

  /** Waits for the process to end and returns its exit status. */
  static int exitStatus(Process process) throws InterruptedException {
    boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).as("process ended within %d s", TIMEOUT_SECONDS).isTrue();
    return process.exitValue();
  }

  static String stdout(Path workDir) throws IOException {
    return read(workDir.resolve("stdout.txt"));
  }

  static String stderr(Path workDir) throws IOException {
    return read(workDir.resolve("stderr.txt"));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }

  static void awaitTrue(BooleanSupplier condition, String what) {
    Await.until(what, TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), condition);
  }

  /** The events of every envelope in the directory. */
  static List<JsonObject> events(Path outbox) throws IOException {
    List<JsonObject> events = new ArrayList<>();
    if (!Files.isDirectory(outbox)) {
      return events;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (!file.getFileName().toString().endsWith(".envelope")) {
          continue;
        }
        for (EnvelopeItem item :
            EnvelopeParser.parse(Files.readAllBytes(file)).envelope().items()) {
          if (item.type().equals("event")) {
            String json = new String(item.payload(), StandardCharsets.UTF_8);
            events.add(JsonParser.parseString(json).getAsJsonObject());
          }
        }
      }
    }
    return events;
  }

  /** The outermost exception's value, or null for an event without one. */
  static String exceptionValue(JsonObject event) {
    if (!event.has("exception")) {
      return null;
    }
    var values = event.getAsJsonObject("exception").getAsJsonArray("values");
    return values.get(values.size() - 1).getAsJsonObject().get("value").getAsString();
  }

  static JsonObject mechanism(JsonObject event) {
    var values = event.getAsJsonObject("exception").getAsJsonArray("values");
    return values.get(values.size() - 1).getAsJsonObject().getAsJsonObject("mechanism");
  }

  static String message(JsonObject event) {
    return event.has("logentry")
        ? event.getAsJsonObject("logentry").get("formatted").getAsString()
        : null;
  }

  static String tag(JsonObject event, String name) {
    return event.has("tags") && event.getAsJsonObject("tags").has(name)
        ? event.getAsJsonObject("tags").get(name).getAsString()
        : null;
  }

  /** The messages of the event's breadcrumbs that have one, oldest first. */
  static List<String> breadcrumbMessages(JsonObject event) {
    List<String> messages = new ArrayList<>();
    if (event.has("breadcrumbs")) {
      event
          .getAsJsonObject("breadcrumbs")
          .getAsJsonArray("values")
          .forEach(
              b -> {
                if (b.getAsJsonObject().has("message")) {
                  messages.add(b.getAsJsonObject().get("message").getAsString());
                }
              });
    }
    return messages;
  }

  /** Entries of this JVM's class path whose file name starts with one of the prefixes. */
  static List<String> testJars(String... namePrefixes) {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = Paths.get(entry).getFileName().toString();
      if (name.endsWith(".jar") && Arrays.stream(namePrefixes).anyMatch(name::startsWith)) {
        jars.add(entry);
      }
    }
    return jars;
  }

  /**
   * Starts {@code mainClass} from the application classes and the given jars, with JVM options and
   * program arguments.
   */
  static Process startApp(
      Jdk jdk,
      Path workDir,
      List<String> jars,
      List<String> jvmOptions,
      String mainClass,
      String... args)
      throws IOException {
    List<String> classPath = new ArrayList<>();
    classPath.add(APP_CLASSES.toString());
    classPath.addAll(jars);
    List<String> command = new ArrayList<>();
    command.add(jdk.java());
    command.addAll(jvmOptions);
    command.addAll(
        Arrays.asList("-cp", String.join(java.io.File.pathSeparator, classPath), mainClass));
    command.addAll(Arrays.asList(args));
    return start(workDir, command);
  }

  /**
   * Starts {@code mainClass} from the application classes plus the entries of this test's class
   * path whose path contains one of {@code libraries} (for example {@code "/org/eclipse/jetty/"}):
   * libraries only, never the SDK's own classes.
   */
  static Process startWithLibraries(
      Jdk jdk, Path workDir, List<String> libraries, String mainClass, String... jvmOptions)
      throws IOException {
    List<String> classPath = new ArrayList<>();
    classPath.add(APP_CLASSES.toString());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String normalized = entry.replace('\\', '/');
      if (libraries.stream().anyMatch(normalized::contains)) {
        classPath.add(entry);
      }
    }
    List<String> command = new ArrayList<>();
    command.add(jdk.java());
    command.addAll(Arrays.asList(jvmOptions));
    command.addAll(
        Arrays.asList("-cp", String.join(java.io.File.pathSeparator, classPath), mainClass));
    return start(workDir, command);
  }

  /**
   * The application classes and the jars of this class path whose file names start with one of
   * {@code jars} followed by {@code -} ({@code logback-classic}), or the reactor modules of those
   * names as classes directories; never a test jar.
   */
  static String classPath(List<String> jars) {
    List<String> entries = new ArrayList<>();
    entries.add(APP_CLASSES.toString());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = Paths.get(entry).getFileName().toString();
      boolean wanted =
          jars.stream().anyMatch(j -> name.startsWith(j + "-") || isModuleOutput(entry, j));
      if (wanted && !name.contains("tests")) {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** A reactor module's classes directory, as the class path holds it before packaging. */
  private static boolean isModuleOutput(String entry, String module) {
    String sep = java.io.File.separator;
    return entry.endsWith(sep + module + sep + "target" + sep + "classes");
  }

  /** A JDK to run the applications on. */
  record Jdk(String name, Path home, int feature) {
    String java() {
      return home.resolve("bin/java").toString();
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
