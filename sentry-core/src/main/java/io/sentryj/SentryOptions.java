package io.sentryj;

import io.sentryj.internal.config.DeliveryOptions;
import io.sentryj.internal.config.EventOptions;
import io.sentryj.internal.config.IntegrationOptions;
import io.sentryj.internal.config.OptionCatalog;
import io.sentryj.internal.config.OptionText;
import io.sentryj.internal.config.OptionValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
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
 *
 * <p>Inside, the options live in small immutable groups (delivery, outbox, events, privacy,
 * integrations, web), each defining its keys, defaults and rules once; these getters read them.
 */
public final class SentryOptions extends DeliveryOptionsView {
  /** The default environment. */
  public static final String DEFAULT_ENVIRONMENT = EventOptions.DEFAULT_ENVIRONMENT;

  /**
   * The largest breadcrumb ring a scope keeps; a larger {@code max-breadcrumbs} is lowered to it,
   * since every scope holds that many and events carry them all.
   */
  public static final int MAX_BREADCRUMBS_LIMIT = EventOptions.MAX_BREADCRUMBS_LIMIT;

  /** Where Spotlight listens by default. */
  public static final String DEFAULT_SPOTLIGHT_URL = DeliveryOptions.DEFAULT_SPOTLIGHT_URL;

  private final @Nullable Proxy proxy;
  private final @Nullable BeforeSendCallback beforeSend;
  private final @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;
  private final List<EventProcessor> eventProcessors;
  private final @Nullable DiscardListener discardListener;
  private final @Nullable Function<SentryOptions, Transport> transportFactory;

  private SentryOptions(Builder b) {
    super(b.values.copy());
    String host = delivery.proxyHost();
    Integer port = delivery.proxyPort();
    this.proxy =
        host != null && port != null
            ? new Proxy(host, port, delivery.proxyUser(), delivery.proxyPassword())
            : null;
    this.beforeSend = b.beforeSend;
    this.beforeBreadcrumb = b.beforeBreadcrumb;
    this.eventProcessors =
        b.eventProcessors.isEmpty()
            ? Collections.<EventProcessor>emptyList()
            : Collections.unmodifiableList(new ArrayList<>(b.eventProcessors));
    this.discardListener = b.discardListener;
    this.transportFactory = b.transportFactory;
  }

  /** A new builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Every key {@link Builder#option(String, String)} knows but the {@code tags.<name>} family: the
   * keys of {@code sentry.properties}, of system properties {@code sentry.<key>} and of environment
   * variables {@code SENTRY_<KEY>}.
   */
  public static Set<String> keys() {
    return OptionCatalog.textKeys();
  }

  /** The HTTP proxy, or null. */
  public @Nullable Proxy proxy() {
    return proxy;
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

  /**
   * Where the value of an option came from: {@code "code"}, {@code "system property sentry.dsn"},
   * {@code "environment variable SENTRY_DSN"}, {@code "file /etc/app/sentry.properties"}, or {@code
   * "default"}.
   */
  public String originOf(String key) {
    return values.originOrDefault(key);
  }

  /** Every option for a debug line: the DSN's secret key masked, no proxy password. */
  @Override
  public String toString() {
    return "SentryOptions{"
        + delivery
        + ", proxy="
        + proxy
        + ", "
        + outbox
        + ", "
        + events
        + ", "
        + privacy
        + ", "
        + integrations
        + ", "
        + web
        + ", beforeSend="
        + typeOf(beforeSend)
        + ", beforeBreadcrumb="
        + typeOf(beforeBreadcrumb)
        + ", eventProcessors="
        + eventProcessors.size()
        + ", discardListener="
        + typeOf(discardListener)
        + ", transportFactory="
        + typeOf(transportFactory)
        + '}';
  }

  private static @Nullable String typeOf(@Nullable Object hook) {
    return hook != null ? hook.getClass().getName() : null;
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
  public static final class Builder extends DeliveryOptionSetters {
    private @Nullable BeforeSendCallback beforeSend;
    private @Nullable BeforeBreadcrumbCallback beforeBreadcrumb;
    private final List<EventProcessor> eventProcessors = new ArrayList<>();
    private @Nullable DiscardListener discardListener;
    private @Nullable Function<SentryOptions, Transport> transportFactory;
    private boolean externalConfiguration = true;

    Builder() {
      super(new OptionValues());
    }

    Builder(SentryOptions o) {
      super(o.values.copy());
      beforeSend = o.beforeSend;
      beforeBreadcrumb = o.beforeBreadcrumb;
      eventProcessors.addAll(o.eventProcessors);
      discardListener = o.discardListener;
      transportFactory = o.transportFactory;
      externalConfiguration = false;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets an option by the key the official Sentry Java SDK uses in {@code sentry.properties}
     * ({@code dsn}, {@code sample-rate}, {@code in-app-includes}, {@code tags.<name>}, ...; all of
     * them in {@link SentryOptions#keys()}), from text: values are trimmed, booleans are {@code
     * true} or {@code false}, lists are comma-separated and replace what was there. Unknown keys
     * are ignored (a debug line says so), so that a file written for a newer SDK still works.
     *
     * @throws IllegalArgumentException when the text is not of the key's type, naming key and value
     */
    public Builder option(String key, String value) {
      return option(key, value, OptionValues.CODE);
    }

    /**
     * Sets an option from text, as {@link #option(String, String)}, naming where the text came from
     * (an integration's {@code "logback.xml <dsn>"}), so that an error and {@link
     * SentryOptions#originOf(String)} name it.
     *
     * @throws IllegalArgumentException when the text is not of the key's type, naming key, value
     *     and origin
     */
    public Builder option(String key, String value, String origin) {
      return option(new OptionText(key, value, origin));
    }

    Builder option(OptionText text) {
      values.set(text);
      return this;
    }

    /** Where the key's value came from so far, or null while it is at its default. */
    public @Nullable String originOf(String key) {
      return values.originOf(key);
    }

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

    /** Whether code asked for the SDK's debug lines, before the options are built. */
    boolean debugRequested() {
      return values.get(IntegrationOptions.DEBUG);
    }

    /**
     * Validates and builds the options.
     *
     * @throws IllegalArgumentException naming the key, the bad value and where it came from
     */
    public SentryOptions build() {
      return new SentryOptions(this);
    }

    @Override
    public String toString() {
      return "SentryOptions.Builder{" + values + '}';
    }
  }
}
