package io.sentryj.agent.instrumentation.executor;

import io.sentryj.Sentry;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Wraps tasks handed to other threads so that they run with a fork of the submitting thread's
 * scopes (through the core's context carrier, as {@link Sentry#wrapRunnable} does).
 *
 * <p>A task at the top of a thread (a thread's target, a task given to {@code execute}) also hands
 * what it throws to {@code onThrow} before the throwable leaves it: the thread's uncaught-exception
 * handler runs only after the task's scopes were closed, so that is the last moment an event can
 * carry them.
 */
public final class TaskCarrier {
  /**
   * The target of a thread pool's worker thread: not carried, since each of its tasks carries its
   * own scopes, and the worker would otherwise keep those of the thread that happened to start it
   * for as long as it lives.
   */
  private static final String POOL_WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";

  private final @Nullable Consumer<Throwable> onThrow;

  /** A carrier; {@code onThrow} hears of what top-level tasks throw, or is null. */
  public TaskCarrier(@Nullable Consumer<Throwable> onThrow) {
    this.onThrow = onThrow;
  }

  /** The task, carrying the caller's scopes; unchanged when the SDK is not running. */
  public Runnable carry(Runnable task, boolean topLevel) {
    if (task instanceof CarriedRunnable
        || !Sentry.isEnabled()
        || task.getClass().getName().equals(POOL_WORKER)) {
      return task;
    }
    Consumer<Throwable> listener = onThrow;
    Runnable inner = topLevel && listener != null ? new ThrowListener(task, listener) : task;
    return new CarriedRunnable(Sentry.wrapRunnable(inner), task);
  }

  /** The task, carrying the caller's scopes; unchanged when the SDK is not running. */
  public <V> Callable<V> carry(Callable<V> task) {
    return Sentry.isEnabled() ? Sentry.wrapCallable(task) : task;
  }

  @Override
  public String toString() {
    return "TaskCarrier{onThrow=" + onThrow + '}';
  }

  /** Marks a task carried already, so that a constructor chain wraps it once. */
  private static final class CarriedRunnable implements Runnable {
    private final Runnable scoped;
    private final Runnable original;

    CarriedRunnable(Runnable scoped, Runnable original) {
      this.scoped = scoped;
      this.original = original;
    }

    @Override
    public void run() {
      scoped.run();
    }

    @Override
    public String toString() {
      return original.toString();
    }
  }

  private static final class ThrowListener implements Runnable {
    private final Runnable task;
    private final Consumer<Throwable> listener;

    ThrowListener(Runnable task, Consumer<Throwable> listener) {
      this.task = task;
      this.listener = listener;
    }

    @Override
    public void run() {
      try {
        task.run();
      } catch (Throwable t) {
        try {
          listener.accept(t);
        } catch (Throwable ignored) {
          // the application's throwable matters, not ours
        }
        throw t;
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }
}
