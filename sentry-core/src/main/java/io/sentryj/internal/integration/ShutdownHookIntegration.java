package io.sentryj.internal.integration;

import io.sentryj.internal.pipeline.SentryClient;

/** Closes the SDK when the JVM shuts down, within {@code shutdownTimeoutMillis}. */
public final class ShutdownHookIntegration {
  private final Thread hook;

  private ShutdownHookIntegration(Thread hook) {
    this.hook = hook;
  }

  /** Registers the hook. */
  public static ShutdownHookIntegration install(SentryClient client) {
    Thread hook =
        new Thread(
            () -> client.close(client.options().shutdownTimeoutMillis()), "sentryj-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownHookIntegration(hook);
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
