package io.sentryj.internal.transport;

import io.sentryj.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM running one of the test applications on this test's class path, its output going to a file
 * (so that it survives a {@code kill -9} and reading it never blocks), read by polling.
 */
final class ForkedJvm implements AutoCloseable {
  private final Process process;
  private final Path output;

  private ForkedJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code main} with these JVM options ({@code -Xmx...}) and arguments. */
  static ForkedJvm start(Path dir, List<String> jvmOptions, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile(dir, "jvm-", ".out");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      return new ForkedJvm(p, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output's lines so far. */
  List<String> lines() {
    try {
      return Arrays.asList(
          new String(Files.readAllBytes(output), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first output line that starts with {@code prefix}, waiting for it at most the timeout. */
  String awaitLine(String prefix, long timeoutMillis) {
    String[] found = new String[1];
    try {
      Await.until(
          "a line " + prefix + " from the forked JVM",
          timeoutMillis,
          () -> {
            for (String line : lines()) {
              if (line.startsWith(prefix)) {
                found[0] = line;
                return true;
              }
            }
            return !process.isAlive(); // ended without it
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; its output:\n" + String.join("\n", lines()), e);
    }
    if (found[0] == null) {
      throw new AssertionError(
          "the forked JVM ended without "
              + prefix
              + "; its output:\n"
              + String.join("\n", lines()));
    }
    return found[0];
  }

  /**
   * {@code kill -9} (on Linux {@link Process#destroyForcibly} is SIGKILL), and waits for the end.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the forked JVM did not end after SIGKILL");
    }
  }

  /** Waits for the JVM to end on its own; its exit value. */
  int awaitExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the forked JVM did not end; its output:\n" + String.join("\n", lines()));
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return "ForkedJvm{" + process.pid() + '}';
  }
}
