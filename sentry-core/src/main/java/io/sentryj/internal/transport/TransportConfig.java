package io.sentryj.internal.transport;

import io.sentryj.SentryOptions;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.pipeline.SdkInfo;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link DeliveryProcessor} is made with: where it sends, its bounds, its outbox and its
 * timings. Fields are set by {@link #forOptions} and, in tests, changed before the transport is
 * made.
 */
final class TransportConfig {
  /** The retries' first delay; it doubles up to {@link #RETRY_MAX_MILLIS}, with jitter. */
  static final long RETRY_INITIAL_MILLIS = 500;

  /**
   * The longest wait between two probes while Sentry is unreachable: an outage costs its own length
   * and at most this much more (a {@code Retry-After} asks for longer).
   */
  static final long RETRY_MAX_MILLIS = 5_000;

  /** The largest share of the heap the queue's byte bound may take. */
  static final int MAX_HEAP_FRACTION = 8;

  static final long CLIENT_REPORT_INTERVAL_MILLIS = 30_000;

  /** The envelope URL, or null to send nothing (outbox only). */
  @Nullable String url;

  @Nullable String authHeader;
  String userAgent = SdkInfo.NAME + "/" + SdkInfo.VERSION;
  boolean gzip = true;
  long connectTimeoutMillis = 5000;
  long readTimeoutMillis = 5000;
  long writeTimeoutMillis = 5000;
  @Nullable ProxyConfig proxy;
  @Nullable SSLSocketFactory sslSocketFactory;
  @Nullable X509TrustManager trustManager;

  /** Requests on the wire at once: enough to hide a round trip, few enough to be polite. */
  int maxInFlight = 4;

  int maxQueueSize = 1000;
  long maxQueueBytes = 16L * 1024 * 1024;

  /** The outbox directory, or null for memory only. */
  @Nullable Path outboxDir;

  int outboxMaxItems = 1000;
  long outboxMaxBytes = 64L * 1024 * 1024;

  /**
   * Without an outbox: how often an envelope is retried before it is dropped; negative for as long
   * as the queue's bounds let it wait.
   */
  int memoryRetries = -1;

  long retryInitialMillis = RETRY_INITIAL_MILLIS;
  long retryMaxMillis = RETRY_MAX_MILLIS;
  boolean sendClientReports = true;
  long clientReportIntervalMillis = CLIENT_REPORT_INTERVAL_MILLIS;
  boolean rateLimits = true;
  String threadName = "sentryj-transport";

  /** Whether close also removes the default location's {@code sentryj} directory when empty. */
  boolean removeParentIfEmpty;

  /**
   * Whether drops counted after close are reported by the next SDK to start in the JVM: only for
   * the SDK's own transport, see {@link DeliveryPolicy}.
   */
  boolean carryOverDrops;

  /** The configuration of the transport to Sentry for these options. */
  static TransportConfig forOptions(SentryOptions options) {
    TransportConfig c = new TransportConfig();
    String dsnText = options.dsn();
    Dsn dsn = options.hasDsn() && dsnText != null ? Dsn.parse(dsnText) : null;
    if (dsn != null && !options.outboxOnly()) {
      c.url = dsn.envelopeUrl();
      c.authHeader = authHeader(dsn);
    }
    c.connectTimeoutMillis = options.connectionTimeoutMillis();
    c.readTimeoutMillis = options.readTimeoutMillis();
    c.writeTimeoutMillis = options.writeTimeoutMillis();
    SentryOptions.Proxy p = options.proxy();
    if (p != null) {
      c.proxy = new ProxyConfig(p.host(), p.port(), p.user(), p.password());
    }
    c.sslSocketFactory = options.sslSocketFactory();
    c.trustManager = options.trustManager();
    c.maxQueueSize = options.maxQueueSize();
    c.maxQueueBytes = heapBounded(options.maxQueueBytes());
    if (options.enableOutbox() || options.outboxOnly()) {
      String dir = options.outboxDir();
      c.outboxDir =
          dir != null
              ? Paths.get(dir)
              : OutboxDirectory.defaultDir(dsn != null ? dsn.hash() : "outbox");
      c.removeParentIfEmpty = dir == null;
    }
    c.carryOverDrops = true;
    c.outboxMaxItems = options.outboxMaxItems();
    c.outboxMaxBytes = options.outboxMaxBytes();
    c.sendClientReports = options.sendClientReports();
    return c;
  }

  /** The configuration of a Spotlight sink: no auth, no outbox, no retries, no reports. */
  static TransportConfig forSpotlight(SentryOptions options) {
    TransportConfig c = new TransportConfig();
    c.url = options.spotlightUrl();
    c.gzip = false;
    c.maxQueueSize = options.maxQueueSize();
    c.maxQueueBytes = heapBounded(options.maxQueueBytes());
    c.memoryRetries = 0;
    c.maxInFlight = 1;
    c.sendClientReports = false;
    c.rateLimits = false;
    c.threadName = "sentryj-spotlight";
    return c;
  }

  /**
   * {@code max-queue-bytes}, but at most an eighth of the heap: a small heap is not filled by what
   * waits to be sent.
   */
  static long heapBounded(long maxQueueBytes) {
    long heap = Runtime.getRuntime().maxMemory();
    return heap == Long.MAX_VALUE
        ? maxQueueBytes
        : Math.min(maxQueueBytes, heap / MAX_HEAP_FRACTION);
  }

  /** {@code X-Sentry-Auth} (protocol section 1); the secret only when the DSN has one. */
  static String authHeader(Dsn dsn) {
    StringBuilder sb =
        new StringBuilder("Sentry sentry_version=7, sentry_client=")
            .append(SdkInfo.NAME)
            .append('/')
            .append(SdkInfo.VERSION)
            .append(", sentry_key=")
            .append(dsn.publicKey());
    String secret = dsn.secretKey();
    if (secret != null) {
      sb.append(", sentry_secret=").append(secret);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "TransportConfig{url=" + url + ", outbox=" + outboxDir + '}';
  }

  /** An HTTP proxy, with credentials or none. */
  static final class ProxyConfig {
    final String host;
    final int port;
    final @Nullable String user;
    final @Nullable String password;

    ProxyConfig(String host, int port, @Nullable String user, @Nullable String password) {
      this.host = host;
      this.port = port;
      this.user = user;
      this.password = password;
    }

    @Override
    public String toString() {
      return "Proxy{" + host + ":" + port + '}';
    }
  }
}
