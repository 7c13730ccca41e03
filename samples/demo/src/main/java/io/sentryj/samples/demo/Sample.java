package io.sentryj.samples.demo;

import org.jspecify.annotations.Nullable;

/** The samples, in the order the demo runs them; each is the module {@code samples/<name>}. */
enum Sample {
  CONSOLE("console", "io.sentryj.samples.console.ConsoleSample", 1, "the API by hand"),
  LOGBACK("logback", "io.sentryj.samples.logback.LogbackSample", 0, "logback.xml and SLF4J"),
  LOG4J2("log4j2", "io.sentryj.samples.log4j2.Log4j2Sample", 0, "log4j2.xml and the Log4j API"),
  JUL("jul", "io.sentryj.samples.jul.JulSample", 0, "logging.properties and java.util.logging"),
  SERVLET("servlet", "io.sentryj.samples.servlet.ServletSample", 0, "embedded Jetty 12 + filter"),
  AGENT("agent", "io.sentryj.samples.agent.AgentSample", 1, "no SDK code, -javaagent:");

  private final String dir;
  private final String mainClass;
  private final int exitCode;
  private final String what;

  Sample(String dir, String mainClass, int exitCode, String what) {
    this.dir = dir;
    this.mainClass = mainClass;
    this.exitCode = exitCode;
    this.what = what;
  }

  /** The module directory under {@code samples/}, also the sample's short name. */
  String dir() {
    return dir;
  }

  String mainClass() {
    return mainClass;
  }

  /** The status the sample ends with: 1 for those that end with an uncaught exception. */
  int exitCode() {
    return exitCode;
  }

  /** A few words on the way of use it shows. */
  String what() {
    return what;
  }

  /** Whether the sample runs under {@code -javaagent:sentry-agent.jar}. */
  boolean underAgent() {
    return this == AGENT;
  }

  /** The sample whose release ({@code <dir>-sample@<version>}) this is, or null. */
  static @Nullable Sample ofRelease(@Nullable String release) {
    if (release == null) {
      return null;
    }
    for (Sample sample : values()) {
      if (release.startsWith(sample.dir + "-sample@")) {
        return sample;
      }
    }
    return null;
  }
}
