package io.sentryj.internal.integration;

/**
 * Closes the SDK when the JVM shuts down, within {@code shutdownTimeoutMillis}: what is queued is
 * delivered if Sentry answers in time, and otherwise left in the outbox for the next start.
 */
public final class ShutdownHookIntegration {
  private final Thread hook;

  private ShutdownHookIntegration(Thread hook) {
    this.hook = hook;
  }

  /** Registers a hook that runs {@code close} when the JVM shuts down. */
  public static ShutdownHookIntegration install(Runnable close) {
    Thread hook = new Thread(() -> closeQuietly(close), "sentryj-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownHookIntegration(hook);
  }

  /**
   * Runs {@code close}, never letting an error escape into the JVM's exit: for one, the web
   * application whose SDK this is may be gone, its classes no longer loadable.
   */
  private static void closeQuietly(Runnable close) {
    try {
      close.run();
    } catch (Throwable t) {
      // the JVM is ending: there is no one left to tell
    }
  }

  /** The hook's thread, which the JVM starts at exit. */
  public Thread thread() {
    return hook;
  }

  /** Removes the hook, unless the JVM is already shutting down. */
  public void uninstall() {
    if (Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or has run; nothing to remove
    }
  }

  @Override
  public String toString() {
    return "ShutdownHookIntegration";
  }
}
