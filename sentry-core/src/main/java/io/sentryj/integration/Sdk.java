package io.sentryj.integration;

import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.Scope;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.protocol.SentryEvent;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The running SDK, as an integration sees it: the same instance {@code Sentry}'s static methods
 * use, the only global. Every method returns at once and never throws; a capture that fails is
 * counted and dropped. Implemented by the SDK only.
 *
 * <pre>{@code
 * Sdk sdk = Sdk.current();
 * if (sdk != null) {
 *   sdk.captureException(e, "auto.queue.consumer", false, SentryLevel.ERROR, null);
 * }
 * }</pre>
 */
public interface Sdk {
  /** The running SDK, or null before {@code Sentry.init}, without a DSN, and after close. */
  static @Nullable Sdk current() {
    return SentryRuntime.currentSdk();
  }

  /**
   * Names an integration in {@code sdk.integrations} of the events of every SDK started from now
   * on: for integrations installed for the JVM's life before {@code Sentry.init}, such as an
   * agent's instrumentations.
   */
  static void nameIntegration(String name) {
    SentryRuntime.nameIntegration(name);
  }

  /** The options the SDK runs with. */
  SentryOptions options();

  /**
   * Captures a throwable an integration caught or saw; what the event says of it is read now, on
   * this thread.
   *
   * @param mechanismType the mechanism's type (protocol section 3), such as {@code
   *     auto.http.servlet}
   * @param handled false when the throwable escaped the application's code
   * @param hint for event processors and {@code beforeSend}; null for one holding the throwable
   */
  SentryId captureException(
      Throwable throwable,
      String mechanismType,
      boolean handled,
      SentryLevel level,
      @Nullable Hint hint);

  /** Captures a message at a level, with the calling thread's scopes. */
  SentryId captureMessage(String message, SentryLevel level);

  /** Captures an event built by the integration; it is copied before it is queued. */
  SentryId captureEvent(SentryEvent event, @Nullable Hint hint);

  /**
   * Adds a breadcrumb to the calling thread's isolation scope, through {@code beforeBreadcrumb}.
   */
  void addBreadcrumb(Breadcrumb breadcrumb, @Nullable Hint hint);

  /**
   * The calling thread's isolation scope: for a breadcrumb to add later to the unit of work that is
   * current now (an outgoing request that ends on another thread).
   */
  Scope isolationScope();

  /**
   * Scopes for a new unit of work (a request, a message, a job): a fork of the isolation scope that
   * keeps the newest few breadcrumbs recorded before it. Enter it on each thread that works for the
   * unit.
   */
  ScopeFork forkIsolation();

  /**
   * Scopes for a task the calling thread hands to another thread: it goes on with the submitter's
   * unit of work, breadcrumbs and all, and what it adds stays with the task.
   */
  ScopeFork forkForTask();

  /** The calling thread's scopes as they are, to enter on another thread unchanged. */
  ScopeFork currentScopes();

  /**
   * Whether the calling thread works inside a unit of work (entered scopes), rather than with the
   * application's root scopes.
   */
  boolean inUnitOfWork();

  /**
   * The {@code sentry-trace} and {@code baggage} headers (protocol section 7) for an outgoing
   * request made in the calling thread's trace, in that order.
   */
  Map<String, String> outgoingTraceHeaders();

  /**
   * Counts one finished request for release health in request mode (protocol section 6): {@code
   * crashed} (an exception escaped) wins over {@code errored}. Does nothing when session tracking
   * is off or no release is set.
   */
  void recordRequestSession(long startedMillis, boolean errored, boolean crashed);

  /**
   * Sends what is queued anywhere in the SDK (session aggregates, structured logs, events), waiting
   * at most {@code timeoutMillis}: what {@code Sentry.flush} does.
   *
   * @return true if nothing was left
   */
  boolean flush(long timeoutMillis);
}
