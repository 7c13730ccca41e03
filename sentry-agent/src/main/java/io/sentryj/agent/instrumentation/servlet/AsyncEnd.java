package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.servlet.internal.RequestScope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * Ends an async request's scope on whichever thread the container completes it, as the servlet
 * module's {@code SentryAsyncListener} does. The listener is a {@link Proxy} of the application's
 * {@code AsyncListener} interface, defined in that interface's class loader, since the agent cannot
 * implement a servlet type itself.
 */
final class AsyncEnd implements InvocationHandler {
  private final ServletApi api;
  private final Object response;
  private final RequestScope scope;

  private AsyncEnd(ServletApi api, Object response, RequestScope scope) {
    this.api = api;
    this.response = response;
    this.scope = scope;
  }

  /** Listens to the async cycle once: the scope remembers that it has a listener. */
  static void attach(ServletApi api, Object request, Object response, RequestScope scope) {
    Object context = api.asyncContext(request);
    if (context == null || !scope.markAsyncListened()) {
      return;
    }
    Class<?> type = api.asyncListener();
    Object listener =
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new AsyncEnd(api, response, scope));
    api.addListener(context, listener);
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) {
    String name = method.getName();
    Object event = args != null && args.length == 1 ? args[0] : null;
    try {
      switch (name) {
        case "equals":
          return proxy == event;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return toString();
        default:
          if (event != null) {
            onEvent(name, proxy, event);
          }
          return null;
      }
    } catch (RuntimeException e) {
      Diagnostics.error("ending an async request failed", e);
      return null;
    }
  }

  private void onEvent(String name, Object proxy, Object event) {
    switch (name) {
      case "onComplete":
        scope.finish(status(event));
        break;
      case "onTimeout":
        scope.finish(503);
        break;
      case "onError":
        Throwable t = api.eventThrowable(event);
        try (ScopeStorage.Token ignored = scope.enter()) {
          if (t != null) {
            scope.captureUnhandled(t);
          }
          scope.finish(500);
        }
        break;
      case "onStartAsync":
        // a new async cycle of the same request: keep listening to it
        Object context = api.eventAsyncContext(event);
        if (context != null) {
          api.addListener(context, proxy);
        }
        break;
      default:
        break;
    }
  }

  private int status(Object event) {
    Object supplied = api.eventSuppliedResponse(event);
    return api.status(supplied != null && api.isHttpResponse(supplied) ? supplied : response);
  }

  @Override
  public String toString() {
    return "AsyncEnd{" + scope + '}';
  }
}
