package io.sentryj.servlet.javax;

import io.sentryj.servlet.internal.RequestEntry;
import io.sentryj.servlet.javax.internal.ServletEntry;
import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

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
  private final RequestEntry entry = ServletEntry.wrapping();

  /** A filter; it reads its options from the running SDK. */
  public SentryFilter() {}

  @Override
  public void init(FilterConfig filterConfig) {
    // nothing to set up: options come from Sentry.init; declared for Servlet 3.1 containers
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    RequestEntry.Entered entered = entry.enter(request, response);
    if (entered == null) {
      chain.doFilter(request, response);
      return;
    }
    Throwable thrown = null;
    try {
      chain.doFilter((ServletRequest) entered.request(), response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      thrown = e;
      throw e;
    } finally {
      entered.exit(thrown);
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
