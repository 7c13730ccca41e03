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
    boolean[] busy = BUSY.get();
    if (busy[0]) {
      return task;
    }
    busy[0] = true;
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
    boolean[] busy = BUSY.get();
    if (busy[0]) {
      return task;
    }
    busy[0] = true;
    try {
      return h.carry(task);
    } catch (Throwable t) {
      return task;
    } finally {
      busy[0] = false;
    }
  }

  /**
   * Wraps every {@link Runnable} among a constructor's arguments (a thread's target), in place.
   * Only for parameters declared as {@code Runnable}, which any runnable wrapper can stand for.
   */
  public static @Nullable Object[] carryRunnables(@Nullable Object[] arguments) {
    if (hooks == null) {
      return arguments;
    }
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument instanceof Runnable) {
        arguments[i] = carry((Runnable) argument, true);
      }
    }
    return arguments;
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
    boolean[] busy = BUSY.get();
    if (busy[0]) {
      return requested;
    }
    busy[0] = true;
    try {
      return h.defaultHandler(requested);
    } catch (Throwable t) {
      return requested;
    } finally {
      busy[0] = false;
    }
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
