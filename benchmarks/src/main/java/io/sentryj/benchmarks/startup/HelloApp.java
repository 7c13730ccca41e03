package io.sentryj.benchmarks.startup;

/** The smallest application: its wall time is the JVM's start-up plus whatever an agent adds. */
public final class HelloApp {
  private HelloApp() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
