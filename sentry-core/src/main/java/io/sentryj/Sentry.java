package io.sentryj;

import io.sentryj.internal.RunningSdk;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scope.ContextCarrier;
import io.sentryj.internal.scope.ScopeImpl;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.protocol.SentryEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's entry point. Call {@link #init(Consumer)} once at start-up; from then on every capture
 * method queues an event and returns its id without blocking or throwing. Before {@code init} (or
 * without a DSN) every method is a cheap no-op.
 *
 * <pre>{@code
 * Sentry.init(options -> options
 *     .dsn("https://public@o1.ingest.sentry.io/1")
 *     .environment("staging")
 *     .release("shop@1.4.2"));
 * try {
 *   checkout(cart);
 * } catch (PaymentException e) {
 *   Sentry.captureException(e);
 * }
 * }</pre>
 *
 * <p>Every method accepts null arguments and never throws: a null to capture is reported by one
 * diagnostic line and captures nothing ({@link SentryId#EMPTY}), a null key or callback is ignored,
 * a null value removes what the key held.
 *
 * <p><b>Calling {@code init} again</b> replaces the running SDK: the previous instance is closed
 * (waiting at most its {@code shutdownTimeoutMillis} for queued events), a warning is printed, and
 * the new options take effect. Scopes are not carried over.
 */
public final class Sentry {
  // guards starting and closing; the running SDK itself is SentryRuntime.current(), the only global
  private static final Object LOCK = new Object();

  private Sentry() {}

  /**
   * Starts the SDK from external configuration only: system properties {@code sentry.*},
   * environment variables {@code SENTRY_*} and {@code sentry.properties}.
   */
  public static void init() {
    init(options -> {});
  }

  /**
   * Starts the SDK with options set in code, merged over the external configuration (code wins).
   *
   * @throws IllegalArgumentException if an option is invalid; the message names the key, the value
   *     and where it came from
   */
  public static void init(@Nullable Consumer<SentryOptions.Builder> configuration) {
    SentryOptions.Builder builder = SentryOptions.builder();
    if (configuration != null) {
      configuration.accept(builder);
    }
    // so that what loading the configuration has to say is printed when code asked for debug
    Diagnostics.setDebug(builder.debug);
    init(SentryRuntime.resolveOptions(builder));
  }

  /**
   * Starts the SDK with options already built; external configuration is not read again. Null is
   * ignored, with a warning.
   */
  public static void init(@Nullable SentryOptions options) {
    if (options == null) {
      Diagnostics.warn("Sentry.init(null): no options, nothing changed");
      return;
    }
    synchronized (LOCK) {
      SentryRuntime previous = SentryRuntime.current();
      if (previous != null) {
        Diagnostics.warn(
            "Sentry.init called again: the running SDK is closed and replaced by the new options");
        previous.close(previous.client().options().shutdownTimeoutMillis());
      }
      Diagnostics.setDebug(options.debug());
      SentryRuntime.start(options);
    }
  }

  /** Whether the SDK is running and will send events. */
  public static boolean isEnabled() {
    return SentryRuntime.current() != null;
  }

  private static @Nullable SentryClient client() {
    SentryRuntime r = SentryRuntime.current();
    return r == null ? null : r.client();
  }

  /**
   * Captures an exception the application handled, with mechanism {@code generic}. What the event
   * says of the throwable (its classes, messages, stack traces, causes and suppressed exceptions)
   * is read now, on this thread: what happens to the throwable afterwards does not change it.
   */
  public static SentryId captureException(@Nullable Throwable throwable) {
    return captureException(throwable, null);
  }

  /** Captures an exception with a hint for event processors and {@code beforeSend}. */
  public static SentryId captureException(@Nullable Throwable throwable, @Nullable Hint hint) {
    if (throwable == null) {
      return nothingToCapture("captureException");
    }
    SentryClient c = client();
    if (c == null) {
      return SentryId.EMPTY;
    }
    return c.captureException(
        throwable, hint, SentryClient.MECHANISM_GENERIC, true, SentryLevel.ERROR);
  }

  /** Captures a message at level {@code info}. */
  public static SentryId captureMessage(@Nullable String message) {
    return captureMessage(message, SentryLevel.INFO);
  }

  /** Captures a message at the given level; a null level is {@code info}. */
  public static SentryId captureMessage(@Nullable String message, @Nullable SentryLevel level) {
    if (message == null) {
      return nothingToCapture("captureMessage");
    }
    SentryClient c = client();
    return c == null
        ? SentryId.EMPTY
        : c.captureMessage(message, level != null ? level : SentryLevel.INFO);
  }

  /**
   * Captures an event built by the caller. The event is copied before it is queued: changing it
   * afterwards changes nothing that is sent.
   */
  public static SentryId captureEvent(@Nullable SentryEvent event) {
    return captureEvent(event, null);
  }

  /** Captures an event built by the caller, with a hint. */
  public static SentryId captureEvent(@Nullable SentryEvent event, @Nullable Hint hint) {
    if (event == null) {
      return nothingToCapture("captureEvent");
    }
    SentryClient c = client();
    return c == null ? SentryId.EMPTY : c.captureEvent(event, hint);
  }

  private static SentryId nothingToCapture(String method) {
    Diagnostics.warn("Sentry.%s(null): nothing to capture, nothing sent", method);
    return SentryId.EMPTY;
  }

  /** Adds a breadcrumb to the current isolation scope; null is ignored. */
  public static void addBreadcrumb(@Nullable Breadcrumb breadcrumb) {
    addBreadcrumb(breadcrumb, null);
  }

  /** Adds a breadcrumb, with a hint for {@code beforeBreadcrumb}; a null breadcrumb is ignored. */
  public static void addBreadcrumb(@Nullable Breadcrumb breadcrumb, @Nullable Hint hint) {
    SentryClient c = client();
    if (c != null && breadcrumb != null) {
      c.addBreadcrumb(breadcrumb, hint);
    }
  }

  /** Adds a breadcrumb with a message and level {@code info}; null is ignored. */
  public static void addBreadcrumb(@Nullable String message) {
    if (message != null && client() != null) {
      addBreadcrumb(Breadcrumb.info(message), null);
    }
  }

  /** Sets the user on the current isolation scope; null removes it. */
  public static void setUser(@Nullable User user) {
    configureScope(scope -> scope.setUser(user));
  }

  /** Sets a tag on the current isolation scope; a null value removes it. */
  public static void setTag(@Nullable String key, @Nullable String value) {
    if (key != null) {
      configureScope(scope -> scope.setTag(key, value));
    }
  }

  /** Removes a tag from the current isolation scope. */
  public static void removeTag(@Nullable String key) {
    if (key != null) {
      configureScope(scope -> scope.removeTag(key));
    }
  }

  /**
   * Sets an extra value on the current isolation scope; a null value removes it. The value is
   * copied now (maps, collections and arrays deeply, anything else as its {@code toString()}):
   * changing it afterwards changes nothing that is sent.
   */
  public static void setExtra(@Nullable String key, @Nullable Object value) {
    if (key != null) {
      configureScope(scope -> scope.setExtra(key, value));
    }
  }

  /**
   * Sets a named context on the current isolation scope, copied now like an extra value; null
   * values remove it.
   */
  public static void setContext(@Nullable String name, @Nullable Map<String, ?> values) {
    if (name != null) {
      configureScope(scope -> scope.setContext(name, values));
    }
  }

  /** Sets the fingerprint of events of the current isolation scope; null removes it. */
  public static void setFingerprint(@Nullable List<String> fingerprint) {
    List<String> f = fingerprint != null ? fingerprint : Collections.<String>emptyList();
    configureScope(scope -> scope.setFingerprint(f));
  }

  /** Sets the level of events of the current isolation scope. */
  public static void setLevel(@Nullable SentryLevel level) {
    configureScope(scope -> scope.setLevel(level));
  }

  /** Sets the transaction name of the current isolation scope. */
  public static void setTransaction(@Nullable String transaction) {
    configureScope(scope -> scope.setTransaction(transaction));
  }

  /**
   * Changes the current isolation scope: for a web request, the request's own; otherwise the one
   * shared by the whole application.
   */
  public static void configureScope(@Nullable Consumer<Scope> callback) {
    SentryClient c = client();
    if (c == null || callback == null) {
      return;
    }
    try {
      callback.accept(c.storage().current().isolation());
    } catch (RuntimeException e) {
      Diagnostics.error("configureScope callback threw", e);
    }
  }

  /**
   * Runs {@code callback} with a fork of the current scope made current: what it sets applies only
   * to events captured inside it.
   *
   * <pre>{@code
   * Sentry.withScope(scope -> {
   *   scope.setTag("batch", batchId);
   *   Sentry.captureException(e);
   * });
   * }</pre>
   */
  public static void withScope(@Nullable Consumer<Scope> callback) {
    if (callback == null) {
      Diagnostics.debug("Sentry.withScope(null): nothing to run");
      return;
    }
    SentryClient c = client();
    if (c == null) {
      callback.accept(NoopScope.INSTANCE);
      return;
    }
    ScopeStorage storage = c.storage();
    Scopes forked = storage.current().forkCurrent();
    try (ScopeStorage.Token ignored = storage.set(forked)) {
      callback.accept(forked.current());
    }
  }

  /**
   * Makes a fork of the current isolation scope current on this thread until the returned token is
   * closed: for a unit of work (a request, a message, a job) whose data must not mix with others'.
   * Close it on the same thread, in a finally block or try-with-resources.
   */
  public static ScopeToken pushIsolationScope() {
    SentryClient c = client();
    if (c == null) {
      return ScopeToken.NOOP;
    }
    ScopeStorage storage = c.storage();
    Scopes forked = storage.current().forkIsolation();
    return new ScopeToken(forked.isolation(), storage.set(forked));
  }

  /**
   * Continues a caller's trace (protocol section 7) in the current isolation scope: events captured
   * in it from now on carry the caller's trace id. Call it on the scope of one unit of work, after
   * {@link #pushIsolationScope()}, with the incoming {@code sentry-trace}, {@code baggage} and W3C
   * {@code traceparent} headers; when none carries a valid trace, the scope starts a new one.
   *
   * <pre>{@code
   * try (ScopeToken token = Sentry.pushIsolationScope()) {
   *   Sentry.continueTrace(message.header("sentry-trace"), message.header("baggage"), null);
   *   handle(message);
   * }
   * }</pre>
   */
  public static void continueTrace(
      @Nullable String sentryTrace, @Nullable String baggage, @Nullable String traceparent) {
    RunningSdk sdk = SentryRuntime.currentSdk();
    if (sdk != null) {
      sdk.currentScopes().continueTrace(sentryTrace, baggage, traceparent);
    }
  }

  /** The id of the last event captured with the current isolation scope. */
  public static SentryId lastEventId() {
    SentryClient c = client();
    if (c == null) {
      return SentryId.EMPTY;
    }
    ScopeImpl isolation = c.storage().current().isolation();
    return isolation.getLastEventId();
  }

  /**
   * A runnable that runs with the caller's scopes (forked), on whatever thread runs it. A null task
   * is returned as it is, as by the other {@code wrap} methods.
   */
  public static Runnable wrapRunnable(Runnable task) {
    SentryClient c = client();
    return c == null || isNull(task) ? task : ContextCarrier.wrap(c.storage(), task);
  }

  /** A callable that runs with the caller's scopes (forked), on whatever thread runs it. */
  public static <V> Callable<V> wrapCallable(Callable<V> task) {
    SentryClient c = client();
    return c == null || isNull(task) ? task : ContextCarrier.wrap(c.storage(), task);
  }

  /** An executor whose tasks run with their submitter's scopes. */
  public static Executor wrapExecutor(Executor executor) {
    SentryClient c = client();
    return c == null || isNull(executor) ? executor : ContextCarrier.wrap(c.storage(), executor);
  }

  /** An executor service whose tasks run with their submitter's scopes. */
  public static ExecutorService wrapExecutorService(ExecutorService executor) {
    SentryClient c = client();
    return c == null || isNull(executor) ? executor : ContextCarrier.wrap(c.storage(), executor);
  }

  // callers without NullAway may still pass null; the declared type stays non-null so that what
  // is returned for a task stays non-null for everyone else
  private static boolean isNull(@Nullable Object argument) {
    return argument == null;
  }

  /**
   * Waits until queued events are delivered or stored, at most {@code timeoutMillis}.
   *
   * @return true if nothing was left
   */
  public static boolean flush(long timeoutMillis) {
    SentryRuntime r = SentryRuntime.current();
    return r == null || r.flush(timeoutMillis);
  }

  /**
   * Stops the SDK: delivers or stores what is queued within {@code shutdownTimeoutMillis}, removes
   * its handlers and stops its threads. Afterwards the SDK is a no-op until the next {@code init}.
   */
  public static void close() {
    // not under the lock: closing waits for delivery, and closing clears the global first
    SentryRuntime r = SentryRuntime.current();
    if (r != null) {
      r.close(r.client().options().shutdownTimeoutMillis());
    }
  }
}
