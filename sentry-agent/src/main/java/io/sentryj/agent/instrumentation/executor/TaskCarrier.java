package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.instrumentation.WeakIdentityMap;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.internal.scope.Scopes;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Carries the scopes of a unit of work (a request, {@code Sentry.pushIsolationScope}, a task that
 * carries them already) into the work it hands to other threads; work handed over outside any unit
 * of work runs as it would without the agent.
 *
 * <ul>
 *   <li>A task given to an executor is wrapped, and runs in a fork of the submitter's scopes: the
 *       one frame of the agent's this adds is left out of events.
 *   <li>A new thread, and a fork/join task (forked, handed to a pool, a parallel stream's part, a
 *       {@code CompletableFuture}'s step), is not wrapped: the scopes are kept beside it and made
 *       current by advice inlined where it starts to run, so no frame of the agent's appears in any
 *       stack. A thread runs in a fork of its creator's scopes; a fork/join task in the forking
 *       thread's scopes themselves, since it is a part of the work that joins it.
 *   <li>A pool's own worker thread is never carried: it runs the tasks of many units of work, each
 *       with its own scopes, and would otherwise keep those of the one that happened to start it
 *       for as long as it lives. A worker is told by its target (the JDK's, Tomcat's, Jetty's,
 *       Netty's) or by being made in a thread factory ({@code newThread} on the stack).
 * </ul>
 *
 * <p>A task at the top of a thread (a thread's target, a task given to {@code execute}) hands what
 * it throws to {@code onThrow} before the throwable leaves it: the thread's uncaught-exception
 * handler runs only after the task's scopes were closed, so that is the last moment an event can
 * carry them.
 */
public final class TaskCarrier {
  /** Targets of pool threads that a thread factory could make without {@code newThread}. */
  private static final Set<String> POOL_WORKERS =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "java.util.concurrent.ThreadPoolExecutor$Worker",
                  "java.util.concurrent.ThreadPerTaskExecutor$TaskRunner",
                  "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable",
                  "org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker",
                  "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner",
                  "io.netty.util.concurrent.FastThreadLocalRunnable",
                  "org.jboss.threads.EnhancedQueueExecutor$ThreadBody")));

  /** How far up a thread's construction a thread factory's {@code newThread} is looked for. */
  private static final int FACTORY_FRAMES = 24;

  /** Bounds the scopes kept for threads and tasks that were made but never ran. */
  private static final int MAX_WAITING = 100_000;

  private final @Nullable Consumer<Throwable> onThrow;
  private final WeakIdentityMap<Object, Carried> threads = new WeakIdentityMap<>(MAX_WAITING);
  private final WeakIdentityMap<Object, Carried> tasks = new WeakIdentityMap<>(MAX_WAITING);

  /** A carrier; {@code onThrow} hears of what top-level tasks throw, or is null. */
  public TaskCarrier(@Nullable Consumer<Throwable> onThrow) {
    this.onThrow = onThrow;
  }

  /** The task, carrying the caller's unit of work; unchanged outside one. */
  public Runnable carry(Runnable task, boolean topLevel) {
    if (task instanceof CarriedRunnable) {
      return task;
    }
    ScopeStorage storage = storageInUnitOfWork();
    if (storage == null) {
      return task;
    }
    Consumer<Throwable> listener = topLevel ? onThrow : null;
    return new CarriedRunnable(storage, storage.current().forkForTask(), task, listener);
  }

  /** The task, carrying the caller's unit of work; unchanged outside one. */
  public <V> Callable<V> carry(Callable<V> task) {
    if (task instanceof CarriedCallable) {
      return task;
    }
    ScopeStorage storage = storageInUnitOfWork();
    return storage == null
        ? task
        : new CarriedCallable<>(storage, storage.current().forkForTask(), task);
  }

  /** A thread with this target was constructed: unless it is a pool's, it will carry. */
  public void threadCreated(Object thread, Runnable target) {
    if (target instanceof CarriedRunnable) {
      return; // its task carries its own
    }
    ScopeStorage storage = storageInUnitOfWork();
    if (storage == null
        || threads.get(thread) != null // an outer constructor of the same thread
        || POOL_WORKERS.contains(target.getClass().getName())
        || madeByThreadFactory()) {
      return;
    }
    threads.put(thread, new Carried(storage, storage.current().forkForTask()));
  }

  /** A fork/join task was forked or handed to a pool: it will run in the caller's scopes. */
  public void forked(Object task) {
    ScopeStorage storage = storageInUnitOfWork();
    if (storage != null) {
      tasks.put(task, new Carried(storage, storage.current()));
    }
  }

  /** The thread starts its target: what it carries is made current. */
  public @Nullable Object enterThread(Object thread) {
    return enter(threads, thread, onThrow);
  }

  /** The fork/join task starts: what it carries is made current. */
  public @Nullable Object enterTask(Object task) {
    return enter(tasks, task, null);
  }

  private static @Nullable Object enter(
      WeakIdentityMap<Object, Carried> waiting,
      Object work,
      @Nullable Consumer<Throwable> listener) {
    if (waiting.isEmpty()) {
      return null; // the usual case outside requests: the key is not even hashed
    }
    Carried carried = waiting.remove(work);
    return carried == null ? null : new Entered(carried.storage.set(carried.scopes), listener);
  }

  /** What {@link #enterThread} or {@link #enterTask} entered ends. */
  public void exit(Object entered, @Nullable Throwable thrown) {
    Entered e = (Entered) entered;
    try {
      if (thrown != null) {
        handOver(e.onThrow, thrown);
      }
    } finally {
      e.token.close();
    }
  }

  /** The running SDK's scope storage, if the calling thread is in a unit of work; else null. */
  private static @Nullable ScopeStorage storageInUnitOfWork() {
    SentryClient client = SentryRuntime.currentClient();
    if (client == null) {
      return null;
    }
    ScopeStorage storage = client.storage();
    return storage.current() == storage.root() ? null : storage;
  }

  /** Whether the thread under construction is made by a thread factory: a pool's, then. */
  private static boolean madeByThreadFactory() {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    int end = Math.min(stack.length, FACTORY_FRAMES);
    for (int i = 0; i < end; i++) {
      if ("newThread".equals(stack[i].getMethodName())) {
        return true;
      }
    }
    return false;
  }

  private static void handOver(@Nullable Consumer<Throwable> listener, Throwable thrown) {
    if (listener != null) {
      try {
        listener.accept(thrown);
      } catch (Throwable ignored) {
        // the application's throwable matters, not ours
      }
    }
  }

  @Override
  public String toString() {
    return "TaskCarrier{threads=" + threads.size() + ", tasks=" + tasks.size() + '}';
  }

  /** The scopes a thread or a fork/join task will run in, and the storage they belong to. */
  private static final class Carried {
    final ScopeStorage storage;
    final Scopes scopes;

    Carried(ScopeStorage storage, Scopes scopes) {
      this.storage = storage;
      this.scopes = scopes;
    }
  }

  /** A thread or fork/join task running in what it carried. */
  private static final class Entered {
    final ScopeStorage.Token token;
    final @Nullable Consumer<Throwable> onThrow;

    Entered(ScopeStorage.Token token, @Nullable Consumer<Throwable> onThrow) {
      this.token = token;
      this.onThrow = onThrow;
    }
  }

  /** A task given to an executor, running in a fork of its submitter's scopes. */
  private static final class CarriedRunnable implements Runnable {
    private final ScopeStorage storage;
    private final Scopes scopes;
    private final Runnable task;
    private final @Nullable Consumer<Throwable> onThrow;

    CarriedRunnable(
        ScopeStorage storage, Scopes scopes, Runnable task, @Nullable Consumer<Throwable> onThrow) {
      this.storage = storage;
      this.scopes = scopes;
      this.task = task;
      this.onThrow = onThrow;
    }

    @Override
    public void run() {
      ScopeStorage.Token token = storage.set(scopes);
      try {
        task.run();
      } catch (Throwable t) {
        handOver(onThrow, t);
        throw t;
      } finally {
        token.close();
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }

  /** A callable given to an executor, running in a fork of its submitter's scopes. */
  private static final class CarriedCallable<V> implements Callable<V> {
    private final ScopeStorage storage;
    private final Scopes scopes;
    private final Callable<V> task;

    CarriedCallable(ScopeStorage storage, Scopes scopes, Callable<V> task) {
      this.storage = storage;
      this.scopes = scopes;
      this.task = task;
    }

    @Override
    public V call() throws Exception {
      ScopeStorage.Token token = storage.set(scopes);
      try {
        return task.call();
      } finally {
        token.close();
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }
}
