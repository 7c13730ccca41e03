package io.sentryj.servlet.internal;

import io.sentryj.Breadcrumb;
import io.sentryj.Hint;
import io.sentryj.Scope;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.User;
import io.sentryj.integration.ScopeFork;
import io.sentryj.integration.Sdk;
import io.sentryj.integration.SdkDiagnostics;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SentryEvent;
import java.util.List;
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

  /**
   * The attribute of the application's own copy of sentryj, which the agent's relocated copy leaves
   * requests to. Joined at run time, so that the agent's relocation does not rewrite it.
   */
  static final String UNRELOCATED_ATTRIBUTE =
      String.join(".", "io", "sentryj", "servlet", "internal", "RequestScope");

  private final Sdk sdk;
  private final HttpRequestView view;
  private final ScopeFork scopes;
  private final RequestSnapshot request;
  private final @Nullable BodyRecorder body;
  private final Breadcrumb serverCrumb;
  private final CapturedFailures failures = new CapturedFailures();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean asyncListened = new AtomicBoolean();
  private final long startedMillis = System.currentTimeMillis();
  private volatile boolean crashed;
  private volatile boolean errored;
  // the response's status once known (the request failed or ended), else 0
  private volatile int status;
  // set once finished: the container may recycle the request object from then on
  private volatile boolean released;

  private RequestScope(
      Sdk sdk,
      HttpRequestView view,
      ScopeFork scopes,
      RequestSnapshot request,
      @Nullable BodyRecorder body,
      Breadcrumb serverCrumb) {
    this.sdk = sdk;
    this.view = view;
    this.scopes = scopes;
    this.request = request;
    this.body = body;
    this.serverCrumb = serverCrumb;
  }

  /**
   * A new isolation scope for the request, filled with its data, or null when the SDK is not
   * running or another copy of sentryj handles the request (the caller then only passes it on).
   */
  public static @Nullable RequestScope start(HttpRequestView view) {
    Sdk sdk = Sdk.current();
    if (sdk == null || handledByAnotherCopy(view)) {
      return null;
    }
    SentryOptions options = sdk.options();
    ScopeFork scopes = sdk.forkIsolation();
    Scope isolation = scopes.isolation();
    // copied now, while the request may be read; built into the event's interface on demand
    RequestSnapshot request = RequestSnapshot.take(view, options.sendDefaultPii());
    scopes.continueTrace(
        request.firstHeader("sentry-trace"),
        request.firstHeader("baggage"),
        request.firstHeader("traceparent"));
    scopes.setRequest(request);
    isolation.setTransaction(transactionName(view, request.method(), null));
    if (options.sendDefaultPii()) {
      String userName = view.userName();
      if (userName != null && isolation.getUser() == null) {
        isolation.setUser(User.builder().username(userName).build());
      }
    }
    Breadcrumb crumb = serverBreadcrumb(request);
    isolation.addBreadcrumb(crumb);
    RequestScope scope =
        new RequestScope(sdk, view, scopes, request, bodyRecorder(view, options), crumb);
    isolation.addEventProcessor(scope::process);
    return scope;
  }

  /** The request's {@code http.server} breadcrumb; {@link #process} adds the status once known. */
  private static Breadcrumb serverBreadcrumb(RequestSnapshot request) {
    return Breadcrumb.builder()
        .type("http")
        .category("http.server")
        .data("method", request.method())
        .data("url", request.url())
        .build();
  }

  /** Whether the application's own sentryj runs this request, and this copy is the agent's. */
  private static boolean handledByAnotherCopy(HttpRequestView view) {
    return !UNRELOCATED_ATTRIBUTE.equals(ATTRIBUTE)
        && view.attribute(UNRELOCATED_ATTRIBUTE) != null;
  }

  /**
   * For each event captured in the request's scope: counts the session as errored for an error
   * event, and gives the request's breadcrumb the response status once it is known.
   */
  private SentryEvent process(SentryEvent event, Hint hint) {
    SentryLevel level = event.getLevel();
    if (event.hasExceptions() || level == SentryLevel.ERROR || level == SentryLevel.FATAL) {
      errored = true;
    }
    int s = status;
    if (s > 0) {
      List<Breadcrumb> crumbs = event.getBreadcrumbs();
      int at = crumbs.indexOf(serverCrumb); // Breadcrumb has identity equality
      if (at >= 0) {
        crumbs.set(at, serverCrumb.toBuilder().data("status_code", s).build());
      }
    }
    return event;
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
  public ScopeFork.Token enter() {
    return scopes.enter();
  }

  /**
   * Reports an exception that escaped the application's code for this request, as unhandled, once:
   * the same failure seen again on another path (the filter, the async listener, an async task), as
   * itself, a cause or a wrapper, is not captured again. Call it with the request's scope current.
   *
   * @param responseStatus the status the container answers with because of it, or 0 when the
   *     request goes on (an async task failed)
   */
  public void captureUnhandled(Throwable throwable, int responseStatus) {
    crashed = true;
    if (responseStatus > 0) {
      status = responseStatus;
    }
    try {
      if (!failures.firstTime(throwable)) {
        return;
      }
      beforeCapture(responseStatus > 0);
      sdk.captureException(throwable, MECHANISM, false, SentryLevel.ERROR, null);
    } catch (RuntimeException e) {
      SdkDiagnostics.error("capturing a request's exception failed", e);
    }
  }

  /**
   * Work for another thread ({@code AsyncContext.start}) that runs in the request's scope and
   * reports what escapes it, whatever then ends the request, before the container sees it.
   */
  public Runnable wrap(Runnable task) {
    return new ScopedTask(this, task);
  }

  /**
   * Whether the application's own copy of sentryj took the request after this copy, the agent's,
   * started it (its filter runs inside the container's chain, where the agent enters first): the
   * request is then the application's, and this copy captures nothing of it ({@link #abandon}).
   */
  public boolean leftToAnotherCopy() {
    return handledByAnotherCopy(view);
  }

  /** Ends the request without capturing or counting anything: another copy of sentryj has it. */
  public void abandon() {
    finished.set(true);
    released = true;
  }

  /** The container ended the request by its async timeout: the session counts as errored. */
  public void timedOut() {
    errored = true;
  }

  /**
   * Ends the request once, whichever of the filter or the async listener gets here first; reports a
   * 5xx response nobody explained when {@code capture-server-errors} is on.
   */
  public void finish(int responseStatus) {
    if (finished.getAndSet(true)) {
      return;
    }
    status = responseStatus;
    try {
      if (responseStatus >= 500 && !crashed && sdk.options().captureServerErrors()) {
        beforeCapture(true);
        sdk.captureMessage(
            "HTTP " + responseStatus + ": " + request.method() + " " + request.url(),
            SentryLevel.ERROR);
      }
      sdk.recordRequestSession(startedMillis, errored(), crashed);
    } catch (RuntimeException e) {
      SdkDiagnostics.error("finishing a request failed", e);
    } finally {
      released = true;
    }
  }

  /**
   * Takes the route and the body from the request, which is still in use: once it has ended the
   * container may recycle the request object, so nothing more is read of it; and the body is read
   * beyond what the application took only when {@code requestDone}.
   */
  private void beforeCapture(boolean requestDone) {
    if (released) {
      return; // the event goes with what was taken before
    }
    try {
      Scope isolation = scopes.isolation();
      String name = transactionName(view, request.method(), isolation.getTransaction());
      isolation.setTransaction(name);
      if (body != null) {
        Request built = request.get();
        if (built.getData() == null) {
          built.setData(RequestBody.read(view, body, requestDone));
        }
      }
    } catch (RuntimeException e) {
      // a request the container already recycled: the event goes with what was taken before
      SdkDiagnostics.debug("request data not read for the event: %s", e);
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

  /** A task of the request's async cycle, run in its scope; what escapes it is reported. */
  private static final class ScopedTask implements Runnable {
    private final RequestScope scope;
    private final Runnable task;

    ScopedTask(RequestScope scope, Runnable task) {
      this.scope = scope;
      this.task = task;
    }

    @Override
    public void run() {
      ScopeFork.Token token = scope.enter();
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        scope.captureUnhandled(e, 0);
        throw e;
      } finally {
        token.close();
      }
    }

    @Override
    public String toString() {
      return "ScopedTask{" + task + '}';
    }
  }
}
