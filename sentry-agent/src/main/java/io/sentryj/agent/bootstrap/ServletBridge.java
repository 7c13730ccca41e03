package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What servlet advice calls (now inlined into {@code javax.servlet.http.HttpServlet} and {@code
 * jakarta.servlet.http.HttpServlet}; any entry with a request and a response in hand, such as a
 * filter chain, can call it the same way): on the bootstrap class path, so that every web
 * application's class loader sees it. It knows no servlet or SDK type: requests and responses pass
 * as {@link Object}, and the agent's {@link Hooks} hand them to the servlet module's typed code.
 * Entries nest: each {@link #enter} that returned non-null is followed by its {@link #exit} on the
 * same thread, innermost first.
 *
 * <p>Until hooks are installed, and while a thread is inside a hook, {@link #enter} returns null
 * and the request goes on untouched; a hook that throws is treated the same way.
 */
public final class ServletBridge {
  private static final ThreadLocal<boolean[]> BUSY = new BusyFlag();
  private static volatile @Nullable Hooks hooks;

  private ServletBridge() {}

  /** Installs the agent's hooks; later calls replace them. */
  public static void install(@Nullable Hooks newHooks) {
    hooks = newHooks;
  }

  /**
   * Called as a servlet starts to serve a request: returns what {@link #exit} needs to end it, or
   * null when there is nothing to end.
   */
  public static @Nullable Object enter(@Nullable Object request, @Nullable Object response) {
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
      return h.enter(request, response);
    } catch (Throwable t) {
      return null;
    } finally {
      busy[0] = false;
    }
  }

  /**
   * Called as the servlet returns or throws, with what {@link #enter} returned (never null) and
   * what it threw, if anything.
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

  @Override
  public String toString() {
    return "ServletBridge{hooks=" + hooks + '}';
  }

  /** What the agent does behind the bridge. */
  public interface Hooks {
    /** Starts (or re-enters) the request's scope; null when there is nothing to end. */
    @Nullable Object enter(Object request, Object response);

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
