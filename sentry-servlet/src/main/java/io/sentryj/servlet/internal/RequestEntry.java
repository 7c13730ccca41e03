package io.sentryj.servlet.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a request enters code that sentryj watches: a filter's {@code doFilter}, a servlet's {@code
 * service}, a filter chain. Namespace-neutral, so that code which cannot link against a servlet API
 * (the agent's advice) calls the same typed implementation as the filter: each namespace implements
 * it once, in its {@code ServletEntry}.
 *
 * <pre>{@code
 * RequestEntry.Entered entered = entry.enter(request, response);
 * if (entered == null) { chain.doFilter(request, response); return; }
 * Throwable thrown = null;
 * try {
 *   chain.doFilter(entered.request(), response);
 * } catch (Throwable t) {
 *   thrown = t;
 *   throw t;
 * } finally {
 *   entered.exit(thrown);
 * }
 * }</pre>
 *
 * <p>The first entry of a request starts its scope; entries inside it (forwards, includes, a
 * servlet behind the filter) only make the scope current; an async dispatch ends the request like
 * the first entry does. Exits must happen on the entering thread, in reverse order.
 */
public interface RequestEntry {
  /**
   * Makes the request's scope current on this thread, starting it on the request's first entry.
   * Returns null when there is nothing to exit: not an HTTP request of this namespace, the SDK not
   * running, or the request handled by another copy of sentryj.
   */
  @Nullable Entered enter(Object request, Object response);

  /** One entry in progress. */
  interface Entered {
    /** The request to pass on: the integration's wrapper when it wraps, else the request itself. */
    Object request();

    /**
     * Captures {@code thrown} (null when the entry returned) if this entry ends the request, ends
     * it or leaves it to the async listener, and restores the thread's previous scopes. Never
     * throws.
     */
    void exit(@Nullable Throwable thrown);
  }
}
