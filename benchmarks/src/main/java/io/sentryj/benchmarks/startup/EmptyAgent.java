package io.sentryj.benchmarks.startup;

import java.lang.instrument.Instrumentation;

/**
 * An agent that does nothing: what the JVM itself charges for {@code -javaagent:}, the floor under
 * any agent's start-up cost.
 */
public final class EmptyAgent {
  private EmptyAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {
    // nothing: the JVM's own cost of loading an agent is what is measured
  }
}
