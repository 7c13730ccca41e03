package io.sentryj.agent;

import io.sentryj.agent.bootstrap.SentryBridge;
import io.sentryj.agent.instrumentation.executor.TaskCarrier;
import io.sentryj.agent.instrumentation.uncaught.UncaughtCapture;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link SentryBridge}: forwards to the instrumentations' plain code. A
 * class of its own, loaded only once the bridge is on the bootstrap class path, so that the bridge
 * is never loaded from the agent's jar by the application class loader.
 */
final class AgentHooks implements SentryBridge.Hooks {
  private final @Nullable TaskCarrier carrier;
  private final @Nullable UncaughtCapture uncaught;

  private AgentHooks(@Nullable TaskCarrier carrier, @Nullable UncaughtCapture uncaught) {
    this.carrier = carrier;
    this.uncaught = uncaught;
  }

  static void install(@Nullable TaskCarrier carrier, @Nullable UncaughtCapture uncaught) {
    SentryBridge.install(new AgentHooks(carrier, uncaught));
  }

  /** Whether the bridge the advice calls is the bootstrap class path's one. */
  static boolean bridgeOnBootstrapPath() {
    return SentryBridge.class.getClassLoader() == null;
  }

  @Override
  public Runnable carry(Runnable task, boolean topLevel) {
    TaskCarrier c = carrier;
    return c == null ? task : c.carry(task, topLevel);
  }

  @Override
  public <V> Callable<V> carry(Callable<V> task) {
    TaskCarrier c = carrier;
    return c == null ? task : c.carry(task);
  }

  @Override
  public void threadCreated(Object thread, Runnable target) {
    TaskCarrier c = carrier;
    if (c != null) {
      c.threadCreated(thread, target);
    }
  }

  @Override
  public @Nullable Object enterThread(Object thread) {
    TaskCarrier c = carrier;
    return c == null ? null : c.enterThread(thread);
  }

  @Override
  public @Nullable Object enterTask(Object task) {
    TaskCarrier c = carrier;
    return c == null ? null : c.enterTask(task);
  }

  @Override
  public void exit(Object entered, @Nullable Throwable thrown) {
    TaskCarrier c = carrier;
    if (c != null) {
      c.exit(entered, thrown);
    }
  }

  @Override
  public void forked(Object task) {
    TaskCarrier c = carrier;
    if (c != null) {
      c.forked(task);
    }
  }

  @Override
  public void fatal(Throwable failure) {
    UncaughtCapture u = uncaught;
    if (u != null) {
      u.captureFatal(failure);
    }
  }

  @Override
  public Thread.@Nullable UncaughtExceptionHandler defaultHandler(
      Thread.@Nullable UncaughtExceptionHandler requested) {
    UncaughtCapture u = uncaught;
    return u == null ? requested : u.inFrontOf(requested);
  }

  @Override
  public String toString() {
    return "AgentHooks{carrier=" + carrier + ", uncaught=" + uncaught + '}';
  }
}
