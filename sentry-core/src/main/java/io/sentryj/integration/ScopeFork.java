package io.sentryj.integration;

import io.sentryj.Scope;
import io.sentryj.protocol.Request;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Scopes made for one unit of work or one task ({@link Sdk#forkIsolation()}, {@link
 * Sdk#forkForTask()}, {@link Sdk#currentScopes()}), made current on a thread by {@link #enter()}
 * until the token is closed. Safe to enter on several threads at once.
 *
 * <pre>{@code
 * ScopeFork request = sdk.forkIsolation();
 * request.isolation().setTransaction("GET /orders/{id}");
 * try (ScopeFork.Token token = request.enter()) {
 *   chain.doFilter(req, res);
 * }
 * }</pre>
 */
public interface ScopeFork {
  /** The isolation scope of these scopes: where {@code Sentry.setTag} writes while entered. */
  Scope isolation();

  /**
   * The HTTP request the unit of work serves, built when an event first needs it (most units
   * capture none and never pay for it). The built request goes through the privacy rules with the
   * rest of the event; the integration decides only what it collects.
   */
  void setRequest(Supplier<Request> request);

  /**
   * Continues the caller's trace from the incoming {@code sentry-trace}, {@code baggage} and W3C
   * {@code traceparent} headers (protocol section 7); a new trace when none carries a valid one.
   */
  void continueTrace(
      @Nullable String sentryTrace, @Nullable String baggage, @Nullable String traceparent);

  /** Makes these scopes the calling thread's until the token is closed. */
  Token enter();

  /** Restores the thread's previous scopes when closed. Close it on the thread that entered. */
  interface Token extends AutoCloseable {
    /** Restores the previous scopes; idempotent, never throws. */
    @Override
    void close();
  }
}
