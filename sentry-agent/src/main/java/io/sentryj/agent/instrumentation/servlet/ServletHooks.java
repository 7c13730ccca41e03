package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.agent.bootstrap.ServletBridge;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.servlet.internal.RequestScope;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link ServletBridge}: does for each request what the servlet module's
 * filter does, with the same {@link RequestScope}, over requests read by reflection.
 *
 * <p>The first {@code service} call of a request starts its scope and keeps it in a request
 * attribute; calls inside it (forwards, includes, error pages, a servlet calling another) find the
 * attribute and only make the scope current. A request the application's own {@code SentryFilter}
 * handles already is left to it.
 */
public final class ServletHooks implements ServletBridge.Hooks {
  /**
   * The attribute the application's own (not relocated) filter keeps its scope in. Built at run
   * time: the jar's relocation rewrites string constants that look like the SDK's class names.
   */
  static final String APPLICATION_FILTER_ATTRIBUTE =
      String.join(".", "io", "sentryj", "servlet", "internal", "RequestScope");

  private final boolean applicationFilterDistinct =
      !APPLICATION_FILTER_ATTRIBUTE.equals(RequestScope.ATTRIBUTE);

  private ServletHooks() {}

  /** Connects the bridge the servlet advice calls. */
  public static void install() {
    ServletBridge.install(new ServletHooks());
  }

  @Override
  public @Nullable Object enter(Object request, Object response) {
    ServletApi api = ServletApi.of(request, response);
    if (api == null) {
      return null;
    }
    Object existing = api.attribute(request, RequestScope.ATTRIBUTE);
    if (existing instanceof RequestScope) {
      // inside the request already; only an async dispatch has no outer call to end it
      RequestScope scope = (RequestScope) existing;
      boolean ends = api.isAsyncDispatch(request);
      return new Entered(api, request, response, scope, ends);
    }
    if (applicationFilterDistinct && api.attribute(request, APPLICATION_FILTER_ATTRIBUTE) != null) {
      return null;
    }
    RequestScope scope = RequestScope.start(new ReflectiveRequestView(api, request));
    if (scope == null) {
      return null;
    }
    api.setAttribute(request, RequestScope.ATTRIBUTE, scope);
    return new Entered(api, request, response, scope, true);
  }

  @Override
  public void exit(Object entered, @Nullable Throwable thrown) {
    Entered e = (Entered) entered;
    try {
      if (e.ends) {
        if (thrown != null) {
          e.scope.captureUnhandled(thrown);
        }
        end(e, thrown != null);
      }
    } finally {
      e.token.close();
    }
  }

  private static void end(Entered e, boolean failed) {
    if (e.api.isAsyncStarted(e.request)) {
      // the async listener ends it; it may be on its way already, which finish() tolerates
      AsyncEnd.attach(e.api, e.request, e.response, e.scope);
    } else {
      e.scope.finish(failed ? 500 : e.api.status(e.response));
    }
  }

  @Override
  public String toString() {
    return "ServletHooks";
  }

  /** One {@code service} call in a request's scope. */
  private static final class Entered {
    final ServletApi api;
    final Object request;
    final Object response;
    final RequestScope scope;
    final boolean ends;
    final ScopeStorage.Token token;

    Entered(ServletApi api, Object request, Object response, RequestScope scope, boolean ends) {
      this.api = api;
      this.request = request;
      this.response = response;
      this.scope = scope;
      this.ends = ends;
      this.token = scope.enter();
    }

    @Override
    public String toString() {
      return "Entered{" + scope + ", ends=" + ends + '}';
    }
  }
}
