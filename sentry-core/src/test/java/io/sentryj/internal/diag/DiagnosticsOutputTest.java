package io.sentryj.internal.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where diagnostics go: SLF4J only when it has a provider, else standard error, quietly. */
class DiagnosticsOutputTest {
  @TempDir Path dir;

  /** Prints one warning, as the SDK does when it cannot use its outbox, and ends. */
  public static final class WarnOnce {
    public static void main(String[] args) {
      Diagnostics.warn("the outbox %s is not this user's alone", "/tmp/x");
      System.out.println("DONE");
    }
  }

  @Test
  void withSlf4jButNoProviderAWarningGoesToStandardErrorAndSlf4jSaysNothing() throws Exception {
    // this module's test class path has slf4j-api and no provider, as many applications do
    assertThat(Diagnostics.hasSlf4jProvider(Diagnostics.class.getClassLoader())).isFalse();
    Path out = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WarnOnce.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines)
        .contains("[sentryj] WARN the outbox /tmp/x is not this user's alone", "DONE")
        .noneMatch(l -> l.contains("SLF4J"));
  }

  @Test
  void aProviderIsRecognisedByItsServiceFileOrAnSlf4j1Binding() throws IOException {
    Path v2 = dir.resolve("v2");
    Files.createDirectories(v2.resolve("META-INF/services"));
    Files.write(
        v2.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"),
        "com.example.Provider\n".getBytes(StandardCharsets.UTF_8));
    Path v1 = dir.resolve("v1");
    Files.createDirectories(v1.resolve("org/slf4j/impl"));
    Files.write(v1.resolve("org/slf4j/impl/StaticLoggerBinder.class"), new byte[] {1});
    Path none = Files.createDirectories(dir.resolve("none"));

    assertThat(Diagnostics.hasSlf4jProvider(isolated(v2))).isTrue();
    assertThat(Diagnostics.hasSlf4jProvider(isolated(v1))).isTrue();
    assertThat(Diagnostics.hasSlf4jProvider(isolated(none))).isFalse();
  }

  private static ClassLoader isolated(Path root) throws IOException {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }
}
