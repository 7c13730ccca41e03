package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What code woven into the places requests pass calls (a container's first filter chain or its
 * dispatch, and {@code HttpServlet.service} of both servlet APIs; any entry with a request and a
 * response in hand): on the bootstrap class path, so that every web application's class loader sees
 * it. It knows no servlet or SDK type: requests and responses pass as {@link Object}, and the
 * agent's {@link Hooks} hand them to the servlet module's typed code. Entries nest: each {@link
 * #enter} is followed by its {@link #exit} on the same thread, innermost first, and only the first
 * entry of a request starts its scope.
 *
 * <p>Until hooks are installed, and while a thread is inside a hook, {@link #enter} begins nothing
 * and the request goes on untouched; a hook that throws is treated the same way.
 */
public final class ServletBridge {
  private static final ThreadLocal<boolean[]> BUSY = new BusyFlag();
  private static final ThreadLocal<ThreadStack> ENTERED = ThreadStack.perThread();
  private static volatile @Nullable Hooks hooks;

  private ServletBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /**
   * Called as a request enters a servlet, a container's filter chain or its dispatch: starts or
   * re-enters the request's scope until the matching {@link #exit}.
   */
  public static void enter(@Nullable Object request, @Nullable Object response) {
    ThreadStack entered = ENTERED.get();
    entered.push(begin(entered.peek(), request, response));
  }

  private static @Nullable Object begin(
      @Nullable Object inside, @Nullable Object request, @Nullable Object response) {
    Hooks h = hooks;
    if (h == null || request == null || response == null) {
      return null;
    }
    boolean[] busy = BUSY.get();
    if (busy[0]) {
      return null;
    }
    busy[0] = true;
    try {
      // the container's chain, then the servlet: the scope is current already
      return inside != null && h.isFor(inside, request) ? null : h.enter(request, response);
    } catch (Throwable t) {
      return null;
    } finally {
      busy[0] = false;
    }
  }

  /** Called as what {@link #enter} entered returns or throws, with what it threw, if anything. */
  public static void exit(@Nullable Throwable thrown) {
    Object entered = ENTERED.get().pop();
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

  @Override
  public String toString() {
    return "ServletBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge. */
  public interface Hooks {
    /** Starts (or re-enters) the request's scope; null when there is nothing to end. */
    @Nullable Object enter(Object request, Object response);

    /** Whether what {@link #enter} started is for this very request object. */
    boolean isFor(Object entered, Object request);

    /** Ends what {@link #enter} started: captures {@code thrown}, closes the scope. */
    void exit(Object entered, @Nullable Throwable thrown);
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class BusyFlag extends ThreadLocal<boolean[]> {
    @Override
    protected boolean[] initialValue() {
      return new boolean[1];
    }
  }
}
