package io.sentryj;

import static io.sentryj.internal.config.DeliveryOptions.CONNECTION_TIMEOUT_MILLIS;
import static io.sentryj.internal.config.DeliveryOptions.FLUSH_TIMEOUT_MILLIS;
import static io.sentryj.internal.config.DeliveryOptions.MAX_QUEUE_BYTES;
import static io.sentryj.internal.config.DeliveryOptions.MAX_QUEUE_SIZE;
import static io.sentryj.internal.config.DeliveryOptions.PROXY_HOST;
import static io.sentryj.internal.config.DeliveryOptions.PROXY_PASS;
import static io.sentryj.internal.config.DeliveryOptions.PROXY_PORT;
import static io.sentryj.internal.config.DeliveryOptions.PROXY_USER;
import static io.sentryj.internal.config.DeliveryOptions.READ_TIMEOUT_MILLIS;
import static io.sentryj.internal.config.DeliveryOptions.SHUTDOWN_TIMEOUT_MILLIS;
import static io.sentryj.internal.config.DeliveryOptions.WRITE_TIMEOUT_MILLIS;

import io.sentryj.SentryOptions.Proxy;
import io.sentryj.SentryOptions.RequestBodySize;
import io.sentryj.internal.config.DeliveryOptions;
import io.sentryj.internal.config.OptionValues;
import io.sentryj.internal.config.OutboxOptions;
import io.sentryj.internal.config.WebOptions;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The setters {@link SentryOptions.Builder} offers for delivery, the outbox and web requests. A
 * part of the builder kept in its own file; not a type of its own.
 */
abstract class DeliveryOptionSetters extends EventOptionSetters {
  DeliveryOptionSetters(OptionValues values) {
    super(values);
  }

  /** Sets the DSN; null, empty or blank disables the SDK. */
  public SentryOptions.Builder dsn(@Nullable String dsn) {
    return set(DeliveryOptions.DSN, dsn != null ? dsn.trim() : null);
  }

  /** Sets how long closing from the shutdown hook may take, 0 or more. */
  public SentryOptions.Builder shutdownTimeoutMillis(long millis) {
    return set(SHUTDOWN_TIMEOUT_MILLIS, millis);
  }

  /** Sets how long a flush may take by default, 0 or more. */
  public SentryOptions.Builder flushTimeoutMillis(long millis) {
    return set(FLUSH_TIMEOUT_MILLIS, millis);
  }

  /** Sets the HTTP proxy; null for none. Either way no {@code proxy.*} key is read elsewhere. */
  public SentryOptions.Builder proxy(@Nullable Proxy proxy) {
    set(PROXY_HOST, proxy != null ? proxy.host() : null);
    set(PROXY_PORT, proxy != null ? proxy.port() : null);
    set(PROXY_USER, proxy != null ? proxy.user() : null);
    return set(PROXY_PASS, proxy != null ? proxy.password() : null);
  }

  /** Turns client reports of dropped data on or off. */
  public SentryOptions.Builder sendClientReports(boolean send) {
    return set(DeliveryOptions.SEND_CLIENT_REPORTS, send);
  }

  /** Sets how many envelopes may wait in memory, 1 or more. */
  public SentryOptions.Builder maxQueueSize(int envelopes) {
    return set(MAX_QUEUE_SIZE, envelopes);
  }

  /** Sets how many bytes may wait in memory, 1 or more. */
  public SentryOptions.Builder maxQueueBytes(long bytes) {
    return set(MAX_QUEUE_BYTES, bytes);
  }

  /** Sets the connect timeout, 1 ms or more. */
  public SentryOptions.Builder connectionTimeoutMillis(long millis) {
    return set(CONNECTION_TIMEOUT_MILLIS, millis);
  }

  /** Sets the read timeout, 1 ms or more. */
  public SentryOptions.Builder readTimeoutMillis(long millis) {
    return set(READ_TIMEOUT_MILLIS, millis);
  }

  /** Sets the write timeout, 1 ms or more. */
  public SentryOptions.Builder writeTimeoutMillis(long millis) {
    return set(WRITE_TIMEOUT_MILLIS, millis);
  }

  /** Turns the disk outbox on (the default) or off. */
  public SentryOptions.Builder enableOutbox(boolean enable) {
    return set(OutboxOptions.ENABLE, enable);
  }

  /** Sets the outbox directory; null for the default under {@code java.io.tmpdir}. */
  public SentryOptions.Builder outboxDir(@Nullable String directory) {
    return set(OutboxOptions.DIR, directory);
  }

  /** Sets the most envelopes the outbox keeps, 1 or more. */
  public SentryOptions.Builder outboxMaxItems(int envelopes) {
    return set(OutboxOptions.MAX_ITEMS, envelopes);
  }

  /** Sets the most bytes the outbox keeps, 1 or more. */
  public SentryOptions.Builder outboxMaxBytes(long bytes) {
    return set(OutboxOptions.MAX_BYTES, bytes);
  }

  /** Only writes envelopes to the outbox, for a later upload; nothing is sent. */
  public SentryOptions.Builder outboxOnly(boolean outboxOnly) {
    return set(OutboxOptions.ONLY, outboxOnly);
  }

  /** Also posts every envelope to a local Spotlight. */
  public SentryOptions.Builder spotlight(boolean spotlight) {
    return set(DeliveryOptions.SPOTLIGHT, spotlight);
  }

  /** Sets where Spotlight listens. */
  public SentryOptions.Builder spotlightUrl(String url) {
    return set(DeliveryOptions.SPOTLIGHT_URL, url);
  }

  /**
   * Trusts what {@code trustManager} trusts for HTTPS to Sentry, for example a company CA; both
   * null for the JVM's default.
   */
  public SentryOptions.Builder sslSocketFactory(
      @Nullable SSLSocketFactory factory, @Nullable X509TrustManager trustManager) {
    set(DeliveryOptions.SSL_SOCKET_FACTORY, factory);
    return set(DeliveryOptions.TRUST_MANAGER, trustManager);
  }

  /** Sets how much of a request body web integrations attach (only with sendDefaultPii). */
  public SentryOptions.Builder maxRequestBodySize(RequestBodySize size) {
    return set(WebOptions.MAX_REQUEST_BODY_SIZE, Objects.requireNonNull(size, "size"));
  }

  /** Turns reporting of 5xx responses without an exception on or off. */
  public SentryOptions.Builder captureServerErrors(boolean capture) {
    return set(WebOptions.CAPTURE_SERVER_ERRORS, capture);
  }

  /** Turns request sessions (release health of web integrations) on or off. */
  public SentryOptions.Builder enableAutoSessionTracking(boolean enable) {
    return set(WebOptions.ENABLE_AUTO_SESSION_TRACKING, enable);
  }
}
