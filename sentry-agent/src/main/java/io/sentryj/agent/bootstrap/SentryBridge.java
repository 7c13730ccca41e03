package io.sentryj.agent.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RunnableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What code woven into JDK classes calls. Loaded by the bootstrap class loader, since code in
 * {@code java.lang.Thread} or {@code java.util.concurrent} sees nothing else; it knows no SDK type
 * and only forwards to the {@link Hooks} the agent installs from its own class loader.
 *
 * <p>Until hooks are installed, and while a thread is already inside a hook (a hook that starts a
 * thread or submits a task), every method returns its argument unchanged. A hook that throws is
 * treated the same way: the application's call goes on with what it passed.
 */
public final class SentryBridge {
  private static final ThreadLocal<boolean[]> BUSY = new BusyFlag();
  private static final ThreadLocal<ThreadStack> ENTERED = ThreadStack.perThread();
  private static volatile @Nullable Hooks hooks;

  private SentryBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /**
   * Wraps a task to run with the caller's scopes.
   *
   * @param topLevel whether the task runs at the top of a thread (a thread's target, a pool
   *     worker's task), so that what it throws ends the thread
   */
  public static Runnable carry(Runnable task, boolean topLevel) {
    Hooks h = hooks;
    if (h == null || task == null) {
      return task;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return task;
    }
    try {
      return h.carry(task, topLevel);
    } catch (Throwable t) {
      return task;
    } finally {
      busy[0] = false;
    }
  }

  /**
   * A task given to a pool's {@code execute}: a fork/join task handed to a {@code ForkJoinPool}
   * runs in the caller's scopes themselves ({@link #forked}); a future (from {@code submit}, which
   * carried it already) passes as it is; any other task is wrapped to run in a fork of them.
   */
  public static Runnable execute(@Nullable Object pool, Runnable task) {
    if (task instanceof ForkJoinTask && pool instanceof ForkJoinPool) {
      forked(task);
      return task;
    }
    return task instanceof RunnableFuture ? task : carry(task, true);
  }

  /** Wraps a task to run with the caller's scopes. */
  public static <V> Callable<V> carry(Callable<V> task) {
    Hooks h = hooks;
    if (h == null || task == null) {
      return task;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return task;
    }
    try {
      return h.carry(task);
    } catch (Throwable t) {
      return task;
    } finally {
      busy[0] = false;
    }
  }

  /**
   * Called as a thread's constructor returns, with its target (null for none): the thread will run
   * with the constructing thread's scopes if its target is a task of the application's (see {@link
   * #enterThread}).
   */
  public static void threadCreated(Object thread, @Nullable Object target) {
    Hooks h = hooks;
    if (h == null || !(target instanceof Runnable)) {
      return;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return;
    }
    try {
      h.threadCreated(thread, (Runnable) target);
    } catch (Throwable t) {
      // the thread runs as it would without the agent
    } finally {
      busy[0] = false;
    }
  }

  /**
   * Called as a thread starts to run its target: makes the scopes it was given at construction
   * current until {@link #exitThread}.
   */
  public static void enterThread(Object thread) {
    ENTERED.get().push(enter(thread, true));
  }

  /**
   * Called as the thread's {@code run} ends, with what it threw: hands the throwable to the SDK
   * while the thread's scopes are current, then restores the previous scopes.
   */
  public static void exitThread(@Nullable Throwable thrown) {
    exit(ENTERED.get().pop(), thrown);
  }

  /**
   * Called as a fork/join task starts to run: makes the scopes of the thread that forked it current
   * until {@link #exitTask}.
   */
  public static void enterTask(Object task) {
    ENTERED.get().push(enter(task, false));
  }

  /** Called as the fork/join task's run ends: restores the previous scopes. */
  public static void exitTask() {
    exit(ENTERED.get().pop(), null);
  }

  private static @Nullable Object enter(Object work, boolean thread) {
    Hooks h = hooks;
    if (h == null) {
      return null;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return null;
    }
    try {
      return thread ? h.enterThread(work) : h.enterTask(work);
    } catch (Throwable t) {
      return null;
    } finally {
      busy[0] = false;
    }
  }

  private static void exit(@Nullable Object entered, @Nullable Throwable thrown) {
    Hooks h = hooks;
    if (h == null || entered == null) {
      return;
    }
    boolean[] busy = BUSY.get();
    boolean outer = !busy[0];
    busy[0] = true;
    try {
      h.exit(entered, thrown);
    } catch (Throwable t) {
      // the application's outcome matters, not ours
    } finally {
      if (outer) {
        busy[0] = false;
      }
    }
  }

  /**
   * Called as a fork/join task is forked or handed to a pool: it will run with the calling thread's
   * scopes (see {@link #enterTask}).
   */
  public static void forked(@Nullable Object task) {
    Hooks h = hooks;
    if (h == null || task == null) {
      return;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return;
    }
    try {
      h.forked(task);
    } catch (Throwable t) {
      // the task runs as it would without the agent
    } finally {
      busy[0] = false;
    }
  }

  /**
   * The handler to install when the application sets a default uncaught exception handler: the
   * agent's in front of the application's, which it calls after capturing.
   */
  public static Thread.@Nullable UncaughtExceptionHandler defaultHandler(
      Thread.@Nullable UncaughtExceptionHandler requested) {
    Hooks h = hooks;
    if (h == null) {
      return requested;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return requested;
    }
    try {
      return h.defaultHandler(requested);
    } catch (Throwable t) {
      return requested;
    } finally {
      busy[0] = false;
    }
  }

  /**
   * A failure that ends the application (a Dropwizard command's fatal error): captured, unhandled,
   * before the application exits.
   */
  public static void fatal(@Nullable Throwable failure) {
    Hooks h = hooks;
    if (h == null || failure == null) {
      return;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return;
    }
    try {
      h.fatal(failure);
    } catch (Throwable t) {
      // the application exits as it would without the agent
    } finally {
      busy[0] = false;
    }
  }

  /** This thread's busy flag, now set, or null when the thread is inside a hook already. */
  private static boolean @Nullable [] claim() {
    boolean[] busy = BUSY.get();
    if (busy[0]) {
      return null;
    }
    busy[0] = true;
    return busy;
  }

  @Override
  public String toString() {
    return "SentryBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge. */
  public interface Hooks {
    /** The task, wrapped to run with the caller's scopes, or unchanged. */
    Runnable carry(Runnable task, boolean topLevel);

    /** The task, wrapped to run with the caller's scopes, or unchanged. */
    <V> Callable<V> carry(Callable<V> task);

    /** A thread with this target was constructed by the calling thread. */
    void threadCreated(Object thread, Runnable target);

    /** The thread starts its target: its scopes, made current, or null. */
    @Nullable Object enterThread(Object thread);

    /** The fork/join task starts: its scopes, made current, or null. */
    @Nullable Object enterTask(Object task);

    /** What was entered ends; a thread's throwable is captured first. */
    void exit(Object entered, @Nullable Throwable thrown);

    /** The fork/join task was forked or submitted by the calling thread. */
    void forked(Object task);

    /** Captures a failure that ends the application. */
    void fatal(Throwable failure);

    /** The handler to install instead of {@code requested}. */
    Thread.@Nullable UncaughtExceptionHandler defaultHandler(
        Thread.@Nullable UncaughtExceptionHandler requested);
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class BusyFlag extends ThreadLocal<boolean[]> {
    @Override
    protected boolean[] initialValue() {
      return new boolean[1];
    }
  }
}
