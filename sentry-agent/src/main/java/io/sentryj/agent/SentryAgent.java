package io.sentryj.agent;

import java.lang.instrument.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * The agent's entry points: {@code -javaagent:sentry-agent.jar[=key=value,...]} at start-up, and
 * {@code sentry-agent.jar attach <pid>} into a running JVM. Nothing here ever throws into the
 * application: a failure is one line on standard error.
 */
public final class SentryAgent {
  private static final Object LOCK = new Object();
  private static boolean started;

  private SentryAgent() {}

  /** Called by the JVM before {@code main} for {@code -javaagent:}. */
  public static void premain(@Nullable String args, Instrumentation instrumentation) {
    start(args, instrumentation, false);
  }

  /** Called by the JVM when the agent is loaded into a running JVM. */
  public static void agentmain(@Nullable String args, Instrumentation instrumentation) {
    start(args, instrumentation, true);
  }

  private static void start(
      @Nullable String args, Instrumentation instrumentation, boolean attached) {
    try {
      synchronized (LOCK) {
        if (started) {
          AgentInstaller.printLine("already running in this JVM; ignoring a second start");
          return;
        }
        started = true;
      }
      new AgentInstaller(instrumentation, attached).install(AgentArgs.parse(args));
    } catch (Throwable t) {
      AgentInstaller.printLine("could not start, the application runs without it: " + t);
    }
  }
}
