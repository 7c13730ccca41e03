package io.sentryj.servlet.javax.internal;

import io.sentryj.integration.ScopeFork;
import io.sentryj.integration.SdkDiagnostics;
import io.sentryj.servlet.internal.RequestEntry;
import io.sentryj.servlet.internal.RequestScope;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The {@code javax.servlet} side of {@link RequestEntry}, the one place that knows how a request
 * enters, is captured and ends: {@code SentryFilter} calls it, and so does the agent's advice,
 * which loads this class beside the application's servlet API. Not API.
 *
 * <p>The first entry of a request starts its {@link RequestScope} and keeps it in a request
 * attribute; entries inside it (forwards, includes, error pages, a servlet behind the filter) find
 * the attribute and only make the scope current, except an async dispatch, which no outer call
 * surrounds: it captures and ends the request as the first entry does.
 */
public final class ServletEntry implements RequestEntry {
  private final boolean wrapping;

  private ServletEntry(boolean wrapping) {
    this.wrapping = wrapping;
  }

  /**
   * For a filter: passes on a wrapper that copies the body as the application reads it and carries
   * the scope into {@code AsyncContext.start}.
   */
  public static ServletEntry wrapping() {
    return new ServletEntry(true);
  }

  /** For code that cannot replace the request it passes on (an advice): the request goes as is. */
  public static ServletEntry passing() {
    return new ServletEntry(false);
  }

  @Override
  public @Nullable Entered enter(Object request, Object response) {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      return null;
    }
    try {
      return enter((HttpServletRequest) request, (HttpServletResponse) response);
    } catch (RuntimeException e) {
      SdkDiagnostics.error("starting a request's scope failed; the request goes on without it", e);
      return null;
    }
  }

  private @Nullable Entered enter(HttpServletRequest request, HttpServletResponse response) {
    Object existing = request.getAttribute(RequestScope.ATTRIBUTE);
    if (existing instanceof RequestScope) {
      boolean ends = request.getDispatcherType() == DispatcherType.ASYNC;
      return new Entry((RequestScope) existing, request, request, response, ends);
    }
    RequestScope scope = RequestScope.start(new ServletRequestView(request));
    if (scope == null) {
      return null;
    }
    request.setAttribute(RequestScope.ATTRIBUTE, scope);
    HttpServletRequest passed =
        wrapping ? new SentryRequestWrapper(request, response, scope) : request;
    return new Entry(scope, request, passed, response, true);
  }

  @Override
  public String toString() {
    return "ServletEntry{javax.servlet, wrapping=" + wrapping + '}';
  }

  /** One entry in progress, on the thread that entered. */
  private static final class Entry implements Entered {
    private final RequestScope scope;
    private final HttpServletRequest request;
    private final HttpServletRequest passed;
    private final HttpServletResponse response;
    private final boolean ends;
    private final ScopeFork.Token token;

    Entry(
        RequestScope scope,
        HttpServletRequest request,
        HttpServletRequest passed,
        HttpServletResponse response,
        boolean ends) {
      this.scope = scope;
      this.request = request;
      this.passed = passed;
      this.response = response;
      this.ends = ends;
      this.token = scope.enter();
    }

    @Override
    public Object request() {
      return passed;
    }

    @Override
    public void exit(@Nullable Throwable thrown) {
      try {
        if (ends && scope.leftToAnotherCopy()) {
          scope.abandon();
        } else if (ends) {
          if (thrown != null) {
            scope.captureUnhandled(thrown, 500);
          }
          end(thrown != null);
        }
      } catch (RuntimeException e) {
        SdkDiagnostics.error("ending a request's scope failed", e);
      } finally {
        token.close();
      }
    }

    private void end(boolean failed) {
      if (request.isAsyncStarted()) {
        // the async listener ends it; it may be on its way already, which finish() tolerates
        SentryAsyncListener.attach(request.getAsyncContext(), scope, response);
      } else {
        scope.finish(failed ? 500 : response.getStatus());
      }
    }

    @Override
    public String toString() {
      return "Entry{" + scope + ", ends=" + ends + '}';
    }
  }
}
