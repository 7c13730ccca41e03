package io.sentryj.agent.instrumentation.http;

import org.jspecify.annotations.Nullable;

/**
 * Apache HttpClient 4 ({@code org.apache.http}) and 5 classic ({@code org.apache.hc.client5}):
 * their {@code doExecute(host, request, context)}, read through {@link Reflect}. Version 4's
 * request has {@code getRequestLine()}, version 5's {@code getMethod()} and {@code getUri()}; both
 * take headers in place with {@code setHeader}.
 */
final class ApacheSupport {
  private final OutgoingHttp http;

  ApacheSupport(OutgoingHttp http) {
    this.http = http;
  }

  @Nullable Object before(@Nullable Object host, Object request) {
    String method;
    String uri;
    Object line =
        Reflect.has(request, "getRequestLine", 0) ? Reflect.call(request, "getRequestLine") : null;
    if (line != null) { // version 4
      method = String.valueOf(Reflect.call(line, "getMethod"));
      uri = String.valueOf(Reflect.call(line, "getUri"));
    } else { // version 5
      method = String.valueOf(Reflect.call(request, "getMethod"));
      Object full = Reflect.callQuietly(request, "getUri");
      uri = full != null ? full.toString() : String.valueOf(Reflect.call(request, "getRequestUri"));
    }
    String url = absolute(host, uri);
    if (!http.records(url)) {
      return null;
    }
    String[] trace = http.traceHeaders(url);
    if (trace != null) {
      if (!Boolean.TRUE.equals(
          Reflect.call(request, "containsHeader", OutgoingHttp.SENTRY_TRACE))) {
        Reflect.call(request, "setHeader", OutgoingHttp.SENTRY_TRACE, trace[0]);
      }
      Object existing = Reflect.call(request, "getFirstHeader", OutgoingHttp.BAGGAGE);
      String baggage =
          OutgoingHttp.mergeBaggage(
              existing != null ? (String) Reflect.call(existing, "getValue") : null, trace[1]);
      if (baggage != null) {
        Reflect.call(request, "setHeader", OutgoingHttp.BAGGAGE, baggage);
      }
    }
    return http.start(method, url);
  }

  /** The request's URI made absolute with the target host ({@code http://host:port}). */
  private static String absolute(@Nullable Object host, String uri) {
    if (uri.contains("://") || host == null) {
      return uri;
    }
    Object origin = Reflect.callQuietly(host, "toURI");
    return origin == null ? uri : origin + (uri.startsWith("/") ? uri : "/" + uri);
  }

  void after(Object state, @Nullable Object response, @Nullable Throwable thrown) {
    int status = -1;
    if (response != null) {
      Object code = Reflect.callQuietly(response, "getCode"); // version 5
      if (code == null) {
        code = Reflect.callQuietly(Reflect.callQuietly(response, "getStatusLine"), "getStatusCode");
      }
      status = code instanceof Integer ? (Integer) code : -1;
    }
    http.finish((OutgoingHttp.Exchange) state, status, thrown);
  }

  @Override
  public String toString() {
    return "ApacheSupport";
  }
}
