package io.sentryj.agent.instrumentation.http;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code java.net.http.HttpClient} (JDK 11 and later), through reflection since the agent is
 * compiled for Java 8. Its requests are immutable, so trace headers go on a copy: made with {@code
 * HttpRequest.newBuilder(request, filter)} where the JDK has it (16 and later), else rebuilt from
 * the request's parts.
 */
final class JavaHttpClientSupport {
  private final OutgoingHttp http;
  private volatile @Nullable Api api;

  JavaHttpClientSupport(OutgoingHttp http) {
    this.http = http;
  }

  @Nullable Object before(Object request) {
    Api a = api(request);
    URI uri = (URI) a.invoke(a.uri, request);
    String url = uri != null ? uri.toString() : null;
    if (url == null || !http.records(url)) {
      return null;
    }
    return http.start((String) a.invoke(a.method, request), url);
  }

  Object withTraceHeaders(Object state, Object request) {
    OutgoingHttp.Exchange exchange = (OutgoingHttp.Exchange) state;
    String[] trace = http.traceHeaders(exchange.url);
    if (trace == null) {
      return request;
    }
    Api a = api(request);
    Object headers = a.invoke(a.headers, request);
    boolean hasTrace =
        ((Optional<?>) a.invoke(a.firstValue, headers, OutgoingHttp.SENTRY_TRACE)).isPresent();
    Optional<?> existing = (Optional<?>) a.invoke(a.firstValue, headers, OutgoingHttp.BAGGAGE);
    String baggage = OutgoingHttp.mergeBaggage((String) existing.orElse(null), trace[1]);
    if (hasTrace && baggage == null) {
      return request;
    }
    Object builder = a.copy(request, baggage != null ? OutgoingHttp.BAGGAGE : null);
    if (!hasTrace) {
      a.invoke(a.header, builder, OutgoingHttp.SENTRY_TRACE, trace[0]);
    }
    if (baggage != null) {
      a.invoke(a.header, builder, OutgoingHttp.BAGGAGE, baggage);
    }
    return a.invoke(a.build, builder);
  }

  void after(Object state, @Nullable Object response, @Nullable Throwable thrown, boolean async) {
    OutgoingHttp.Exchange exchange = (OutgoingHttp.Exchange) state;
    if (!async || thrown != null || !(response instanceof CompletableFuture)) {
      http.finish(exchange, status(response), thrown);
      return;
    }
    ((CompletableFuture<?>) response)
        .whenComplete(
            (r, t) ->
                http.finish(
                    exchange, status(r), t instanceof CompletionException ? t.getCause() : t));
  }

  private int status(@Nullable Object response) {
    if (response == null) {
      return -1;
    }
    Api a = api(response);
    Object code = a.invoke(a.statusCode, response);
    return code instanceof Integer ? (Integer) code : -1;
  }

  private Api api(Object any) {
    Api a = api;
    if (a == null) {
      a = new Api(any.getClass().getClassLoader());
      api = a;
    }
    return a;
  }

  @Override
  public String toString() {
    return "JavaHttpClientSupport";
  }

  /** The public methods of {@code java.net.http} used here. */
  private static final class Api {
    final Class<?> requestType;
    final Method uri;
    final Method method;
    final Method headers;
    final Method firstValue;
    final Method headerMap;
    final Method header;
    final Method build;
    final Method statusCode;
    final @Nullable Method copyFiltered; // JDK 16+
    final Method newBuilder;
    final Method bodyPublisher;
    final Method builderMethod;
    final Method noBody;
    final Method expectContinue;
    final Method builderExpectContinue;
    final Method timeout;
    final Method builderTimeout;
    final Method version;
    final Method builderVersion;

    Api(@Nullable ClassLoader loader) {
      try {
        requestType = Class.forName("java.net.http.HttpRequest", false, loader);
        Class<?> builderType = Class.forName("java.net.http.HttpRequest$Builder", false, loader);
        Class<?> publisherType =
            Class.forName("java.net.http.HttpRequest$BodyPublisher", false, loader);
        Class<?> publishersType =
            Class.forName("java.net.http.HttpRequest$BodyPublishers", false, loader);
        Class<?> headersType = Class.forName("java.net.http.HttpHeaders", false, loader);
        Class<?> responseType = Class.forName("java.net.http.HttpResponse", false, loader);
        Class<?> versionType = Class.forName("java.net.http.HttpClient$Version", false, loader);
        uri = requestType.getMethod("uri");
        method = requestType.getMethod("method");
        headers = requestType.getMethod("headers");
        firstValue = headersType.getMethod("firstValue", String.class);
        headerMap = headersType.getMethod("map");
        header = builderType.getMethod("header", String.class, String.class);
        build = builderType.getMethod("build");
        statusCode = responseType.getMethod("statusCode");
        copyFiltered = optional(requestType, "newBuilder", requestType, BiPredicate.class);
        newBuilder = requestType.getMethod("newBuilder", URI.class);
        bodyPublisher = requestType.getMethod("bodyPublisher");
        builderMethod = builderType.getMethod("method", String.class, publisherType);
        noBody = publishersType.getMethod("noBody");
        expectContinue = requestType.getMethod("expectContinue");
        builderExpectContinue = builderType.getMethod("expectContinue", boolean.class);
        timeout = requestType.getMethod("timeout");
        builderTimeout = builderType.getMethod("timeout", Duration.class);
        version = requestType.getMethod("version");
        builderVersion = builderType.getMethod("version", versionType);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("java.net.http as not expected", e);
      }
    }

    private static @Nullable Method optional(Class<?> type, String name, Class<?>... params) {
      try {
        return type.getMethod(name, params);
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    /** Calls a method that never returns null. */
    Object invoke(Method m, @Nullable Object target, Object... args) {
      try {
        Object result = m.invoke(target, args);
        if (result == null) {
          throw new IllegalStateException(m + " returned null");
        }
        return result;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A builder holding a copy of the request, without the header {@code drop} if not null. */
    Object copy(Object request, @Nullable String drop) {
      BiPredicate<String, String> keep = (name, value) -> !name.equalsIgnoreCase(drop);
      if (copyFiltered != null) {
        return invoke(copyFiltered, null, request, keep);
      }
      Object builder = invoke(newBuilder, null, invoke(uri, request));
      Optional<?> body = (Optional<?>) invoke(bodyPublisher, request);
      Object publisher = body.isPresent() ? body.get() : invoke(noBody, null);
      invoke(builderMethod, builder, invoke(method, request), publisher);
      invoke(builderExpectContinue, builder, invoke(expectContinue, request));
      Optional<?> t = (Optional<?>) invoke(timeout, request);
      if (t.isPresent()) {
        invoke(builderTimeout, builder, t.get());
      }
      Optional<?> v = (Optional<?>) invoke(version, request);
      if (v.isPresent()) {
        invoke(builderVersion, builder, v.get());
      }
      @SuppressWarnings("unchecked")
      Map<String, List<String>> all =
          (Map<String, List<String>>) invoke(headerMap, invoke(headers, request));
      for (Map.Entry<String, List<String>> e : all.entrySet()) {
        if (keep.test(e.getKey(), "")) {
          for (String value : e.getValue()) {
            invoke(header, builder, e.getKey(), value);
          }
        }
      }
      return builder;
    }

    @Override
    public String toString() {
      return "Api";
    }
  }
}
