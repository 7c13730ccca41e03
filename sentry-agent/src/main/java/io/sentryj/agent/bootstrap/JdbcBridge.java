package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What code woven into JDBC drivers calls: {@code Connection.prepareStatement} and {@code
 * prepareCall} (to remember each statement's SQL) and the {@code execute} methods of statements. On
 * the bootstrap class path with JDK types only (the {@code java.sql} types are not visible from
 * there, so statements and connections pass as {@code Object}).
 *
 * <p>A per-thread depth counts the executions in progress, so that a pool's statement wrapping the
 * driver's yields one breadcrumb per execution. Nothing here ever throws.
 */
public final class JdbcBridge {
  private static final ThreadLocal<int[]> DEPTH = new Depth();
  private static final ThreadLocal<ThreadStack> ENTERED = ThreadStack.perThread();
  private static volatile @Nullable Hooks hooks;

  private JdbcBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /** A statement prepared from {@code sql}, which it will run. */
  public static void prepared(@Nullable Object statement, @Nullable Object sql) {
    Hooks h = hooks;
    if (h == null || statement == null || !(sql instanceof String)) {
      return;
    }
    try {
      h.prepared(statement, (String) sql);
    } catch (Throwable ignored) {
      // the statement works without it
    }
  }

  /**
   * Entering an {@code execute} method; {@code sql} is its first argument when that is the SQL,
   * else null. Returns the execution's state, or null when it is not recorded.
   */
  private static @Nullable Object before(Object statement, @Nullable Object sql) {
    int[] depth = DEPTH.get();
    depth[0]++;
    Hooks h = hooks;
    if (depth[0] != 1 || h == null) {
      return null;
    }
    try {
      return h.before(statement, sql instanceof String ? (String) sql : null);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Leaving an {@code execute} method, with what it threw. */
  private static void after(@Nullable Object state, @Nullable Throwable thrown) {
    try {
      Hooks h = hooks;
      if (state != null && h != null) {
        h.after(state, thrown);
      }
    } catch (Throwable ignored) {
      // the application's call goes on
    } finally {
      int[] depth = DEPTH.get();
      if (depth[0] > 0) {
        depth[0]--;
      }
    }
  }

  /**
   * Entering an {@code execute} method whose first argument is the SQL: begins the execution's
   * record until {@link #exit}.
   */
  public static void enter(Object statement, @Nullable Object sql) {
    ENTERED.get().push(before(statement, sql));
  }

  /** Entering an {@code execute} method of a prepared statement, without arguments. */
  public static void enterPrepared(Object statement) {
    ENTERED.get().push(before(statement, null));
  }

  /** Leaving an {@code execute} method, with what it threw. */
  public static void exit(@Nullable Throwable thrown) {
    after(ENTERED.get().pop(), thrown);
  }

  @Override
  public String toString() {
    return "JdbcBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge. */
  public interface Hooks {
    void prepared(Object statement, String sql);

    @Nullable Object before(Object statement, @Nullable String sql);

    void after(Object state, @Nullable Throwable thrown);
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class Depth extends ThreadLocal<int[]> {
    @Override
    protected int[] initialValue() {
      return new int[1];
    }
  }
}
