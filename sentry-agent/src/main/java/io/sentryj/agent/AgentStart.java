package io.sentryj.agent;

import java.lang.instrument.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link SentryAgent} hands over, inside the agent's own class loader: parses the arguments
 * and runs the installer. Never throws: a failure is one line on standard error.
 */
public final class AgentStart {
  private AgentStart() {}

  /** Called reflectively by {@link SentryAgent} for {@code premain} and {@code agentmain}. */
  public static void start(
      @Nullable String args, Instrumentation instrumentation, boolean attached) {
    try {
      new AgentInstaller(instrumentation, attached).install(AgentArgs.parse(args));
    } catch (Throwable t) {
      AgentInstaller.printLine("could not start, the application runs without it: " + t);
    }
  }
}
