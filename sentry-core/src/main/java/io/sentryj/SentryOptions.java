package io.sentryj;

import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.config.OptionRules;
import io.sentryj.internal.config.OptionText;
import io.sentryj.internal.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's configuration: immutable, made by a {@link Builder} and validated in {@link
 * Builder#build()}.
 *
 * <p>Values come from, highest first: code, system properties {@code sentry.<key>}, environment
 * variables {@code SENTRY_<KEY>}, and a {@code sentry.properties} file. Keys are those of the
 * official Sentry Java SDK ({@code dsn}, {@code sample-rate}, {@code in-app-includes}, ...), so a
 * configuration moves between the two unchanged.
 */
public final class SentryOptions {
  /** The default environment. */
  public static final String DEFAULT_ENVIRONMENT = "production";

  /**
   * The largest breadcrumb ring a scope keeps; a larger {@code max-breadcrumbs} is lowered to it,
   * since every scope holds that many and events carry them all.
   */
  public static final int MAX_BREADCRUMBS_LIMIT = 1000;

  /** Where Spotlight listens by default. */
  public static final String DEFAULT_SPOTLIGHT_URL = "http://localhost:8969/stream";

  private final @Nullable String dsn;
  private final @Nullable Dsn parsedDsn;
  private final String environment;
  private final @Nullable String release;
  private final @Nullable String dist;
  private final @Nullable String serverName;
  private final double sampleRate;
  private final boolean debug;
  private final boolean sendDefaultPii;
  private final List<String> scrubFields;
  private final List<String> safeFields;
  private final List<String> inAppIncludes;
  private final List<String> inAppExcludes;
  private final Map<String, String> tags;
  private final int maxBreadcrumbs;
  private final List<String> ignoredExceptionsForType;
  private final List<String> ignoredErrors;
  private final List<String> tracePropagationTargets;
  private final long shutdownTimeoutMillis;
  private final long flushTimeoutMillis;
  private final @Nullable Proxy proxy;
  private final boolean attachStacktrace;
  private final boolean attachThreads;
  private final boolean attachServerName;
  private final long maxAttachmentSize;
  private final boolean enableUncaughtExceptionHandler;
  private final boolean enableShutdownHook;
  private final boolean sendClientReports;
  private final boolean enableDeduplication;
  private final @Nullable BeforeSendCallback beforeSend;
  private final @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;
  private final List<EventProcessor> eventProcessors;
  private final @Nullable DiscardListener discardListener;
  private final @Nullable Function<SentryOptions, Transport> transportFactory;
  // --- delivery: queue, HTTP, outbox, spotlight (protocol sections 1, 4, 5) ---
  private final int maxQueueSize;
  private final long maxQueueBytes;
  private final long connectionTimeoutMillis;
  private final long readTimeoutMillis;
  private final long writeTimeoutMillis;
  private final boolean enableOutbox;
  private final @Nullable String outboxDir;
  private final int outboxMaxItems;
  private final long outboxMaxBytes;
  private final boolean outboxOnly;
  private final boolean spotlight;
  private final String spotlightUrl;
  private final @Nullable SSLSocketFactory sslSocketFactory;
  private final @Nullable X509TrustManager trustManager;
  // --- end of delivery ---
  private final Map<String, String> origins;
  // structured logs (protocol section 9)
  private final boolean logsEnabled;
  // --- web requests (sentry-servlet) ---
  private final RequestBodySize maxRequestBodySize;
  private final boolean captureServerErrors;
  private final boolean enableAutoSessionTracking;

  // --- end web requests ---

  private SentryOptions(Builder b) {
    this.dsn = b.dsn;
    this.parsedDsn = b.hasDsn() ? Dsn.parse(b.dsn()) : null;
    this.environment = b.environment;
    this.release = b.release;
    this.dist = b.dist;
    this.serverName = b.serverName;
    this.sampleRate = b.sampleRate;
    this.debug = b.debug;
    this.sendDefaultPii = b.sendDefaultPii;
    this.scrubFields = immutableList(b.scrubFields);
    this.safeFields = immutableList(b.safeFields);
    this.inAppIncludes = immutableList(b.inAppIncludes);
    this.inAppExcludes = immutableList(b.inAppExcludes);
    this.tags = immutableMap(b.tags);
    this.maxBreadcrumbs = Math.min(b.maxBreadcrumbs, MAX_BREADCRUMBS_LIMIT);
    this.ignoredExceptionsForType = immutableList(b.ignoredExceptionsForType);
    this.ignoredErrors = immutableList(b.ignoredErrors);
    this.tracePropagationTargets = immutableList(b.tracePropagationTargets);
    this.shutdownTimeoutMillis = b.shutdownTimeoutMillis;
    this.flushTimeoutMillis = b.flushTimeoutMillis;
    this.proxy = b.proxy();
    this.attachStacktrace = b.attachStacktrace;
    this.attachThreads = b.attachThreads;
    this.attachServerName = b.attachServerName;
    this.maxAttachmentSize = b.maxAttachmentSize;
    this.enableUncaughtExceptionHandler = b.enableUncaughtExceptionHandler;
    this.enableShutdownHook = b.enableShutdownHook;
    this.sendClientReports = b.sendClientReports;
    this.enableDeduplication = b.enableDeduplication;
    this.beforeSend = b.beforeSend;
    this.beforeBreadcrumb = b.beforeBreadcrumb;
    this.eventProcessors = immutableList(b.eventProcessors);
    this.discardListener = b.discardListener;
    this.transportFactory = b.transportFactory;
    // --- delivery ---
    this.maxQueueSize = b.maxQueueSize;
    this.maxQueueBytes = b.maxQueueBytes;
    this.connectionTimeoutMillis = b.connectionTimeoutMillis;
    this.readTimeoutMillis = b.readTimeoutMillis;
    this.writeTimeoutMillis = b.writeTimeoutMillis;
    this.enableOutbox = b.enableOutbox;
    this.outboxDir = b.outboxDir;
    this.outboxMaxItems = b.outboxMaxItems;
    this.outboxMaxBytes = b.outboxMaxBytes;
    this.outboxOnly = b.outboxOnly;
    this.spotlight = b.spotlight;
    this.spotlightUrl = b.spotlightUrl;
    this.sslSocketFactory = b.sslSocketFactory;
    this.trustManager = b.trustManager;
    // --- end of delivery ---
    this.origins = immutableMap(b.origins);
    // structured logs (protocol section 9)
    this.logsEnabled = b.logsEnabled;
    // --- web requests (sentry-servlet) ---
    this.maxRequestBodySize = b.maxRequestBodySize;
    this.captureServerErrors = b.captureServerErrors;
    this.enableAutoSessionTracking = b.enableAutoSessionTracking;
    // --- end web requests ---
  }

  /** A new builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static <T> List<T> immutableList(List<T> list) {
    return list.isEmpty()
        ? Collections.<T>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }

  private static <K, V> Map<K, V> immutableMap(Map<K, V> map) {
    return map.isEmpty()
        ? Collections.<K, V>emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The DSN, trimmed; null or empty disables the SDK. When set it is valid: {@code
   * Dsn.parse(dsn())} does not throw.
   */
  public @Nullable String dsn() {
    return dsn;
  }

  /** Whether a DSN is set, so that events can be delivered to a server. */
  public boolean hasDsn() {
    return parsedDsn != null;
  }

  /** The environment, {@code production} by default. */
  public String environment() {
    return environment;
  }

  /** The release, valid per protocol §3, or null. */
  public @Nullable String release() {
    return release;
  }

  /** The distribution (build) of the release, or null. */
  public @Nullable String dist() {
    return dist;
  }

  /** The server name; when null and {@link #attachServerName()}, the host name is used. */
  public @Nullable String serverName() {
    return serverName;
  }

  /** The share of error events sent, from 0 to 1; 1 by default. */
  public double sampleRate() {
    return sampleRate;
  }

  /** Whether the SDK prints its own diagnostics. */
  public boolean debug() {
    return debug;
  }

  /** Whether personal data (cookies, IP addresses, user names, bodies) may be sent. */
  public boolean sendDefaultPii() {
    return sendDefaultPii;
  }

  /**
   * More key names whose values are never sent, beside the built-in ones (password, secret, token,
   * ...): matched like them, as parts of a key, ignoring case, {@code -}, {@code _} and {@code .}.
   */
  public List<String> scrubFields() {
    return scrubFields;
  }

  /** Key names whose values are sent as they are, even when they look sensitive. */
  public List<String> safeFields() {
    return safeFields;
  }

  /** Package prefixes whose frames are the application's. */
  public List<String> inAppIncludes() {
    return inAppIncludes;
  }

  /** Package prefixes whose frames are not the application's. */
  public List<String> inAppExcludes() {
    return inAppExcludes;
  }

  /** Tags added to every event. */
  public Map<String, String> tags() {
    return tags;
  }

  /**
   * The size of each scope's breadcrumb ring, 100 by default, at most {@link
   * #MAX_BREADCRUMBS_LIMIT}; 0 keeps none.
   */
  public int maxBreadcrumbs() {
    return maxBreadcrumbs;
  }

  /**
   * Class names of exceptions never sent: an event is dropped when any exception in its cause chain
   * is of one of these classes or a subclass.
   */
  public List<String> ignoredExceptionsForType() {
    return ignoredExceptionsForType;
  }

  /** Messages of events never sent: each an exact string or a regular expression. */
  public List<String> ignoredErrors() {
    return ignoredErrors;
  }

  /**
   * URLs of outgoing requests that get {@code sentry-trace} and {@code baggage} headers: each a
   * substring or a regular expression; every URL by default ({@code .*}), none when empty.
   */
  public List<String> tracePropagationTargets() {
    return tracePropagationTargets;
  }

  /** How long {@code close()} from the shutdown hook may take, 2000 ms by default. */
  public long shutdownTimeoutMillis() {
    return shutdownTimeoutMillis;
  }

  /** How long a flush may take by default, 15000 ms by default. */
  public long flushTimeoutMillis() {
    return flushTimeoutMillis;
  }

  /** The HTTP proxy, or null. */
  public @Nullable Proxy proxy() {
    return proxy;
  }

  /** Whether message events carry the caller's stack. */
  public boolean attachStacktrace() {
    return attachStacktrace;
  }

  /** Whether events carry the stacks of all threads. */
  public boolean attachThreads() {
    return attachThreads;
  }

  /** Whether events carry the host name when no server name is set; true by default. */
  public boolean attachServerName() {
    return attachServerName;
  }

  /** The largest attachment sent, 20 MiB by default. */
  public long maxAttachmentSize() {
    return maxAttachmentSize;
  }

  /** Whether the SDK reports exceptions no thread caught; true by default. */
  public boolean enableUncaughtExceptionHandler() {
    return enableUncaughtExceptionHandler;
  }

  /** Whether a shutdown hook flushes and closes the SDK; true by default. */
  public boolean enableShutdownHook() {
    return enableShutdownHook;
  }

  // --- web requests (sentry-servlet) ---

  /**
   * How much of a request's body web integrations attach to its events, only with {@link
   * #sendDefaultPii()}: {@link RequestBodySize#NONE} by default.
   */
  public RequestBodySize maxRequestBodySize() {
    return maxRequestBodySize;
  }

  /**
   * Whether web integrations report responses with status 500 or more that no exception explains;
   * false by default.
   */
  public boolean captureServerErrors() {
    return captureServerErrors;
  }

  /**
   * Whether web integrations track one session per request, sent as per-minute aggregates (needs a
   * {@link #release()}); true by default.
   */
  public boolean enableAutoSessionTracking() {
    return enableAutoSessionTracking;
  }

  // --- end web requests ---

  /** Whether client reports of dropped data are sent; true by default. */
  public boolean sendClientReports() {
    return sendClientReports;
  }

  /** Whether a second event made from the same throwable instance is dropped; true by default. */
  public boolean enableDeduplication() {
    return enableDeduplication;
  }

  /** Called with each event before it is sent, or null. */
  public @Nullable BeforeSendCallback beforeSend() {
    return beforeSend;
  }

  /** Called with each breadcrumb before it is recorded, or null. */
  public @Nullable BeforeBreadcrumbCallback beforeBreadcrumb() {
    return beforeBreadcrumb;
  }

  /** Event processors that run first, in order, for every event. */
  public List<EventProcessor> eventProcessors() {
    return eventProcessors;
  }

  /** Told of every item the SDK drops, or null. */
  public @Nullable DiscardListener discardListener() {
    return discardListener;
  }

  /** Makes the transport; null means the SDK's default. */
  public @Nullable Function<SentryOptions, Transport> transportFactory() {
    return transportFactory;
  }

  // structured logs (protocol section 9)

  /** Whether logs go to Sentry as structured logs ({@code log} items); false by default. */
  public boolean logsEnabled() {
    return logsEnabled;
  }

  // --- delivery: queue, HTTP, outbox, spotlight ---

  /** How many envelopes wait in memory for the transport's worker, 1000 by default. */
  public int maxQueueSize() {
    return maxQueueSize;
  }

  /** How many bytes (as estimated when queued) wait in memory, 16 MiB by default. */
  public long maxQueueBytes() {
    return maxQueueBytes;
  }

  /** How long connecting to Sentry may take, 5000 ms by default. */
  public long connectionTimeoutMillis() {
    return connectionTimeoutMillis;
  }

  /** How long waiting for Sentry's response may take, 5000 ms by default. */
  public long readTimeoutMillis() {
    return readTimeoutMillis;
  }

  /** How long sending one request body may stall, 5000 ms by default. */
  public long writeTimeoutMillis() {
    return writeTimeoutMillis;
  }

  /**
   * Whether envelopes are written to a disk outbox before they are sent, so that they survive
   * outages and restarts; true by default.
   */
  public boolean enableOutbox() {
    return enableOutbox;
  }

  /** The outbox directory, or null for the default: {@code <java.io.tmpdir>/sentryj/<dsn hash>}. */
  public @Nullable String outboxDir() {
    return outboxDir;
  }

  /** The most envelopes the outbox keeps; the oldest are evicted beyond it. 1000 by default. */
  public int outboxMaxItems() {
    return outboxMaxItems;
  }

  /** The most bytes the outbox keeps; the oldest are evicted beyond it. 64 MiB by default. */
  public long outboxMaxBytes() {
    return outboxMaxBytes;
  }

  /** Whether envelopes are only written to the outbox and never sent; false by default. */
  public boolean outboxOnly() {
    return outboxOnly;
  }

  /** Whether every envelope is also posted to a local Spotlight; false by default. */
  public boolean spotlight() {
    return spotlight;
  }

  /** Where Spotlight listens, {@code http://localhost:8969/stream} by default. */
  public String spotlightUrl() {
    return spotlightUrl;
  }

  /** The TLS socket factory for HTTPS to Sentry, or null for the JVM's default. */
  public @Nullable SSLSocketFactory sslSocketFactory() {
    return sslSocketFactory;
  }

  /** The trust manager that goes with {@link #sslSocketFactory()}, or null. */
  public @Nullable X509TrustManager trustManager() {
    return trustManager;
  }

  // --- end of delivery ---

  /**
   * Where the value of an option came from: {@code "code"}, {@code "system property sentry.dsn"},
   * {@code "environment variable SENTRY_DSN"}, {@code "file /etc/app/sentry.properties"}, or {@code
   * "default"}.
   */
  public String originOf(String key) {
    String origin = origins.get(key);
    return origin != null ? origin : "default";
  }

  /** The options for a debug line: the DSN's secret key masked, no proxy password. */
  @Override
  public String toString() {
    return "SentryOptions{dsn="
        + (parsedDsn != null ? parsedDsn.toString() : "(none: disabled)")
        + ", environment="
        + environment
        + ", release="
        + release
        + ", dist="
        + dist
        + ", serverName="
        + serverName
        + ", sampleRate="
        + sampleRate
        + ", debug="
        + debug
        + ", sendDefaultPii="
        + sendDefaultPii
        + ", scrubFields="
        + scrubFields
        + ", safeFields="
        + safeFields
        + ", inAppIncludes="
        + inAppIncludes
        + ", inAppExcludes="
        + inAppExcludes
        + ", tags="
        + tags
        + ", maxBreadcrumbs="
        + maxBreadcrumbs
        + ", ignoredExceptionsForType="
        + ignoredExceptionsForType
        + ", ignoredErrors="
        + ignoredErrors
        + ", shutdownTimeoutMillis="
        + shutdownTimeoutMillis
        + ", flushTimeoutMillis="
        + flushTimeoutMillis
        + ", proxy="
        + proxy
        + ", attachStacktrace="
        + attachStacktrace
        + ", attachThreads="
        + attachThreads
        + ", attachServerName="
        + attachServerName
        + ", maxAttachmentSize="
        + maxAttachmentSize
        + ", enableUncaughtExceptionHandler="
        + enableUncaughtExceptionHandler
        + ", enableShutdownHook="
        + enableShutdownHook
        + ", sendClientReports="
        + sendClientReports
        + ", enableDeduplication="
        + enableDeduplication
        + ", logsEnabled="
        + logsEnabled
        + ", maxRequestBodySize="
        + maxRequestBodySize
        + ", captureServerErrors="
        + captureServerErrors
        + ", enableAutoSessionTracking="
        + enableAutoSessionTracking
        + '}';
  }

  /**
   * How much of a request body is attached to events (option {@code max-request-body-size}, the
   * official SDK's values): bodies over the limit are left out whole, never cut.
   */
  public enum RequestBodySize {
    /** No body. */
    NONE(0),
    /** Bodies of up to 1,000 bytes. */
    SMALL(1000),
    /** Bodies of up to 10,000 bytes. */
    MEDIUM(10_000),
    /** Bodies of any size up to what fits an event (about 100 KB of the 1 MiB limit). */
    ALWAYS(100_000);

    private final int maxBytes;

    RequestBodySize(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    /** The largest body attached, in bytes; 0 for {@link #NONE}. */
    public int maxBytes() {
      return maxBytes;
    }

    static RequestBodySize parse(OptionText text) {
      for (RequestBodySize size : values()) {
        if (size.name().equalsIgnoreCase(text.string())) {
          return size;
        }
      }
      throw new IllegalArgumentException(
          text.key()
              + "="
              + text.string()
              + " (from "
              + text.origin()
              + "): must be none, small, medium or always");
    }
  }

  /** An HTTP proxy. */
  public static final class Proxy {
    private final String host;
    private final int port;
    private final @Nullable String user;
    private final @Nullable String password;

    /** A proxy; user and password may be null. */
    public Proxy(String host, int port, @Nullable String user, @Nullable String password) {
      this.host = host;
      this.port = port;
      this.user = user;
      this.password = password;
    }

    /** The proxy's host. */
    public String host() {
      return host;
    }

    /** The proxy's port, 1 to 65535. */
    public int port() {
      return port;
    }

    /** The user to authenticate as, or null. */
    public @Nullable String user() {
      return user;
    }

    /** The password, or null; never logged. */
    public @Nullable String password() {
      return password;
    }

    /** Host, port and user; never the password. */
    @Override
    public String toString() {
      return "Proxy{" + host + ":" + port + (user != null ? ", user=" + user : "") + '}';
    }
  }

  /**
   * Builds {@link SentryOptions}. Setters record {@code "code"} as each value's origin; values are
   * checked in {@link #build()}.
   *
   * <pre>{@code
   * SentryOptions options = SentryOptions.builder()
   *     .dsn("https://key@o1.ingest.sentry.io/42")
   *     .option("sample-rate", "0.5")
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private static final String TAGS_PREFIX = "tags.";
    private static final String CODE = "code";
    // messages shared by text parsing and build(), so that both say the same thing
    private static final String SAMPLE_RATE_RULE = "must be a number from 0 to 1";
    private static final String NOT_NEGATIVE_RULE = "must be a whole number, 0 or more";
    private static final String POSITIVE_RULE = "must be a whole number, 1 or more";
    private static final String PORT_RULE = "must be a number from 1 to 65535";

    /** Every key that {@link #option} knows but the {@code tags.} family, and how to set it. */
    private static final Map<String, TextSetter> TEXT_SETTERS = textSetters();

    static {
      BuilderAccess.install(new Access());
    }

    @Nullable String dsn;
    String environment = DEFAULT_ENVIRONMENT;
    @Nullable String release;
    @Nullable String dist;
    @Nullable String serverName;
    double sampleRate = 1.0;
    boolean debug;
    boolean sendDefaultPii;
    final List<String> scrubFields = new ArrayList<>();
    final List<String> safeFields = new ArrayList<>();
    final List<String> inAppIncludes = new ArrayList<>();
    final List<String> inAppExcludes = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    int maxBreadcrumbs = 100;
    final List<String> ignoredExceptionsForType = new ArrayList<>();
    final List<String> ignoredErrors = new ArrayList<>();
    final List<String> tracePropagationTargets = new ArrayList<>(Collections.singletonList(".*"));
    long shutdownTimeoutMillis = 2000;
    long flushTimeoutMillis = 15000;
    // kept apart because proxy.* keys arrive one by one from different sources
    @Nullable String proxyHost;
    @Nullable Integer proxyPort;
    @Nullable String proxyUser;
    @Nullable String proxyPassword;
    boolean attachStacktrace;
    boolean attachThreads;
    boolean attachServerName = true;
    long maxAttachmentSize = 20L * 1024 * 1024;
    boolean enableUncaughtExceptionHandler = true;
    boolean enableShutdownHook = true;
    boolean sendClientReports = true;
    boolean enableDeduplication = true;
    @Nullable BeforeSendCallback beforeSend;
    @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;
    final List<EventProcessor> eventProcessors = new ArrayList<>();
    @Nullable DiscardListener discardListener;
    @Nullable Function<SentryOptions, Transport> transportFactory;
    // --- delivery: queue, HTTP, outbox, spotlight ---
    int maxQueueSize = 1000;
    long maxQueueBytes = 16L * 1024 * 1024;
    long connectionTimeoutMillis = 5000;
    long readTimeoutMillis = 5000;
    long writeTimeoutMillis = 5000;
    boolean enableOutbox = true;
    @Nullable String outboxDir;
    int outboxMaxItems = 1000;
    long outboxMaxBytes = 64L * 1024 * 1024;
    boolean outboxOnly;
    boolean spotlight;
    String spotlightUrl = DEFAULT_SPOTLIGHT_URL;
    @Nullable SSLSocketFactory sslSocketFactory;
    @Nullable X509TrustManager trustManager;
    // --- end of delivery ---
    boolean externalConfiguration = true;
    final Map<String, String> origins = new LinkedHashMap<>();
    // --- web requests (sentry-servlet) ---
    RequestBodySize maxRequestBodySize = RequestBodySize.NONE;
    boolean captureServerErrors;
    boolean enableAutoSessionTracking = true;
    // --- end web requests ---
    // the text each key was last set from, so that errors quote what the user wrote ("2", not 2.0)
    private final Map<String, String> texts = new LinkedHashMap<>();
    // structured logs (protocol section 9)
    boolean logsEnabled;

    Builder() {}

    Builder(SentryOptions o) {
      dsn = o.dsn;
      environment = o.environment;
      release = o.release;
      dist = o.dist;
      serverName = o.serverName;
      sampleRate = o.sampleRate;
      debug = o.debug;
      sendDefaultPii = o.sendDefaultPii;
      scrubFields.addAll(o.scrubFields);
      safeFields.addAll(o.safeFields);
      inAppIncludes.addAll(o.inAppIncludes);
      inAppExcludes.addAll(o.inAppExcludes);
      tags.putAll(o.tags);
      maxBreadcrumbs = o.maxBreadcrumbs;
      ignoredExceptionsForType.addAll(o.ignoredExceptionsForType);
      ignoredErrors.addAll(o.ignoredErrors);
      replace(tracePropagationTargets, o.tracePropagationTargets);
      shutdownTimeoutMillis = o.shutdownTimeoutMillis;
      flushTimeoutMillis = o.flushTimeoutMillis;
      setProxy(o.proxy);
      attachStacktrace = o.attachStacktrace;
      attachThreads = o.attachThreads;
      attachServerName = o.attachServerName;
      maxAttachmentSize = o.maxAttachmentSize;
      enableUncaughtExceptionHandler = o.enableUncaughtExceptionHandler;
      enableShutdownHook = o.enableShutdownHook;
      sendClientReports = o.sendClientReports;
      enableDeduplication = o.enableDeduplication;
      beforeSend = o.beforeSend;
      beforeBreadcrumb = o.beforeBreadcrumb;
      eventProcessors.addAll(o.eventProcessors);
      discardListener = o.discardListener;
      transportFactory = o.transportFactory;
      // --- delivery ---
      maxQueueSize = o.maxQueueSize;
      maxQueueBytes = o.maxQueueBytes;
      connectionTimeoutMillis = o.connectionTimeoutMillis;
      readTimeoutMillis = o.readTimeoutMillis;
      writeTimeoutMillis = o.writeTimeoutMillis;
      enableOutbox = o.enableOutbox;
      outboxDir = o.outboxDir;
      outboxMaxItems = o.outboxMaxItems;
      outboxMaxBytes = o.outboxMaxBytes;
      outboxOnly = o.outboxOnly;
      spotlight = o.spotlight;
      spotlightUrl = o.spotlightUrl;
      sslSocketFactory = o.sslSocketFactory;
      trustManager = o.trustManager;
      // --- end of delivery ---
      externalConfiguration = false;
      origins.putAll(o.origins);
      // structured logs (protocol section 9)
      logsEnabled = o.logsEnabled;
      // --- web requests (sentry-servlet) ---
      maxRequestBodySize = o.maxRequestBodySize;
      captureServerErrors = o.captureServerErrors;
      enableAutoSessionTracking = o.enableAutoSessionTracking;
      // --- end web requests ---
    }

    private static Map<String, TextSetter> textSetters() {
      Map<String, TextSetter> m = new LinkedHashMap<>();
      m.put("dsn", (b, t) -> b.dsn = t.string());
      m.put("environment", (b, t) -> b.environment = t.string());
      m.put("release", (b, t) -> b.release = t.stringOrNull());
      m.put("dist", (b, t) -> b.dist = t.stringOrNull());
      m.put("server-name", (b, t) -> b.serverName = t.stringOrNull());
      m.put("sample-rate", (b, t) -> b.sampleRate = t.asDouble(SAMPLE_RATE_RULE));
      m.put("debug", (b, t) -> b.debug = t.asBoolean());
      m.put("send-default-pii", (b, t) -> b.sendDefaultPii = t.asBoolean());
      m.put("scrub-fields", (b, t) -> replace(b.scrubFields, t.asList()));
      m.put("safe-fields", (b, t) -> replace(b.safeFields, t.asList()));
      m.put("in-app-includes", (b, t) -> replace(b.inAppIncludes, t.asList()));
      m.put("in-app-excludes", (b, t) -> replace(b.inAppExcludes, t.asList()));
      m.put("max-breadcrumbs", (b, t) -> b.maxBreadcrumbs = t.asInt(NOT_NEGATIVE_RULE));
      m.put(
          "ignored-exceptions-for-type", (b, t) -> replace(b.ignoredExceptionsForType, t.asList()));
      m.put("ignored-errors", (b, t) -> replace(b.ignoredErrors, t.asList()));
      m.put("trace-propagation-targets", (b, t) -> replace(b.tracePropagationTargets, t.asList()));
      m.put(
          "shutdown-timeout-millis",
          (b, t) -> b.shutdownTimeoutMillis = t.asLong(NOT_NEGATIVE_RULE));
      m.put("flush-timeout-millis", (b, t) -> b.flushTimeoutMillis = t.asLong(NOT_NEGATIVE_RULE));
      m.put("proxy.host", (b, t) -> b.proxyHost = t.stringOrNull());
      m.put("proxy.port", (b, t) -> b.proxyPort = t.asInt(PORT_RULE));
      m.put("proxy.user", (b, t) -> b.proxyUser = t.stringOrNull());
      m.put("proxy.pass", (b, t) -> b.proxyPassword = t.stringOrNull());
      m.put("attach-stacktrace", (b, t) -> b.attachStacktrace = t.asBoolean());
      m.put("attach-threads", (b, t) -> b.attachThreads = t.asBoolean());
      m.put("attach-server-name", (b, t) -> b.attachServerName = t.asBoolean());
      m.put("max-attachment-size", (b, t) -> b.maxAttachmentSize = t.asLong(POSITIVE_RULE));
      m.put(
          "enable-uncaught-exception-handler",
          (b, t) -> b.enableUncaughtExceptionHandler = t.asBoolean());
      m.put("enable-shutdown-hook", (b, t) -> b.enableShutdownHook = t.asBoolean());
      m.put("send-client-reports", (b, t) -> b.sendClientReports = t.asBoolean());
      m.put("enable-deduplication", (b, t) -> b.enableDeduplication = t.asBoolean());
      // structured logs (protocol section 9)
      m.put("logs.enabled", (b, t) -> b.logsEnabled = t.asBoolean());
      // --- web requests (sentry-servlet) ---
      m.put("max-request-body-size", (b, t) -> b.maxRequestBodySize = RequestBodySize.parse(t));
      m.put("capture-server-errors", (b, t) -> b.captureServerErrors = t.asBoolean());
      m.put("enable-auto-session-tracking", (b, t) -> b.enableAutoSessionTracking = t.asBoolean());
      // --- end web requests ---
      // --- delivery: queue, HTTP, outbox, spotlight ---
      m.put("max-queue-size", (b, t) -> b.maxQueueSize = t.asInt(POSITIVE_RULE));
      m.put("max-queue-bytes", (b, t) -> b.maxQueueBytes = t.asLong(POSITIVE_RULE));
      m.put(
          "connection-timeout-millis",
          (b, t) -> b.connectionTimeoutMillis = t.asLong(POSITIVE_RULE));
      m.put("read-timeout-millis", (b, t) -> b.readTimeoutMillis = t.asLong(POSITIVE_RULE));
      m.put("write-timeout-millis", (b, t) -> b.writeTimeoutMillis = t.asLong(POSITIVE_RULE));
      m.put("enable-outbox", (b, t) -> b.enableOutbox = t.asBoolean());
      m.put("outbox-dir", (b, t) -> b.outboxDir = t.stringOrNull());
      // the official SDK's name for it
      m.put("cache-dir-path", (b, t) -> b.outboxDir = t.stringOrNull());
      m.put("outbox-max-items", (b, t) -> b.outboxMaxItems = t.asInt(POSITIVE_RULE));
      m.put("outbox-max-bytes", (b, t) -> b.outboxMaxBytes = t.asLong(POSITIVE_RULE));
      m.put("outbox-only", (b, t) -> b.outboxOnly = t.asBoolean());
      m.put("spotlight", (b, t) -> b.spotlight = t.asBoolean());
      m.put("spotlight-url", (b, t) -> b.spotlightUrl = t.string());
      // --- end of delivery ---
      return Collections.unmodifiableMap(m);
    }

    private static void replace(List<String> list, List<String> items) {
      list.clear();
      list.addAll(items);
    }

    /**
     * Sets an option by the key the official Sentry Java SDK uses in {@code sentry.properties}
     * ({@code dsn}, {@code sample-rate}, {@code in-app-includes}, {@code tags.<name>}, ...), from
     * text: values are trimmed, booleans are {@code true} or {@code false}, lists are
     * comma-separated and replace what was there. Unknown keys are ignored (a debug line says so),
     * so that a file written for a newer SDK still works.
     *
     * <p>The keys: {@code dsn, environment, release, dist, server-name, sample-rate, debug,
     * send-default-pii, scrub-fields, safe-fields, in-app-includes, in-app-excludes, tags.<name>,
     * max-breadcrumbs, ignored-exceptions-for-type, ignored-errors, trace-propagation-targets,
     * shutdown-timeout-millis, flush-timeout-millis, proxy.host, proxy.port, proxy.user,
     * proxy.pass, attach-stacktrace, attach-threads, attach-server-name, max-attachment-size,
     * enable-uncaught-exception-handler, enable-shutdown-hook, send-client-reports, logs.enabled}.
     * enable-shutdown-hook, send-client-reports, max-request-body-size, capture-server-errors,
     * enable-auto-session-tracking}.
     *
     * @throws IllegalArgumentException when the text is not of the key's type, naming key and value
     */
    public Builder option(String key, String value) {
      return option(new OptionText(key, value, CODE));
    }

    Builder option(OptionText text) {
      String key = text.key();
      @Nullable TextSetter setter = TEXT_SETTERS.get(key);
      if (key.startsWith(TAGS_PREFIX) && key.length() > TAGS_PREFIX.length()) {
        setter = (b, t) -> b.tags.put(key.substring(TAGS_PREFIX.length()), t.string());
      }
      if (setter == null) {
        Diagnostics.debug("Ignoring unknown option %s (from %s)", key, text.origin());
        return this;
      }
      setter.set(this, text);
      origins.put(key, text.origin());
      texts.put(key, text.string());
      return this;
    }

    private Builder code(String key) {
      origins.put(key, CODE);
      texts.remove(key);
      return this;
    }

    /** Sets the DSN; null, empty or blank disables the SDK. */
    public Builder dsn(@Nullable String dsn) {
      this.dsn = dsn != null ? dsn.trim() : null;
      return code("dsn");
    }

    /** Sets the environment, {@code production} by default; must not be empty. */
    public Builder environment(String environment) {
      this.environment = environment;
      return code("environment");
    }

    /** Sets the release; see {@link SentryOptions#release()} for what Sentry accepts. */
    public Builder release(@Nullable String release) {
      this.release = release;
      return code("release");
    }

    /** Sets the distribution of the release. */
    public Builder dist(@Nullable String dist) {
      this.dist = dist;
      return code("dist");
    }

    /** Sets the server name; null lets the SDK use the host name. */
    public Builder serverName(@Nullable String serverName) {
      this.serverName = serverName;
      return code("server-name");
    }

    /** Sets the share of error events sent, from 0 to 1. */
    public Builder sampleRate(double sampleRate) {
      this.sampleRate = sampleRate;
      return code("sample-rate");
    }

    /** Turns the SDK's own debug lines on or off. */
    public Builder debug(boolean debug) {
      this.debug = debug;
      return code("debug");
    }

    /** Allows personal data to be sent. */
    public Builder sendDefaultPii(boolean sendDefaultPii) {
      this.sendDefaultPii = sendDefaultPii;
      return code("send-default-pii");
    }

    /**
     * Adds a key name whose values are never sent (a {@code scrub-fields} entry), matched as a part
     * of keys like the built-in ones: {@code addScrubField("pin")} filters {@code pin} and {@code
     * card_pin}.
     */
    public Builder addScrubField(String name) {
      scrubFields.add(name);
      return code("scrub-fields");
    }

    /**
     * Adds a key name whose values are sent as they are (a {@code safe-fields} entry), matched as
     * the whole key ignoring case and separators: {@code addSafeField("session_count")}.
     */
    public Builder addSafeField(String name) {
      safeFields.add(name);
      return code("safe-fields");
    }

    /** Marks frames of classes under this package prefix as the application's. */
    public Builder addInAppInclude(String packagePrefix) {
      inAppIncludes.add(packagePrefix);
      return code("in-app-includes");
    }

    /** Marks frames of classes under this package prefix as not the application's. */
    public Builder addInAppExclude(String packagePrefix) {
      inAppExcludes.add(packagePrefix);
      return code("in-app-excludes");
    }

    /** Adds a tag to every event. */
    public Builder tag(String key, String value) {
      tags.put(key, value);
      return code(TAGS_PREFIX + key);
    }

    /**
     * Sets how many breadcrumbs a scope keeps, 0 or more; more than {@link
     * SentryOptions#MAX_BREADCRUMBS_LIMIT} are lowered to it.
     */
    public Builder maxBreadcrumbs(int maxBreadcrumbs) {
      this.maxBreadcrumbs = maxBreadcrumbs;
      return code("max-breadcrumbs");
    }

    /** Ignores exceptions of this class and its subclasses anywhere in the cause chain. */
    public Builder addIgnoredExceptionForType(Class<? extends Throwable> type) {
      ignoredExceptionsForType.add(type.getName());
      return code("ignored-exceptions-for-type");
    }

    /** Ignores events whose message equals this text or matches it as a regular expression. */
    public Builder addIgnoredError(String messageOrRegex) {
      ignoredErrors.add(messageOrRegex);
      return code("ignored-errors");
    }

    /**
     * Sets the URLs of outgoing requests that get trace headers: substrings or regular expressions;
     * an empty list sends them nowhere.
     */
    public Builder tracePropagationTargets(List<String> targets) {
      replace(tracePropagationTargets, targets);
      return code("trace-propagation-targets");
    }

    /** Sets how long closing from the shutdown hook may take, 0 or more. */
    public Builder shutdownTimeoutMillis(long millis) {
      this.shutdownTimeoutMillis = millis;
      return code("shutdown-timeout-millis");
    }

    /** Sets how long a flush may take by default, 0 or more. */
    public Builder flushTimeoutMillis(long millis) {
      this.flushTimeoutMillis = millis;
      return code("flush-timeout-millis");
    }

    /** Sets the HTTP proxy; null for none. Either way no {@code proxy.*} key is read elsewhere. */
    public Builder proxy(@Nullable Proxy proxy) {
      setProxy(proxy);
      code("proxy.host");
      code("proxy.port");
      code("proxy.user");
      return code("proxy.pass");
    }

    private void setProxy(@Nullable Proxy proxy) {
      proxyHost = proxy != null ? proxy.host() : null;
      proxyPort = proxy != null ? proxy.port() : null;
      proxyUser = proxy != null ? proxy.user() : null;
      proxyPassword = proxy != null ? proxy.password() : null;
    }

    /** Makes message events carry the caller's stack. */
    public Builder attachStacktrace(boolean attachStacktrace) {
      this.attachStacktrace = attachStacktrace;
      return code("attach-stacktrace");
    }

    /** Makes events carry the stacks of all threads. */
    public Builder attachThreads(boolean attachThreads) {
      this.attachThreads = attachThreads;
      return code("attach-threads");
    }

    /** Makes events carry the host name when no server name is set. */
    public Builder attachServerName(boolean attachServerName) {
      this.attachServerName = attachServerName;
      return code("attach-server-name");
    }

    /** Sets the largest attachment sent, 1 byte or more. */
    public Builder maxAttachmentSize(long bytes) {
      this.maxAttachmentSize = bytes;
      return code("max-attachment-size");
    }

    /** Turns reporting of exceptions no thread caught on or off. */
    public Builder enableUncaughtExceptionHandler(boolean enable) {
      this.enableUncaughtExceptionHandler = enable;
      return code("enable-uncaught-exception-handler");
    }

    /** Turns the shutdown hook that flushes and closes the SDK on or off. */
    public Builder enableShutdownHook(boolean enable) {
      this.enableShutdownHook = enable;
      return code("enable-shutdown-hook");
    }

    // --- web requests (sentry-servlet) ---

    /** Sets how much of a request body web integrations attach (only with sendDefaultPii). */
    public Builder maxRequestBodySize(RequestBodySize size) {
      this.maxRequestBodySize = java.util.Objects.requireNonNull(size, "size");
      return code("max-request-body-size");
    }

    /** Turns reporting of 5xx responses without an exception on or off. */
    public Builder captureServerErrors(boolean capture) {
      this.captureServerErrors = capture;
      return code("capture-server-errors");
    }

    /** Turns request sessions (release health of web integrations) on or off. */
    public Builder enableAutoSessionTracking(boolean enable) {
      this.enableAutoSessionTracking = enable;
      return code("enable-auto-session-tracking");
    }

    // --- end web requests ---

    /** Turns client reports of dropped data on or off. */
    public Builder sendClientReports(boolean send) {
      this.sendClientReports = send;
      return code("send-client-reports");
    }

    public Builder enableDeduplication(boolean enable) {
      this.enableDeduplication = enable;
      return code("enable-deduplication");
    }

    // structured logs (protocol section 9)

    /** Sends logs from logging integrations to Sentry as structured logs; off by default. */
    public Builder logsEnabled(boolean enabled) {
      this.logsEnabled = enabled;
      return code("logs.enabled");
    }

    // --- delivery: queue, HTTP, outbox, spotlight ---

    /** Sets how many envelopes may wait in memory, 1 or more. */
    public Builder maxQueueSize(int envelopes) {
      this.maxQueueSize = envelopes;
      return code("max-queue-size");
    }

    /** Sets how many bytes may wait in memory, 1 or more. */
    public Builder maxQueueBytes(long bytes) {
      this.maxQueueBytes = bytes;
      return code("max-queue-bytes");
    }

    /** Sets the connect timeout, 1 ms or more. */
    public Builder connectionTimeoutMillis(long millis) {
      this.connectionTimeoutMillis = millis;
      return code("connection-timeout-millis");
    }

    /** Sets the read timeout, 1 ms or more. */
    public Builder readTimeoutMillis(long millis) {
      this.readTimeoutMillis = millis;
      return code("read-timeout-millis");
    }

    /** Sets the write timeout, 1 ms or more. */
    public Builder writeTimeoutMillis(long millis) {
      this.writeTimeoutMillis = millis;
      return code("write-timeout-millis");
    }

    /** Turns the disk outbox on (the default) or off. */
    public Builder enableOutbox(boolean enable) {
      this.enableOutbox = enable;
      return code("enable-outbox");
    }

    /** Sets the outbox directory; null for the default under {@code java.io.tmpdir}. */
    public Builder outboxDir(@Nullable String directory) {
      this.outboxDir = directory;
      return code("outbox-dir");
    }

    /** Sets the most envelopes the outbox keeps, 1 or more. */
    public Builder outboxMaxItems(int envelopes) {
      this.outboxMaxItems = envelopes;
      return code("outbox-max-items");
    }

    /** Sets the most bytes the outbox keeps, 1 or more. */
    public Builder outboxMaxBytes(long bytes) {
      this.outboxMaxBytes = bytes;
      return code("outbox-max-bytes");
    }

    /** Only writes envelopes to the outbox, for a later upload; nothing is sent. */
    public Builder outboxOnly(boolean outboxOnly) {
      this.outboxOnly = outboxOnly;
      return code("outbox-only");
    }

    /** Also posts every envelope to a local Spotlight. */
    public Builder spotlight(boolean spotlight) {
      this.spotlight = spotlight;
      return code("spotlight");
    }

    /** Sets where Spotlight listens. */
    public Builder spotlightUrl(String url) {
      this.spotlightUrl = url;
      return code("spotlight-url");
    }

    /**
     * Trusts what {@code trustManager} trusts for HTTPS to Sentry, for example a company CA; both
     * null for the JVM's default.
     */
    public Builder sslSocketFactory(
        @Nullable SSLSocketFactory factory, @Nullable X509TrustManager trustManager) {
      this.sslSocketFactory = factory;
      this.trustManager = trustManager;
      return this;
    }

    // --- end of delivery ---

    /** Sets the callback each event passes before it is sent. */
    public Builder beforeSend(@Nullable BeforeSendCallback beforeSend) {
      this.beforeSend = beforeSend;
      return this;
    }

    /** Sets the callback each breadcrumb passes before it is recorded. */
    public Builder beforeBreadcrumb(@Nullable BeforeBreadcrumbCallback beforeBreadcrumb) {
      this.beforeBreadcrumb = beforeBreadcrumb;
      return this;
    }

    /** Adds an event processor, run after those added before it. */
    public Builder addEventProcessor(EventProcessor processor) {
      eventProcessors.add(processor);
      return this;
    }

    /** Sets the listener told of every item dropped. */
    public Builder discardListener(@Nullable DiscardListener listener) {
      this.discardListener = listener;
      return this;
    }

    /** Sets how the transport is made; by default the SDK's own. */
    public Builder transportFactory(@Nullable Function<SentryOptions, Transport> factory) {
      this.transportFactory = factory;
      return this;
    }

    /** Whether system properties, environment and {@code sentry.properties} are read; true. */
    public Builder externalConfiguration(boolean read) {
      this.externalConfiguration = read;
      return this;
    }

    /** Whether external configuration is to be read when the SDK starts. */
    public boolean externalConfiguration() {
      return externalConfiguration;
    }

    /**
     * Validates and builds the options.
     *
     * @throws IllegalArgumentException naming the key, the bad value and where it came from
     */
    public SentryOptions build() {
      checkDsn();
      check(!environment.trim().isEmpty(), "environment", environment, "must not be empty");
      checkRelease();
      check(sampleRate >= 0 && sampleRate <= 1, "sample-rate", sampleRate, SAMPLE_RATE_RULE);
      check(maxBreadcrumbs >= 0, "max-breadcrumbs", maxBreadcrumbs, NOT_NEGATIVE_RULE);
      check(
          shutdownTimeoutMillis >= 0,
          "shutdown-timeout-millis",
          shutdownTimeoutMillis,
          NOT_NEGATIVE_RULE);
      check(flushTimeoutMillis >= 0, "flush-timeout-millis", flushTimeoutMillis, NOT_NEGATIVE_RULE);
      check(maxAttachmentSize > 0, "max-attachment-size", maxAttachmentSize, POSITIVE_RULE);
      checkProxy();
      checkDelivery();
      if (maxBreadcrumbs > MAX_BREADCRUMBS_LIMIT) {
        Diagnostics.debug(
            "max-breadcrumbs %d lowered to %d", maxBreadcrumbs, MAX_BREADCRUMBS_LIMIT);
      }
      return new SentryOptions(this);
    }

    private void checkDsn() {
      if (!hasDsn()) {
        return; // no DSN: the SDK is disabled, which is a valid configuration
      }
      String problem = Dsn.problem(dsn());
      if (problem != null) {
        throw OptionRules.invalid("dsn", Dsn.mask(dsn()), originOf("dsn"), problem);
      }
    }

    // --- delivery ---
    private void checkDelivery() {
      check(maxQueueSize > 0, "max-queue-size", maxQueueSize, POSITIVE_RULE);
      check(maxQueueBytes > 0, "max-queue-bytes", maxQueueBytes, POSITIVE_RULE);
      check(
          connectionTimeoutMillis > 0,
          "connection-timeout-millis",
          connectionTimeoutMillis,
          POSITIVE_RULE);
      check(readTimeoutMillis > 0, "read-timeout-millis", readTimeoutMillis, POSITIVE_RULE);
      check(writeTimeoutMillis > 0, "write-timeout-millis", writeTimeoutMillis, POSITIVE_RULE);
      check(outboxMaxItems > 0, "outbox-max-items", outboxMaxItems, POSITIVE_RULE);
      check(outboxMaxBytes > 0, "outbox-max-bytes", outboxMaxBytes, POSITIVE_RULE);
      check(
          spotlightUrl.startsWith("http://") || spotlightUrl.startsWith("https://"),
          "spotlight-url",
          spotlightUrl,
          "must be an http:// or https:// URL");
      check(
          (sslSocketFactory == null) == (trustManager == null),
          "sslSocketFactory",
          "",
          "needs both a socket factory and a trust manager");
    }

    // --- end of delivery ---

    private void checkRelease() {
      String r = release;
      if (r == null) {
        return;
      }
      String problem = OptionRules.releaseProblem(r);
      if (problem != null) {
        throw invalid("release", r, problem);
      }
    }

    private void checkProxy() {
      String setKey = firstSet("proxy.port", "proxy.user", "proxy.pass");
      if (proxyHost == null && setKey != null) {
        String shown = setKey.equals("proxy.pass") ? "***" : proxyPart(setKey);
        throw OptionRules.invalid(
            setKey, shown, originOf(setKey), "needs proxy.host to be set as well");
      }
      String host = proxyHost;
      Integer port = proxyPort;
      if (host != null) {
        check(!host.trim().isEmpty(), "proxy.host", host, "must not be blank");
        check(port != null, "proxy.host", host, "needs proxy.port to be set as well");
      }
      if (port != null) {
        check(port >= 1 && port <= 65535, "proxy.port", port, PORT_RULE);
      }
    }

    private @Nullable String firstSet(String... keys) {
      for (String key : keys) {
        if (!proxyPart(key).isEmpty()) {
          return key;
        }
      }
      return null;
    }

    private String proxyPart(String key) {
      Object part =
          key.equals("proxy.port")
              ? proxyPort
              : key.equals("proxy.user") ? proxyUser : proxyPassword;
      return part != null ? part.toString() : "";
    }

    private void check(boolean ok, String key, Object value, String problem) {
      if (!ok) {
        throw invalid(key, value, problem);
      }
    }

    private IllegalArgumentException invalid(String key, Object value, String problem) {
      String text = texts.get(key);
      return OptionRules.invalid(
          key, text != null ? text : String.valueOf(value), originOf(key), problem);
    }

    private String originOf(String key) {
      String origin = origins.get(key);
      return origin != null ? origin : "default";
    }

    boolean hasDsn() {
      String d = dsn;
      return d != null && !d.trim().isEmpty();
    }

    String dsn() {
      String d = dsn;
      return d != null ? d.trim() : "";
    }

    @Nullable Proxy proxy() {
      String host = proxyHost;
      Integer port = proxyPort;
      return host != null && port != null ? new Proxy(host, port, proxyUser, proxyPassword) : null;
    }

    @Override
    public String toString() {
      return "SentryOptions.Builder{set=" + origins.keySet() + '}';
    }

    /** Sets one field of a builder from text. */
    private interface TextSetter {
      void set(Builder builder, OptionText text);
    }

    /** The loader's way in; see {@link BuilderAccess}. */
    private static final class Access extends BuilderAccess {
      @Override
      public void option(Builder builder, OptionText text) {
        builder.option(text);
      }

      @Override
      public @Nullable String originOf(Builder builder, String key) {
        return builder.origins.get(key);
      }

      @Override
      public Set<String> keys() {
        return TEXT_SETTERS.keySet();
      }
    }
  }
}
