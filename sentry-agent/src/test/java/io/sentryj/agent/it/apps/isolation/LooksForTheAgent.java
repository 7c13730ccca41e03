package io.sentryj.agent.it.apps.isolation;

/**
 * An application that looks for the agent's classes through its own class loader, prints what it
 * found, then dies of an exception for the agent to capture.
 */
public final class LooksForTheAgent {
  private LooksForTheAgent() {}

  public static void main(String[] args) {
    ClassLoader own = LooksForTheAgent.class.getClassLoader();
    for (String name : args) {
      try {
        Class.forName(name, false, own);
        System.out.println("visible: " + name);
      } catch (ClassNotFoundException e) {
        System.out.println("hidden: " + name);
      }
    }
    throw new IllegalStateException("looked for " + args.length + " classes");
  }
}
