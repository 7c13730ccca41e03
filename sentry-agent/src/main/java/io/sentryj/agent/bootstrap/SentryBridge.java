package io.sentryj.agent.bootstrap;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * What advice inlined into JDK classes calls. Loaded by the bootstrap class loader, since code in
 * {@code java.lang.Thread} or {@code java.util.concurrent} sees nothing else; it knows no SDK type
 * and only forwards to the {@link Hooks} the agent installs from its own class loader.
 *
 * <p>Until hooks are installed, and while a thread is already inside a hook (a hook that starts a
 * thread or submits a task), every method returns its argument unchanged. A hook that throws is
 * treated the same way: the application's call goes on with what it passed.
 */
public final class SentryBridge {
  private static final ThreadLocal<boolean[]> BUSY = new BusyFlag();
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
   * Called as a thread is constructed, with its constructor's arguments: the thread will run with
   * the constructing thread's scopes if its target is a task of the application's (see {@link
   * #enterThread}).
   */
  public static void threadCreated(Object thread, @Nullable Object[] arguments) {
    Hooks h = hooks;
    if (h == null) {
      return;
    }
    Runnable target = null;
    for (Object argument : arguments) {
      if (argument instanceof Runnable) {
        target = (Runnable) argument;
        break;
      }
    }
    if (target == null) {
      return;
    }
    boolean[] busy = claim();
    if (busy == null) {
      return;
    }
    try {
      h.threadCreated(thread, target);
    } catch (Throwable t) {
      // the thread runs as it would without the agent
    } finally {
      busy[0] = false;
    }
  }

  /**
   * Called as a thread starts to run its target: makes the scopes it was given at construction
   * current, and returns what {@link #exit} needs, or null.
   */
  public static @Nullable Object enterThread(Object thread) {
    return enter(thread, true);
  }

  /**
   * Called as a fork/join task starts to run: makes the scopes of the thread that forked it
   * current, and returns what {@link #exit} needs, or null.
   */
  public static @Nullable Object enterTask(Object task) {
    return enter(task, false);
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

  /**
   * Called as what {@link #enterThread} or {@link #enterTask} entered ends, with what it threw:
   * hands a thread's throwable to the SDK while its scopes are current, then restores the previous
   * scopes.
   */
  public static void exit(Object entered, @Nullable Throwable thrown) {
    Hooks h = hooks;
    if (h == null) {
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
