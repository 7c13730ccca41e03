package io.sentryj.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.internal.concurrent.TaskRunner;
import okhttp3.internal.connection.RealConnectionPool;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * {@link Sender} over OkHttp (protocol section 1): the auth and user-agent headers, a gzip body
 * with a {@code Content-Length}, {@code sent_at} put into the stored envelope's header as it is
 * sent (protocol rule 4), HTTP/1.1 connections kept alive in a pool.
 *
 * <p>Every thread it needs is its own and ends at {@link #close}: requests run on the caller's
 * thread ({@code execute}, never OkHttp's dispatcher pool); the connection pool's clean-up runs on
 * a task runner of this sender's ({@code <name>-pool}) instead of OkHttp's shared one; timeouts are
 * the {@link CallWatchdog}'s instead of Okio's shared watchdog. HTTP/2 is not offered: its reader
 * threads would run on OkHttp's shared task runner, which no one stops.
 *
 * <p>The client is built on the first request: building it sets up TLS (the JDK's trust store is
 * read) and loads a few hundred classes, which {@code Sentry.init} and an application that sends
 * nothing need not pay for.
 */
final class OkHttpSender implements Sender {
  private static final byte[] SENT_AT_OPEN = "{\"sent_at\":\"".getBytes(StandardCharsets.UTF_8);

  /** A response body beyond this is not read: its connection is closed rather than reused. */
  private static final long MAX_DRAINED_BYTES = 64 * 1024;

  private final String url;
  private final TransportConfig config;
  private final CallWatchdog watchdog;
  private final ReentrantLock buildLock = new ReentrantLock();
  private final Set<Call> running = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<GzipBody> compressors = new ConcurrentLinkedQueue<>();
  private final List<Thread> poolThreads = Collections.synchronizedList(new ArrayList<>());
  private volatile @Nullable OkHttpClient client;
  private volatile TaskRunner.@Nullable RealBackend backend;
  private volatile boolean closed;

  OkHttpSender(String url, TransportConfig config) {
    this.url = url;
    this.config = config;
    this.watchdog = new CallWatchdog(config);
  }

  @Override
  public SendResult send(
      byte[] stored, String sentAt, byte @Nullable [] extraItem, boolean oneShot) {
    if (closed) {
      return SendResult.failed(new IOException("the transport is closed"), false);
    }
    CallWatchdog.Listener listener = watchdog.newListener();
    Call call;
    try {
      Request.Builder request =
          new Request.Builder()
              .url(url)
              .header("User-Agent", config.userAgent)
              .header("Accept", "application/json")
              .tag(CallWatchdog.Listener.class, listener)
              .post(new EnvelopeBody(body(stored, sentAt, extraItem), oneShot));
      String auth = config.authHeader;
      if (auth != null) {
        request.header("X-Sentry-Auth", auth);
      }
      if (config.gzip) {
        request.header("Content-Encoding", "gzip");
      }
      call = client().newCall(request.build());
    } catch (RuntimeException e) {
      return SendResult.failed(new IOException("the request could not be made", e), false);
    }
    return execute(call, listener);
  }

  private SendResult execute(Call call, CallWatchdog.Listener listener) {
    running.add(call);
    if (closed) {
      call.cancel();
    }
    try (Response r = call.execute()) {
      drain(r.body());
      return SendResult.answered(
          r.code(),
          r.header("X-Sentry-Rate-Limits"),
          r.header("Retry-After"),
          r.header("X-Sentry-Error"));
    } catch (IOException e) {
      IOException error = listener.timedOut ? new SocketTimeoutException("timed out") : e;
      return SendResult.failed(error, listener.requestSent);
    } finally {
      running.remove(call);
    }
  }

  /** Reads a small answer to its end, so that its connection goes back to the pool. */
  private static void drain(@Nullable ResponseBody body) throws IOException {
    if (body != null) {
      body.source().request(MAX_DRAINED_BYTES + 1);
    }
  }

  /** The request body: {@code sent_at} added, the extra item appended, gzipped when configured. */
  private Buffer body(byte[] stored, String sentAt, byte @Nullable [] extraItem) {
    Buffer body = new Buffer();
    GzipBody gzip = null;
    try {
      OutputStream out = body.outputStream();
      if (config.gzip) {
        gzip = compressors.poll();
        gzip = gzip != null ? gzip : new GzipBody();
        out = gzip.begin(body);
      }
      writeWithSentAt(stored, sentAt, out);
      if (extraItem != null) {
        out.write(extraItem);
      }
      if (gzip != null) {
        gzip.finish();
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e); // a Buffer never throws
    } finally {
      if (gzip != null) {
        compressors.add(gzip);
      }
    }
    return body;
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
    if (headerEnd > 2) {
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

  private OkHttpClient client() {
    OkHttpClient c = client;
    if (c != null) {
      return c;
    }
    buildLock.lock();
    try {
      c = client;
      if (c == null) {
        c = build();
        client = c;
      }
      return c;
    } finally {
      buildLock.unlock();
    }
  }

  private OkHttpClient build() {
    TaskRunner.RealBackend pool =
        new TaskRunner.RealBackend(
            task -> {
              Thread t = new Thread(task, config.threadName + "-pool");
              t.setDaemon(true);
              poolThreads.add(t);
              return t;
            });
    backend = pool;
    int idle = Math.max(1, config.maxInFlight);
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectionPool(
                new ConnectionPool(
                    new RealConnectionPool(new TaskRunner(pool), idle, 5, TimeUnit.MINUTES)))
            .protocols(Collections.singletonList(Protocol.HTTP_1_1))
            .eventListenerFactory(CallWatchdog.listeners())
            .connectTimeout(config.connectTimeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(0, TimeUnit.MILLISECONDS) // the watchdog's, see the class comment
            .writeTimeout(0, TimeUnit.MILLISECONDS)
            .followRedirects(false);
    proxy(b);
    javax.net.ssl.SSLSocketFactory ssl = config.sslSocketFactory;
    javax.net.ssl.X509TrustManager trust = config.trustManager;
    if (ssl != null && trust != null) {
      b.sslSocketFactory(ssl, trust);
    }
    return b.build();
  }

  private void proxy(OkHttpClient.Builder b) {
    TransportConfig.ProxyConfig proxy = config.proxy;
    if (proxy == null) {
      return;
    }
    b.proxy(
        new java.net.Proxy(
            java.net.Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host, proxy.port)));
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

  @Override
  public void cancelAll() {
    for (Call call : running) {
      call.cancel();
    }
  }

  @Override
  public void close(long timeoutMillis) {
    closed = true;
    cancelAll();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    OkHttpClient c = client;
    if (c != null) {
      c.connectionPool().evictAll(); // also ends the pool's clean-up task
    }
    TaskRunner.RealBackend pool = backend;
    if (pool != null) {
      pool.shutdown();
    }
    try {
      for (Thread t : new ArrayList<>(poolThreads)) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      watchdog.close(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (GzipBody g; (g = compressors.poll()) != null; ) {
      g.close();
    }
  }

  @Override
  public String toString() {
    return "OkHttpSender{" + url + '}';
  }

  /** A body already in memory, so that it has a length and can be written again on a retry. */
  private static final class EnvelopeBody extends okhttp3.RequestBody {
    private static final okhttp3.MediaType ENVELOPE =
        okhttp3.MediaType.get("application/x-sentry-envelope");

    private final Buffer body;
    private final boolean oneShot;

    EnvelopeBody(Buffer body, boolean oneShot) {
      this.body = body;
      this.oneShot = oneShot;
    }

    @Override
    public okhttp3.MediaType contentType() {
      return ENVELOPE;
    }

    @Override
    public long contentLength() {
      return body.size();
    }

    @Override
    public boolean isOneShot() {
      return oneShot;
    }

    @Override
    public void writeTo(okio.BufferedSink sink) throws IOException {
      // one write: OkHttp flushes headers and body together, so Nagle never holds a tail back
      body.copyTo(sink.getBuffer(), 0, body.size());
      sink.emitCompleteSegments();
    }
  }
}
