package io.sentryj.agent;

import java.lang.instrument.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link SentryAgent} hands over, inside the agent's own class loader: parses the arguments
 * and runs the installer. Never throws: a failure is one line on standard error.
 */
public final class AgentStart {
  private AgentStart() {}

  /**
   * Called reflectively by {@link SentryAgent} for {@code premain} and {@code agentmain}. Returns
   * whether the agent started or changed anything; when not, a later start may try again.
   */
  public static boolean start(
      @Nullable String args, Instrumentation instrumentation, boolean attached) {
    AgentInstaller installer = new AgentInstaller(instrumentation, attached);
    try {
      return installer.install(AgentArgs.parse(args));
    } catch (Throwable t) {
      boolean begun = installer.begun();
      AgentState.set((begun ? "failed: " : AgentState.IDLE + "could not start: ") + t);
      AgentInstaller.printLine("could not start, the application runs without it: " + t);
      return begun;
    }
  }
}
