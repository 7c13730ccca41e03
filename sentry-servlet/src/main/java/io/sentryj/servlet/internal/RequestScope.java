package io.sentryj.servlet.internal;

import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.User;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.integration.SessionAggregator;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scope.PropagationContext;
import io.sentryj.internal.scope.ScopeImpl;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.internal.scope.TraceHeaders;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One request's isolation scope, from the filter's start to the response's end, whichever threads
 * the request visits: the filter (and the async listener) {@link #enter()} it on each thread and
 * close the token on every exit path, so no thread keeps it after the request.
 *
 * <p>Both servlet namespaces use this class through {@link HttpRequestView}.
 */
public final class RequestScope {
  /** The request attribute the scope travels in between dispatches. */
  public static final String ATTRIBUTE = RequestScope.class.getName();

  /** Mechanism of exceptions that escaped the filter chain (protocol section 3). */
  public static final String MECHANISM = "auto.http.servlet";

  /**
   * Request attributes that hold the matched route template, set by web frameworks: Spring MVC's
   * best matching pattern, and ours for anything else. Ours is joined at run time: the agent's jar
   * relocates string constants that look like the SDK's package, and applications set this name.
   */
  static final String[] ROUTE_ATTRIBUTES = {
    String.join(".", "io", "sentryj", "servlet", "route"),
    "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern"
  };

  private final SentryClient client;
  private final HttpRequestView view;
  private final Scopes scopes;
  private final RequestSnapshot request;
  private final @Nullable BodyRecorder body;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean asyncListened = new AtomicBoolean();
  private final long startedMillis = System.currentTimeMillis();
  private volatile boolean crashed;
  private volatile boolean errored;

  private RequestScope(
      SentryClient client,
      HttpRequestView view,
      Scopes scopes,
      RequestSnapshot request,
      @Nullable BodyRecorder body) {
    this.client = client;
    this.view = view;
    this.scopes = scopes;
    this.request = request;
    this.body = body;
  }

  /**
   * A new isolation scope for the request, filled with its data, or null when the SDK is not
   * running (the filter then only passes the request on).
   */
  public static @Nullable RequestScope start(HttpRequestView view) {
    SentryClient client = SentryRuntime.currentClient();
    if (client == null) {
      return null;
    }
    SentryOptions options = client.options();
    Scopes scopes = client.storage().current().forkIsolation();
    ScopeImpl isolation = scopes.isolation();
    // copied now, while the request may be read; built into the event's interface on demand
    RequestSnapshot request = RequestSnapshot.take(view, options.sendDefaultPii());
    isolation.setPropagationContext(propagation(request));
    isolation.setRequestSource(request);
    isolation.setTransaction(transactionName(view, request.method(), null));
    if (options.sendDefaultPii()) {
      String userName = view.userName();
      if (userName != null && isolation.getUser() == null) {
        isolation.setUser(User.builder().username(userName).build());
      }
    }
    isolation.addBreadcrumb(
        Breadcrumb.builder()
            .type("http")
            .category("http.server")
            .data("method", request.method())
            .data("url", request.url())
            .build());
    RequestScope scope =
        new RequestScope(client, view, scopes, request, bodyRecorder(view, options));
    isolation.addEventProcessor(scope::markErrored);
    return scope;
  }

  /** Counts the request's session as errored when an error event is captured in its scope. */
  private SentryEvent markErrored(SentryEvent event, Hint hint) {
    SentryLevel level = event.getLevel();
    if (event.hasExceptions() || level == SentryLevel.ERROR || level == SentryLevel.FATAL) {
      errored = true;
    }
    return event;
  }

  private static PropagationContext propagation(RequestSnapshot request) {
    PropagationContext continued =
        TraceHeaders.continueFrom(
            request.firstHeader("sentry-trace"),
            request.firstHeader("baggage"),
            request.firstHeader("traceparent"));
    return continued != null ? continued : PropagationContext.newTrace();
  }

  private static @Nullable BodyRecorder bodyRecorder(HttpRequestView view, SentryOptions options) {
    int limit = options.maxRequestBodySize().maxBytes();
    if (!options.sendDefaultPii()
        || limit == 0
        || !RequestData.isCapturedBody(view.contentType())
        || view.contentLength() > limit) {
      return null;
    }
    return new BodyRecorder(limit);
  }

  /** The recorder the namespace's request wrapper copies the body into, or null for no body. */
  public @Nullable BodyRecorder body() {
    return body;
  }

  /** True the first time only: whether the caller is to add the async listener. */
  public boolean markAsyncListened() {
    return !asyncListened.getAndSet(true);
  }

  /** Makes the request's scopes current on this thread until the token is closed. */
  public ScopeStorage.Token enter() {
    return client.storage().set(scopes);
  }

  /**
   * Reports an exception that escaped the application's code for this request, as unhandled. Call
   * it with the request's scope current.
   */
  public void captureUnhandled(Throwable throwable) {
    crashed = true;
    try {
      beforeCapture();
      client.captureException(throwable, null, MECHANISM, false, SentryLevel.ERROR);
    } catch (RuntimeException e) {
      Diagnostics.error("capturing a request's exception failed", e);
    }
  }

  /**
   * Ends the request once, whichever of the filter or the async listener gets here first; reports a
   * 5xx response nobody explained when {@code capture-server-errors} is on.
   */
  public void finish(int status) {
    if (finished.getAndSet(true)) {
      return;
    }
    try {
      if (status >= 500 && !crashed && client.options().captureServerErrors()) {
        beforeCapture();
        client.captureMessage(
            "HTTP " + status + ": " + request.method() + " " + request.url(), SentryLevel.ERROR);
      }
      SessionAggregator sessions = SentryRuntime.currentSessions();
      if (sessions != null) {
        sessions.record(startedMillis, errored(), crashed);
      }
    } catch (RuntimeException e) {
      Diagnostics.error("finishing a request failed", e);
    }
  }

  private void beforeCapture() {
    ScopeImpl isolation = scopes.isolation();
    isolation.setTransaction(transactionName(view, request.method(), isolation.getTransaction()));
    if (body != null) {
      Request built = request.get();
      if (built.getData() == null) {
        built.setData(RequestBody.read(view, body));
      }
    }
  }

  /**
   * {@code GET /orders/{id}} when a framework says the route, else the container's mapping, else
   * the path.
   */
  static String transactionName(HttpRequestView view, String method, @Nullable String fallback) {
    for (String attribute : ROUTE_ATTRIBUTES) {
      Object route = view.attribute(attribute);
      if (route instanceof String && !((String) route).isEmpty()) {
        return method + " " + route;
      }
    }
    if (fallback != null) {
      return fallback;
    }
    String pattern = view.mappingPattern();
    return method + " " + (pattern != null ? pattern : view.path());
  }

  /** Whether an error event was captured in this request's scope, or its exception escaped. */
  boolean errored() {
    return crashed || errored;
  }

  boolean crashed() {
    return crashed;
  }

  @Override
  public String toString() {
    return "RequestScope{" + request + '}';
  }
}
