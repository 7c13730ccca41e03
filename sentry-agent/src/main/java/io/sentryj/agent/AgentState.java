package io.sentryj.agent;

import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What the agent in a JVM is doing, kept in that JVM's system property {@value #PROPERTY}, so that
 * {@code attach} can read it through the Attach API before it loads the agent again (which the
 * target would ignore) and after (to say whether it started). Values: {@code starting}, {@code
 * running}, {@code idle: ...} (it changed nothing: no DSN, or invalid options; a later {@code
 * attach} may start it) and {@code failed: ...} (it failed half-way).
 */
final class AgentState {
  static final String PROPERTY = "sentryj.agent.state";
  static final String STARTING = "starting";
  static final String RUNNING = "running";

  /** The start of the states in which the agent changed nothing, so that it may start later. */
  static final String IDLE = "idle: ";

  private AgentState() {}

  static void set(String state) {
    try {
      System.setProperty(PROPERTY, state);
    } catch (RuntimeException e) { // SecurityException: attach then cannot tell, nothing more
      // nothing to do
    }
  }

  /** The state in another JVM's system properties, or null when no agent ever started there. */
  static @Nullable String of(Properties systemProperties) {
    return systemProperties.getProperty(PROPERTY);
  }

  /** Whether an agent in this state leaves room for another start. */
  static boolean mayStart(@Nullable String state) {
    return state == null || state.startsWith(IDLE);
  }
}
