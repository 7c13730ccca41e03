package io.sentryj.servlet.javax;

import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.servlet.internal.RequestScope;
import java.io.IOException;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Runs each request in its own isolation scope and reports exceptions that escape the filter chain
 * (unhandled, mechanism {@code auto.http.servlet}), then rethrows them unchanged. Map it first, on
 * {@code /*}, for the {@code REQUEST} and {@code ASYNC} dispatcher types, with async support; in a
 * Servlet 3.0+ container {@link SentryServletContainerInitializer} does that.
 *
 * <pre>{@code
 * FilterRegistration.Dynamic sentry = context.addFilter("sentryj", new SentryFilter());
 * sentry.setAsyncSupported(true);
 * sentry.addMappingForUrlPatterns(
 *     EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
 * }</pre>
 *
 * <p>Before {@code Sentry.init} (or with the SDK closed) it only passes requests on.
 */
public final class SentryFilter implements Filter {
  /** A filter; it reads its options from the running SDK. */
  public SentryFilter() {}

  @Override
  public void init(FilterConfig filterConfig) {
    // nothing to set up: options come from Sentry.init; declared for Servlet 3.1 containers
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Object existing = request.getAttribute(RequestScope.ATTRIBUTE);
    if (existing instanceof RequestScope) {
      RequestScope scope = (RequestScope) existing;
      if (request.getDispatcherType() == DispatcherType.ASYNC) {
        // an async dispatch: no filter call is around it, so this one captures and ends it
        filter(scope, request, request, response, chain);
      } else {
        // a forward, include or error dispatch inside the request: the outer call reports
        try (ScopeStorage.Token ignored = scope.enter()) {
          chain.doFilter(req, res);
        }
      }
      return;
    }
    RequestScope scope = RequestScope.start(new ServletRequestView(request));
    if (scope == null) {
      chain.doFilter(req, res);
      return;
    }
    request.setAttribute(RequestScope.ATTRIBUTE, scope);
    filter(scope, request, new SentryRequestWrapper(request, response, scope), response, chain);
  }

  private static void filter(
      RequestScope scope,
      HttpServletRequest request,
      HttpServletRequest passed,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    boolean failed = false;
    ScopeStorage.Token token = scope.enter();
    try {
      chain.doFilter(passed, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failed = true;
      scope.captureUnhandled(e);
      throw e;
    } finally {
      try {
        end(scope, request, response, failed);
      } finally {
        token.close();
      }
    }
  }

  private static void end(
      RequestScope scope,
      HttpServletRequest request,
      HttpServletResponse response,
      boolean failed) {
    if (request.isAsyncStarted()) {
      // the async listener ends it; it may be on its way already, which finish() tolerates
      SentryAsyncListener.attach(request.getAsyncContext(), scope, response);
    } else {
      scope.finish(failed ? 500 : response.getStatus());
    }
  }

  @Override
  public void destroy() {
    // nothing to release; declared for Servlet 3.1 containers
  }

  @Override
  public String toString() {
    return "SentryFilter{javax.servlet}";
  }
}
