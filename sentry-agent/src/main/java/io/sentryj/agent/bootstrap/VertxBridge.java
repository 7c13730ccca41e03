package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What code woven into a Vert.x Web server's failure handling calls (Quarkus's error handler,
 * Vert.x Web's handling of a failure no handler took), with the request's {@code RoutingContext}:
 * what the framework logs there runs in a scope of its own that carries the request's data. On the
 * bootstrap class path, so that every application class loader sees it; the context passes as an
 * {@link Object}. Each {@link #enter} is followed by its {@link #exit} on the same thread; one
 * nested in another (an error handler that fails in turn) changes nothing.
 */
public final class VertxBridge {
  private static final ThreadLocal<ThreadStack> ENTERED = ThreadStack.perThread();
  private static volatile @Nullable Hooks hooks;

  private VertxBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /** Called as the framework starts to handle a request's failure. */
  public static void enter(@Nullable Object routingContext) {
    ThreadStack entered = ENTERED.get();
    Hooks h = hooks;
    Object scope = null;
    if (h != null && routingContext != null && entered.peek() == null) {
      try {
        scope = h.enter(routingContext);
      } catch (Throwable t) {
        // the application's failure handling goes on without the request's data
      }
    }
    entered.push(scope);
  }

  /** Called as what {@link #enter} entered returns or throws. */
  public static void exit() {
    Object scope = ENTERED.get().pop();
    Hooks h = hooks;
    if (h != null && scope != null) {
      try {
        h.exit(scope);
      } catch (Throwable t) {
        // the application's outcome matters, not ours
      }
    }
  }

  @Override
  public String toString() {
    return "VertxBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge. */
  public interface Hooks {
    /** Starts a scope with the request's data; null when there is nothing to end. */
    @Nullable Object enter(Object routingContext);

    /** Ends what {@link #enter} started. */
    void exit(Object scope);
  }
}
