package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.bootstrap.HttpBridge;
import io.sentryj.agent.instrumentation.WeakIdentityMap;
import java.io.IOException;
import java.net.HttpURLConnection;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link HttpBridge}: per client, reads the request from the client's own
 * objects, adds the trace headers and records the breadcrumb through {@link OutgoingHttp}.
 */
public final class HttpHooks implements HttpBridge.Hooks {
  /** Connections opened and not yet read; bounded so that abandoned ones cannot pile up. */
  private final WeakIdentityMap<Object, OutgoingHttp.Exchange> connections =
      new WeakIdentityMap<>(10_000);

  private final OutgoingHttp http;
  private final JavaHttpClientSupport javaHttp;
  private final ApacheSupport apache;

  public HttpHooks(OutgoingHttp http) {
    this.http = http;
    this.javaHttp = new JavaHttpClientSupport(http);
    this.apache = new ApacheSupport(http);
  }

  /** Connects the bridge to these hooks. */
  public static void install(OutgoingHttp http) {
    HttpBridge.install(new HttpHooks(http));
  }

  @Override
  public @Nullable Object urlConnectionBefore(Object connection, boolean connected) {
    OutgoingHttp.Exchange started = connections.get(connection);
    if (started != null) {
      return started.isFinished() ? null : connection; // a later call of the same exchange
    }
    if (connected || !(connection instanceof HttpURLConnection)) {
      return null;
    }
    HttpURLConnection c = (HttpURLConnection) connection;
    String url = c.getURL().toString();
    if (!http.records(url)) {
      return null;
    }
    String[] headers = http.traceHeaders(url);
    if (headers != null) {
      if (c.getRequestProperty(OutgoingHttp.SENTRY_TRACE) == null) {
        c.setRequestProperty(OutgoingHttp.SENTRY_TRACE, headers[0]);
      }
      String baggage =
          OutgoingHttp.mergeBaggage(c.getRequestProperty(OutgoingHttp.BAGGAGE), headers[1]);
      if (baggage != null) {
        c.setRequestProperty(OutgoingHttp.BAGGAGE, baggage);
      }
    }
    // the method is read at the end: getOutputStream turns a GET into a POST
    OutgoingHttp.Exchange exchange = http.start("GET", url);
    connections.put(connection, exchange);
    return connection;
  }

  @Override
  public void urlConnectionAfter(Object state, @Nullable Throwable thrown, boolean read) {
    if (!read && thrown == null) {
      return; // connected or writing: the response comes later
    }
    // kept, finished, while the connection lives: its later calls (getResponseCode after a
    // failure calls getInputStream again) must not start another exchange
    OutgoingHttp.Exchange exchange = connections.get(state);
    if (exchange == null) {
      return;
    }
    HttpURLConnection c = (HttpURLConnection) state;
    int status = -1;
    if (read) {
      // after getInputStream the status line is known, or its failure is remembered: no new I/O
      try {
        status = c.getResponseCode();
      } catch (IOException | RuntimeException e) {
        status = -1;
      }
    }
    http.finish(exchange.withMethod(c.getRequestMethod()), status, thrown);
  }

  @Override
  public @Nullable Object javaHttpBefore(Object request) {
    return javaHttp.before(request);
  }

  @Override
  public Object javaHttpRequest(Object state, Object request) {
    return javaHttp.withTraceHeaders(state, request);
  }

  @Override
  public void javaHttpAfter(
      Object state, @Nullable Object response, @Nullable Throwable thrown, boolean async) {
    javaHttp.after(state, response, thrown, async);
  }

  @Override
  public @Nullable Object apacheBefore(@Nullable Object host, Object request) {
    return apache.before(host, request);
  }

  @Override
  public void apacheAfter(Object state, @Nullable Object response, @Nullable Throwable thrown) {
    apache.after(state, response, thrown);
  }

  @Override
  public void okHttpBuilder(Object builder) {
    OkHttpInterceptor.addTo(builder, http);
  }

  @Override
  public String toString() {
    return "HttpHooks{" + http + '}';
  }
}
