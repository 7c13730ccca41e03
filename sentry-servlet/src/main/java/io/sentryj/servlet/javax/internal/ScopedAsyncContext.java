package io.sentryj.servlet.javax.internal;

import io.sentryj.servlet.internal.RequestScope;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncListener;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/**
 * The container's async context, whose {@link #start} runs work in the request's scope and reports
 * what escapes it, whether the request then completes, fails or times out.
 */
final class ScopedAsyncContext implements AsyncContext {
  private final AsyncContext delegate;
  private final RequestScope scope;

  ScopedAsyncContext(AsyncContext delegate, RequestScope scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  @Override
  public void start(Runnable run) {
    delegate.start(scope.wrap(run));
  }

  @Override
  public ServletRequest getRequest() {
    return delegate.getRequest();
  }

  @Override
  public ServletResponse getResponse() {
    return delegate.getResponse();
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return delegate.hasOriginalRequestAndResponse();
  }

  @Override
  public void dispatch() {
    delegate.dispatch();
  }

  @Override
  public void dispatch(String path) {
    delegate.dispatch(path);
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    delegate.dispatch(context, path);
  }

  @Override
  public void complete() {
    delegate.complete();
  }

  @Override
  public void addListener(AsyncListener listener) {
    delegate.addListener(listener);
  }

  @Override
  public void addListener(
      AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
    delegate.addListener(listener, servletRequest, servletResponse);
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
    return delegate.createListener(clazz);
  }

  @Override
  public void setTimeout(long timeout) {
    delegate.setTimeout(timeout);
  }

  @Override
  public long getTimeout() {
    return delegate.getTimeout();
  }

  @Override
  public String toString() {
    return "ScopedAsyncContext{" + delegate + '}';
  }
}
