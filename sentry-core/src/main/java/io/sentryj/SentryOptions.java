package io.sentryj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

  private final @Nullable String dsn;
  private final String environment;
  private final @Nullable String release;
  private final @Nullable String dist;
  private final @Nullable String serverName;
  private final double sampleRate;
  private final boolean debug;
  private final boolean sendDefaultPii;
  private final List<String> inAppIncludes;
  private final List<String> inAppExcludes;
  private final Map<String, String> tags;
  private final int maxBreadcrumbs;
  private final List<String> ignoredExceptionsForType;
  private final List<String> ignoredErrors;
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
  private final @Nullable BeforeSendCallback beforeSend;
  private final @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;
  private final List<EventProcessor> eventProcessors;
  private final @Nullable DiscardListener discardListener;
  private final @Nullable Function<SentryOptions, Transport> transportFactory;
  private final Map<String, String> origins;

  private SentryOptions(Builder b) {
    this.dsn = b.dsn;
    this.environment = b.environment;
    this.release = b.release;
    this.dist = b.dist;
    this.serverName = b.serverName;
    this.sampleRate = b.sampleRate;
    this.debug = b.debug;
    this.sendDefaultPii = b.sendDefaultPii;
    this.inAppIncludes = immutableList(b.inAppIncludes);
    this.inAppExcludes = immutableList(b.inAppExcludes);
    this.tags = immutableMap(b.tags);
    this.maxBreadcrumbs = b.maxBreadcrumbs;
    this.ignoredExceptionsForType = immutableList(b.ignoredExceptionsForType);
    this.ignoredErrors = immutableList(b.ignoredErrors);
    this.shutdownTimeoutMillis = b.shutdownTimeoutMillis;
    this.flushTimeoutMillis = b.flushTimeoutMillis;
    this.proxy = b.proxy;
    this.attachStacktrace = b.attachStacktrace;
    this.attachThreads = b.attachThreads;
    this.attachServerName = b.attachServerName;
    this.maxAttachmentSize = b.maxAttachmentSize;
    this.enableUncaughtExceptionHandler = b.enableUncaughtExceptionHandler;
    this.enableShutdownHook = b.enableShutdownHook;
    this.sendClientReports = b.sendClientReports;
    this.beforeSend = b.beforeSend;
    this.beforeBreadcrumb = b.beforeBreadcrumb;
    this.eventProcessors = immutableList(b.eventProcessors);
    this.discardListener = b.discardListener;
    this.transportFactory = b.transportFactory;
    this.origins = immutableMap(b.origins);
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

  /** The DSN; null or empty disables the SDK. */
  public @Nullable String dsn() {
    return dsn;
  }

  /** Whether a DSN is set, so that events can be delivered to a server. */
  public boolean hasDsn() {
    String d = dsn;
    return d != null && !d.isEmpty();
  }

  /** The environment, {@code production} by default. */
  public String environment() {
    return environment;
  }

  public @Nullable String release() {
    return release;
  }

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

  /** The size of each scope's breadcrumb ring, 100 by default. */
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

  public boolean enableUncaughtExceptionHandler() {
    return enableUncaughtExceptionHandler;
  }

  public boolean enableShutdownHook() {
    return enableShutdownHook;
  }

  /** Whether client reports of dropped data are sent; true by default. */
  public boolean sendClientReports() {
    return sendClientReports;
  }

  public @Nullable BeforeSendCallback beforeSend() {
    return beforeSend;
  }

  public @Nullable BeforeBreadcrumbCallback beforeBreadcrumb() {
    return beforeBreadcrumb;
  }

  /** Event processors that run first, in order, for every event. */
  public List<EventProcessor> eventProcessors() {
    return eventProcessors;
  }

  public @Nullable DiscardListener discardListener() {
    return discardListener;
  }

  /** Makes the transport; null means the SDK's default. */
  public @Nullable Function<SentryOptions, Transport> transportFactory() {
    return transportFactory;
  }

  /**
   * Where the value of an option came from: {@code "code"}, {@code "system property sentry.dsn"},
   * {@code "environment variable SENTRY_DSN"}, {@code "file /etc/app/sentry.properties"}, or
   * {@code "default"}.
   */
  public String originOf(String key) {
    String origin = origins.get(key);
    return origin != null ? origin : "default";
  }

  @Override
  public String toString() {
    return "SentryOptions{environment=" + environment + ", release=" + release + '}';
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

    public String host() {
      return host;
    }

    public int port() {
      return port;
    }

    public @Nullable String user() {
      return user;
    }

    public @Nullable String password() {
      return password;
    }

    @Override
    public String toString() {
      return "Proxy{" + host + ":" + port + (user != null ? ", user=" + user : "") + '}';
    }
  }

  /** Builds {@link SentryOptions}. Setters record {@code "code"} as each value's origin. */
  public static final class Builder {
    @Nullable String dsn;
    String environment = DEFAULT_ENVIRONMENT;
    @Nullable String release;
    @Nullable String dist;
    @Nullable String serverName;
    double sampleRate = 1.0;
    boolean debug;
    boolean sendDefaultPii;
    final List<String> inAppIncludes = new ArrayList<>();
    final List<String> inAppExcludes = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    int maxBreadcrumbs = 100;
    final List<String> ignoredExceptionsForType = new ArrayList<>();
    final List<String> ignoredErrors = new ArrayList<>();
    long shutdownTimeoutMillis = 2000;
    long flushTimeoutMillis = 15000;
    @Nullable Proxy proxy;
    boolean attachStacktrace;
    boolean attachThreads;
    boolean attachServerName = true;
    long maxAttachmentSize = 20L * 1024 * 1024;
    boolean enableUncaughtExceptionHandler = true;
    boolean enableShutdownHook = true;
    boolean sendClientReports = true;
    @Nullable BeforeSendCallback beforeSend;
    @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;
    final List<EventProcessor> eventProcessors = new ArrayList<>();
    @Nullable DiscardListener discardListener;
    @Nullable Function<SentryOptions, Transport> transportFactory;
    boolean externalConfiguration = true;
    final Map<String, String> origins = new LinkedHashMap<>();

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
      inAppIncludes.addAll(o.inAppIncludes);
      inAppExcludes.addAll(o.inAppExcludes);
      tags.putAll(o.tags);
      maxBreadcrumbs = o.maxBreadcrumbs;
      ignoredExceptionsForType.addAll(o.ignoredExceptionsForType);
      ignoredErrors.addAll(o.ignoredErrors);
      shutdownTimeoutMillis = o.shutdownTimeoutMillis;
      flushTimeoutMillis = o.flushTimeoutMillis;
      proxy = o.proxy;
      attachStacktrace = o.attachStacktrace;
      attachThreads = o.attachThreads;
      attachServerName = o.attachServerName;
      maxAttachmentSize = o.maxAttachmentSize;
      enableUncaughtExceptionHandler = o.enableUncaughtExceptionHandler;
      enableShutdownHook = o.enableShutdownHook;
      sendClientReports = o.sendClientReports;
      beforeSend = o.beforeSend;
      beforeBreadcrumb = o.beforeBreadcrumb;
      eventProcessors.addAll(o.eventProcessors);
      discardListener = o.discardListener;
      transportFactory = o.transportFactory;
      externalConfiguration = false;
      origins.putAll(o.origins);
    }

    private Builder code(String key) {
      origins.put(key, "code");
      return this;
    }

    public Builder dsn(@Nullable String dsn) {
      this.dsn = dsn;
      return code("dsn");
    }

    public Builder environment(String environment) {
      this.environment = environment;
      return code("environment");
    }

    public Builder release(@Nullable String release) {
      this.release = release;
      return code("release");
    }

    public Builder dist(@Nullable String dist) {
      this.dist = dist;
      return code("dist");
    }

    public Builder serverName(@Nullable String serverName) {
      this.serverName = serverName;
      return code("server-name");
    }

    public Builder sampleRate(double sampleRate) {
      this.sampleRate = sampleRate;
      return code("sample-rate");
    }

    public Builder debug(boolean debug) {
      this.debug = debug;
      return code("debug");
    }

    public Builder sendDefaultPii(boolean sendDefaultPii) {
      this.sendDefaultPii = sendDefaultPii;
      return code("send-default-pii");
    }

    public Builder addInAppInclude(String packagePrefix) {
      inAppIncludes.add(packagePrefix);
      return code("in-app-includes");
    }

    public Builder addInAppExclude(String packagePrefix) {
      inAppExcludes.add(packagePrefix);
      return code("in-app-excludes");
    }

    public Builder tag(String key, String value) {
      tags.put(key, value);
      return code("tags." + key);
    }

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

    public Builder shutdownTimeoutMillis(long millis) {
      this.shutdownTimeoutMillis = millis;
      return code("shutdown-timeout-millis");
    }

    public Builder flushTimeoutMillis(long millis) {
      this.flushTimeoutMillis = millis;
      return code("flush-timeout-millis");
    }

    public Builder proxy(@Nullable Proxy proxy) {
      this.proxy = proxy;
      return code("proxy.host");
    }

    public Builder attachStacktrace(boolean attachStacktrace) {
      this.attachStacktrace = attachStacktrace;
      return code("attach-stacktrace");
    }

    public Builder attachThreads(boolean attachThreads) {
      this.attachThreads = attachThreads;
      return code("attach-threads");
    }

    public Builder attachServerName(boolean attachServerName) {
      this.attachServerName = attachServerName;
      return code("attach-server-name");
    }

    public Builder maxAttachmentSize(long bytes) {
      this.maxAttachmentSize = bytes;
      return code("max-attachment-size");
    }

    public Builder enableUncaughtExceptionHandler(boolean enable) {
      this.enableUncaughtExceptionHandler = enable;
      return code("enable-uncaught-exception-handler");
    }

    public Builder enableShutdownHook(boolean enable) {
      this.enableShutdownHook = enable;
      return code("enable-shutdown-hook");
    }

    public Builder sendClientReports(boolean send) {
      this.sendClientReports = send;
      return code("send-client-reports");
    }

    public Builder beforeSend(@Nullable BeforeSendCallback beforeSend) {
      this.beforeSend = beforeSend;
      return this;
    }

    public Builder beforeBreadcrumb(@Nullable BeforeBreadcrumbCallback beforeBreadcrumb) {
      this.beforeBreadcrumb = beforeBreadcrumb;
      return this;
    }

    public Builder addEventProcessor(EventProcessor processor) {
      eventProcessors.add(processor);
      return this;
    }

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
      return new SentryOptions(this);
    }
  }
}
