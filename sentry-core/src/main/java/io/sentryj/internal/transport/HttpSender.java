package io.sentryj.internal.transport;

import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Posts envelopes with OkHttp (protocol section 1): the auth and user-agent headers, a gzip body
 * with a {@code Content-Length}, and {@code sent_at} put into the stored envelope's header as it is
 * sent (protocol rule 4). OkHttp's threads are daemons, so they never keep the JVM alive, and
 * OkHttp's types stay inside this package.
 */
final class HttpSender {
  private static final byte[] SENT_AT_OPEN = "{\"sent_at\":\"".getBytes(StandardCharsets.UTF_8);

  /** What became of one request. */
  static final class Result {
    final int status;
    final @Nullable String rateLimits;
    final @Nullable String retryAfter;
    final @Nullable String sentryError;
    final @Nullable IOException error;

    Result(
        int status,
        @Nullable String rateLimits,
        @Nullable String retryAfter,
        @Nullable String sentryError,
        @Nullable IOException error) {
      this.status = status;
      this.rateLimits = rateLimits;
      this.retryAfter = retryAfter;
      this.sentryError = sentryError;
      this.error = error;
    }

    @Override
    public String toString() {
      return error != null ? Diagnostics.describe(error) : "HTTP " + status;
    }
  }

  /** Told once when a request ends, on an OkHttp thread. */
  interface Listener {
    void onResult(Result result);
  }

  private final String url;
  private final @Nullable String auth;
  private final String userAgent;
  private final boolean gzip;
  // only the worker sends, so one compressor serves every request
  private final @Nullable GzipBody gzipBody;
  private final LazyClient client;
  private final ExecutorService executor;

  HttpSender(String url, TransportConfig config) {
    this.url = url;
    this.auth = config.authHeader;
    this.userAgent = config.userAgent;
    this.gzip = config.gzip;
    this.gzipBody = gzip ? new GzipBody() : null;
    this.executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<Runnable>(),
            r -> {
              Thread t = new Thread(r, config.threadName + "-http");
              t.setDaemon(true);
              return t;
            });
    this.client = new LazyClient(() -> build(config, executor));
  }

  /**
   * The OkHttp client, built on the first request: building one sets up TLS (the JDK's trust store
   * read) and loads a few hundred classes, which {@code Sentry.init} and an application that sends
   * nothing need not pay for.
   */
  private static final class LazyClient {
    private final java.util.function.Supplier<OkHttpClient> factory;
    private @Nullable OkHttpClient built;

    LazyClient(java.util.function.Supplier<OkHttpClient> factory) {
      this.factory = factory;
    }

    synchronized Call newCall(Request request) {
      OkHttpClient c = built;
      if (c == null) {
        c = factory.get();
        built = c;
      }
      return c.newCall(request);
    }

    synchronized void close() {
      OkHttpClient c = built;
      if (c != null) {
        c.dispatcher().cancelAll();
        c.connectionPool().evictAll();
      }
    }
  }

  private static OkHttpClient build(TransportConfig config, ExecutorService executor) {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .dispatcher(new Dispatcher(executor))
            .connectTimeout(config.connectTimeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(config.readTimeoutMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(config.writeTimeoutMillis, TimeUnit.MILLISECONDS)
            .followRedirects(false);
    TransportConfig.ProxyConfig proxy = config.proxy;
    if (proxy != null) {
      b.proxy(
          new java.net.Proxy(
              java.net.Proxy.Type.HTTP,
              InetSocketAddress.createUnresolved(proxy.host, proxy.port)));
      String user = proxy.user;
      if (user != null) {
        String credentials = Credentials.basic(user, proxy.password != null ? proxy.password : "");
        b.proxyAuthenticator(
            (route, response) ->
                response.request().header("Proxy-Authorization") != null
                    ? null // the proxy refused these credentials: asking again will not help
                    : response
                        .request()
                        .newBuilder()
                        .header("Proxy-Authorization", credentials)
                        .build());
      }
    }
    javax.net.ssl.SSLSocketFactory ssl = config.sslSocketFactory;
    javax.net.ssl.X509TrustManager trust = config.trustManager;
    if (ssl != null && trust != null) {
      b.sslSocketFactory(ssl, trust);
    }
    return b.build();
  }

  /**
   * Posts a stored envelope (no {@code sent_at}) with {@code sent_at} added, and an extra item
   * appended if given (a client report). Called by one thread at a time: the bodies share one
   * compressor.
   */
  Call send(byte[] stored, String sentAt, byte @Nullable [] extraItem, Listener listener) {
    Buffer body = new Buffer();
    try {
      GzipBody g = gzipBody;
      OutputStream out = g != null ? g.begin(body) : body.outputStream();
      writeWithSentAt(stored, sentAt, out);
      if (extraItem != null) {
        out.write(extraItem);
      }
      if (g != null) {
        g.finish();
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e); // a Buffer never throws
    }
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("User-Agent", userAgent)
            .header("Accept", "application/json")
            .post(new BufferBody(body));
    if (auth != null) {
      request.header("X-Sentry-Auth", auth);
    }
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    Call call = client.newCall(request.build());
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            listener.onResult(new Result(0, null, null, null, e));
          }

          @Override
          public void onResponse(Call c, Response response) {
            try (Response r = response) {
              listener.onResult(
                  new Result(
                      r.code(),
                      r.header("X-Sentry-Rate-Limits"),
                      r.header("Retry-After"),
                      r.header("X-Sentry-Error"),
                      null));
            }
          }
        });
    return call;
  }

  /**
   * The stored envelope with {@code "sent_at":"…"} as the header's first key; the stored header
   * never has one (protocol rule 4), so no key appears twice.
   */
  static void writeWithSentAt(byte[] stored, String sentAt, OutputStream out) throws IOException {
    int headerEnd = 0;
    while (headerEnd < stored.length && stored[headerEnd] != '\n') {
      headerEnd++;
    }
    out.write(SENT_AT_OPEN);
    out.write(sentAt.getBytes(StandardCharsets.US_ASCII));
    out.write('"');
    // the stored header is "{" + fields + "}": keep its fields after ours
    boolean empty = headerEnd <= 2;
    if (!empty) {
      out.write(',');
      out.write(stored, 1, stored.length - 1);
    } else {
      out.write('}');
      out.write(stored, headerEnd, stored.length - headerEnd);
    }
    if (stored.length == 0 || stored[stored.length - 1] != '\n') {
      out.write('\n');
    }
  }

  void close() {
    client.close();
    executor.shutdownNow();
    GzipBody g = gzipBody;
    if (g != null) {
      g.close();
    }
  }

  @Override
  public String toString() {
    return "HttpSender{" + url + '}';
  }

  /** A body already in memory, so that it has a length and can be written again on a retry. */
  private static final class BufferBody extends RequestBody {
    private static final MediaType ENVELOPE = MediaType.get("application/x-sentry-envelope");

    private final Buffer body;

    BufferBody(Buffer body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      return ENVELOPE;
    }

    @Override
    public long contentLength() {
      return body.size();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      // one write: OkHttp flushes headers and body together, so Nagle never holds a tail back
      body.copyTo(sink.getBuffer(), 0, body.size());
      sink.emitCompleteSegments();
    }
  }
}
