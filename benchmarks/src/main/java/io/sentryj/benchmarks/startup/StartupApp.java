package io.sentryj.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One application of the start-up benchmark: how to start it after the JVM's options, and, for a
 * server, the line that tells its port and the path to ask once it listens (a hello world is timed
 * to its exit instead).
 */
public final class StartupApp {
  private final String title;
  private final List<String> launch;
  private final @Nullable Pattern port;
  private final String path;

  private StartupApp(String title, List<String> launch, @Nullable Pattern port, String path) {
    this.title = title;
    this.launch = launch;
    this.port = port;
    this.path = path;
  }

  /** {@link HelloApp}, timed from the JVM's start to its exit. */
  public static StartupApp hello(String classPath) {
    return new StartupApp(
        "hello world (to exit)", List.of("-cp", classPath, HelloApp.class.getName()), null, "");
  }

  /** {@link JettyApp}: embedded Jetty 12 with one servlet. */
  public static StartupApp jetty(String classPath) {
    return new StartupApp(
        "Jetty (to first response)",
        List.of("-cp", classPath, JettyApp.class.getName()),
        Pattern.compile("^port (\\d+)"),
        "/hello");
  }

  /** The agent tests' Quarkus 3 application, run from its fast-jar as in production. */
  public static StartupApp quarkus(Path target) {
    return new StartupApp(
        "Quarkus 3 (to first response)",
        List.of("-jar", target.resolve("quarkus-app").resolve("quarkus-run.jar").toString()),
        Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)"),
        "/ok");
  }

  /** The agent tests' Dropwizard 5 application, from its classes and class path. */
  public static StartupApp dropwizard(Path target) throws IOException {
    List<String> launch = new ArrayList<>();
    launch.add("-cp");
    launch.add(
        target.resolve("classes")
            + File.pathSeparator
            + Files.readString(target.resolve("application.classpath")).trim());
    launch.add("com.example.shop.ShopApplication");
    launch.add("server");
    launch.add(target.resolve("classes").resolve("shop.yml").toString());
    return new StartupApp(
        "Dropwizard 5 (to first response)", launch, Pattern.compile("^port=(\\d+)"), "/ok");
  }

  public String title() {
    return title;
  }

  /** What follows the JVM's options on the command line. */
  public List<String> launch() {
    return launch;
  }

  /** The pattern of the output line whose first group is the port, or null for a hello world. */
  public @Nullable Pattern port() {
    return port;
  }

  /** The path asked once the application listens. */
  public String path() {
    return path;
  }

  @Override
  public String toString() {
    return title;
  }
}
