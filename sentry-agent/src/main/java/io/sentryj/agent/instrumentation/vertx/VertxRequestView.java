package io.sentryj.agent.instrumentation.vertx;

import io.sentryj.servlet.internal.HttpRequestView;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Vert.x {@code HttpServerRequest} as the servlet module's request data reads requests: method,
 * URL, query and headers, read once through the public interfaces of the application's Vert.x (its
 * implementation classes need not be accessible), so that the same headers are dropped and the same
 * values scrubbed as for a servlet request. Vert.x 4 and 5 share these methods.
 */
final class VertxRequestView implements HttpRequestView {
  private static final ClassValue<@Nullable Api> APIS =
      new ClassValue<@Nullable Api>() {
        @Override
        protected @Nullable Api computeValue(Class<?> contextClass) {
          try {
            return new Api(contextClass.getClassLoader());
          } catch (ReflectiveOperationException | LinkageError e) {
            return null;
          }
        }
      };

  private final String method;
  private final String url;
  private final @Nullable String query;
  private final String path;
  private final List<String> names;
  private final List<List<String>> values;
  private final @Nullable String remoteAddr;

  private VertxRequestView(Api api, Object request) throws ReflectiveOperationException {
    method = String.valueOf(api.method.invoke(request));
    String absolute = String.valueOf(api.absoluteUri.invoke(request));
    int q = absolute.indexOf('?');
    url = q < 0 ? absolute : absolute.substring(0, q);
    query = (String) api.query.invoke(request);
    path = String.valueOf(api.path.invoke(request));
    Object headers = api.headers.invoke(request);
    names = new ArrayList<>();
    values = new ArrayList<>();
    for (Object name : (Iterable<?>) api.names.invoke(headers)) {
      names.add(String.valueOf(name));
      List<String> all = new ArrayList<>();
      for (Object value : (List<?>) api.getAll.invoke(headers, name)) {
        all.add(String.valueOf(value));
      }
      values.add(all);
    }
    Object address = api.remoteAddress.invoke(request);
    remoteAddr = address == null ? null : (String) api.hostAddress.invoke(address);
  }

  /** The request of a {@code RoutingContext}; null when it is not one Vert.x Web's API reads. */
  static @Nullable VertxRequestView of(Object routingContext) {
    Api api = APIS.get(routingContext.getClass());
    if (api == null) {
      return null;
    }
    try {
      Object request = api.request.invoke(routingContext);
      return request == null ? null : new VertxRequestView(api, request);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public @Nullable String queryString() {
    return query;
  }

  @Override
  public List<String> headerNames() {
    return Collections.unmodifiableList(names);
  }

  @Override
  public List<String> headers(String name) {
    int i = names.indexOf(name);
    return i < 0 ? Collections.<String>emptyList() : Collections.unmodifiableList(values.get(i));
  }

  @Override
  public @Nullable String contentType() {
    List<String> type = headers("Content-Type");
    return type.isEmpty() ? null : type.get(0);
  }

  @Override
  public long contentLength() {
    return -1;
  }

  @Override
  public @Nullable String remoteAddr() {
    return remoteAddr;
  }

  @Override
  public @Nullable String userName() {
    return null;
  }

  @Override
  public @Nullable String mappingPattern() {
    return null;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public @Nullable Object attribute(String name) {
    return null;
  }

  @Override
  public Map<String, String[]> parameters() {
    return Collections.emptyMap();
  }

  @Override
  public byte[] readUnread(int max) {
    return new byte[0]; // the body is the framework's, read or not: never taken here
  }

  @Override
  public String toString() {
    return "VertxRequestView{" + method + ' ' + url + '}';
  }

  /** The methods of Vert.x's public interfaces, as one class loader holds them. */
  private static final class Api {
    final Method request;
    final Method method;
    final Method absoluteUri;
    final Method query;
    final Method path;
    final Method headers;
    final Method names;
    final Method getAll;
    final Method remoteAddress;
    final Method hostAddress;

    Api(@Nullable ClassLoader loader) throws ReflectiveOperationException {
      Class<?> request = Class.forName("io.vertx.core.http.HttpServerRequest", false, loader);
      Class<?> multiMap = Class.forName("io.vertx.core.MultiMap", false, loader);
      this.request =
          Class.forName("io.vertx.ext.web.RoutingContext", false, loader).getMethod("request");
      method = request.getMethod("method");
      absoluteUri = request.getMethod("absoluteURI");
      query = request.getMethod("query");
      path = request.getMethod("path");
      headers = request.getMethod("headers");
      names = multiMap.getMethod("names");
      getAll = multiMap.getMethod("getAll", String.class);
      remoteAddress = request.getMethod("remoteAddress");
      hostAddress =
          Class.forName("io.vertx.core.net.SocketAddress", false, loader).getMethod("hostAddress");
    }
  }
}
