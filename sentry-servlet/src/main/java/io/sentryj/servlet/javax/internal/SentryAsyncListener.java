package io.sentryj.servlet.javax.internal;

import io.sentryj.integration.ScopeFork;
import io.sentryj.servlet.internal.RequestScope;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/** Ends an async request's scope on whichever thread the container completes it. */
final class SentryAsyncListener implements AsyncListener {
  private final RequestScope scope;
  private final HttpServletResponse response;

  private SentryAsyncListener(RequestScope scope, HttpServletResponse response) {
    this.scope = scope;
    this.response = response;
  }

  /** Listens to the async cycle once: the scope remembers that it has a listener. */
  static void attach(AsyncContext context, RequestScope scope, HttpServletResponse response) {
    if (scope.markAsyncListened()) {
      context.addListener(new SentryAsyncListener(scope, response));
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    scope.finish(status(event));
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // the container answers (500 unless a listener does) and then completes: onComplete ends it
    scope.timedOut();
  }

  @Override
  public void onError(AsyncEvent event) {
    Throwable t = event.getThrowable();
    ScopeFork.Token token = scope.enter();
    try {
      if (t != null) {
        scope.captureUnhandled(t, 500); // once, if the filter or an async task reported it first
      }
      scope.finish(500);
    } finally {
      token.close();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // a new async cycle of the same request: keep listening to it
    AsyncContext context = event.getAsyncContext();
    if (context != null) {
      context.addListener(this);
    }
  }

  private int status(AsyncEvent event) {
    @Nullable ServletResponse supplied = event.getSuppliedResponse();
    return supplied instanceof HttpServletResponse
        ? ((HttpServletResponse) supplied).getStatus()
        : response.getStatus();
  }

  @Override
  public String toString() {
    return "SentryAsyncListener{" + scope + '}';
  }
}
