package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An application interceptor for the application's own OkHttp, 3.x or 4.x (their {@code
 * Interceptor}, {@code Chain}, {@code Request} and {@code Response} methods used here are the
 * same): a {@link Proxy} of {@code okhttp3.Interceptor} in the application's class loader, so that
 * the agent links against none of OkHttp's types. Added to every new {@code OkHttpClient.Builder};
 * one per call, whatever the retries and redirects inside, and for {@code execute} and {@code
 * enqueue} alike.
 */
final class OkHttpInterceptor implements InvocationHandler {
  /**
   * The application's OkHttp package, built at run time: the agent jar relocates the OkHttp it
   * bundles and, with it, every string constant naming {@code okhttp3} classes.
   */
  static final String PACKAGE = "okhttp".concat("3.");

  private final OutgoingHttp http;

  private OkHttpInterceptor(OutgoingHttp http) {
    this.http = http;
  }

  /** Adds the interceptor to the builder's list unless it is there already (a copied builder). */
  static void addTo(Object builder, OutgoingHttp http) {
    @SuppressWarnings("unchecked")
    List<Object> interceptors = (List<Object>) Reflect.call(builder, "interceptors");
    if (interceptors == null) {
      return;
    }
    for (Object each : interceptors) {
      if (Proxy.isProxyClass(each.getClass())
          && Proxy.getInvocationHandler(each) instanceof OkHttpInterceptor) {
        return;
      }
    }
    ClassLoader loader = builder.getClass().getClassLoader();
    try {
      Class<?> type = Class.forName(PACKAGE + "Interceptor", false, loader);
      interceptors.add(
          Proxy.newProxyInstance(loader, new Class<?>[] {type}, new OkHttpInterceptor(http)));
    } catch (ClassNotFoundException e) {
      // not the OkHttp we know
    }
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
      throws Throwable {
    String name = method.getName();
    if (name.equals("intercept") && args != null && args.length == 1 && args[0] != null) {
      return intercept(args[0]);
    }
    if (name.equals("equals") && args != null && args.length == 1) {
      return proxy == args[0];
    }
    if (name.equals("hashCode")) {
      return System.identityHashCode(proxy);
    }
    if (name.equals("toString")) {
      return "SentryOkHttpInterceptor";
    }
    throw new UnsupportedOperationException(name);
  }

  private Object intercept(Object chain) throws Throwable {
    Object request = Reflect.call(chain, "request");
    if (request == null || !HttpBridge.enterOutermost()) {
      return proceed(chain, request);
    }
    try {
      OutgoingHttp.Exchange exchange = null;
      try {
        String url = String.valueOf(Reflect.call(request, "url"));
        if (http.records(url)) {
          request = withTraceHeaders(request, url);
          exchange = http.start(String.valueOf(Reflect.call(request, "method")), url);
        }
      } catch (Throwable t) {
        exchange = null; // the call goes on unrecorded
      }
      Object response;
      try {
        response = proceed(chain, request);
      } catch (Throwable t) {
        if (exchange != null) {
          http.finish(exchange, -1, t);
        }
        throw t;
      }
      if (exchange != null) {
        Object code = Reflect.callQuietly(response, "code");
        http.finish(exchange, code instanceof Integer ? (Integer) code : -1, null);
      }
      return response;
    } finally {
      HttpBridge.leave();
    }
  }

  private static Object proceed(Object chain, @Nullable Object request) {
    Object response = Reflect.call(chain, "proceed", request);
    if (response == null) {
      throw new IllegalStateException("OkHttp's chain returned no response");
    }
    return response;
  }

  private Object withTraceHeaders(Object request, String url) {
    String[] trace = http.traceHeaders(url);
    if (trace == null) {
      return request;
    }
    boolean hasTrace = Reflect.call(request, "header", OutgoingHttp.SENTRY_TRACE) != null;
    String baggage =
        OutgoingHttp.mergeBaggage(
            (String) Reflect.call(request, "header", OutgoingHttp.BAGGAGE), trace[1]);
    if (hasTrace && baggage == null) {
      return request;
    }
    Object builder = Reflect.call(request, "newBuilder");
    if (builder == null) {
      return request;
    }
    if (!hasTrace) {
      Reflect.call(builder, "header", OutgoingHttp.SENTRY_TRACE, trace[0]);
    }
    if (baggage != null) {
      Reflect.call(builder, "header", OutgoingHttp.BAGGAGE, baggage);
    }
    Object copy = Reflect.call(builder, "build");
    return copy != null ? copy : request;
  }

  @Override
  public String toString() {
    return "OkHttpInterceptor{" + http + '}';
  }
}
