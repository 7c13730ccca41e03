package io.sentryj.internal.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries the submitting thread's scopes into tasks run on other threads. The scopes are forked
 * when the task is wrapped, so the task sees the breadcrumbs and tags of its submitter at that
 * moment, and what the task adds stays with the task.
 */
public final class ContextCarrier {
  private ContextCarrier() {}

  /** A runnable that runs {@code task} with a fork of the caller's scopes. */
  public static Runnable wrap(ScopeStorage storage, Runnable task) {
    if (task instanceof CarryingRunnable) {
      return task;
    }
    return new CarryingRunnable(storage, storage.current().forkForTask(), task);
  }

  /** A callable that runs {@code task} with a fork of the caller's scopes. */
  public static <V> Callable<V> wrap(ScopeStorage storage, Callable<V> task) {
    Scopes scopes = storage.current().forkForTask();
    return () -> {
      try (ScopeStorage.Token ignored = storage.set(scopes)) {
        return task.call();
      }
    };
  }

  /** An executor whose tasks carry their submitter's scopes. */
  public static Executor wrap(ScopeStorage storage, Executor executor) {
    return command -> executor.execute(wrap(storage, command));
  }

  /** An executor service whose tasks carry their submitter's scopes. */
  public static ExecutorService wrap(ScopeStorage storage, ExecutorService executor) {
    return new CarryingExecutorService(storage, executor);
  }

  private static final class CarryingRunnable implements Runnable {
    private final ScopeStorage storage;
    private final Scopes scopes;
    private final Runnable task;

    CarryingRunnable(ScopeStorage storage, Scopes scopes, Runnable task) {
      this.storage = storage;
      this.scopes = scopes;
      this.task = task;
    }

    @Override
    public void run() {
      try (ScopeStorage.Token ignored = storage.set(scopes)) {
        task.run();
      }
    }

    @Override
    public String toString() {
      return "CarryingRunnable{" + task + '}';
    }
  }

  private static final class CarryingExecutorService implements ExecutorService {
    private final ScopeStorage storage;
    private final ExecutorService delegate;

    CarryingExecutorService(ScopeStorage storage, ExecutorService delegate) {
      this.storage = storage;
      this.delegate = delegate;
    }

    private <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
      List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        wrapped.add(wrap(storage, task));
      }
      return wrapped;
    }

    @Override
    public void execute(Runnable command) {
      delegate.execute(wrap(storage, command));
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
      return delegate.submit(wrap(storage, task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
      return delegate.submit(wrap(storage, task), result);
    }

    @Override
    public Future<?> submit(Runnable task) {
      return delegate.submit(wrap(storage, task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
        throws InterruptedException {
      return delegate.invokeAll(wrapAll(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(
        Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException {
      return delegate.invokeAll(wrapAll(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
        throws InterruptedException, ExecutionException {
      return delegate.invokeAny(wrapAll(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return delegate.invokeAny(wrapAll(tasks), timeout, unit);
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
      return "CarryingExecutorService{" + delegate + '}';
    }
  }
}
