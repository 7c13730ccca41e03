package io.sentryj;

import io.sentryj.internal.config.DeliveryOptions;
import io.sentryj.internal.config.OptionValues;
import io.sentryj.internal.config.OutboxOptions;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The getters {@link SentryOptions} offers for delivery and the outbox, each reading its option
 * group. A part of {@link SentryOptions} kept in its own file; not a type of its own.
 */
abstract class DeliveryOptionsView extends EventOptionsView {
  final DeliveryOptions delivery;
  final OutboxOptions outbox;

  /** Reads and validates the groups from {@code values}, the DSN first. */
  DeliveryOptionsView(OptionValues values) {
    super(values);
    this.delivery = new DeliveryOptions(values);
    this.outbox = new OutboxOptions(values);
  }

  /**
   * The DSN, trimmed; null or empty disables the SDK. When set it is valid: {@code
   * Dsn.parse(dsn())} does not throw.
   */
  public @Nullable String dsn() {
    return delivery.dsnText();
  }

  /** Whether a DSN is set, so that events can be delivered to a server. */
  public boolean hasDsn() {
    return delivery.dsn() != null;
  }

  /** How long {@code close()} from the shutdown hook may take, 2000 ms by default. */
  public long shutdownTimeoutMillis() {
    return delivery.shutdownTimeoutMillis();
  }

  /** How long a flush may take by default, 15000 ms by default. */
  public long flushTimeoutMillis() {
    return delivery.flushTimeoutMillis();
  }

  /** Whether client reports of dropped data are sent; true by default. */
  public boolean sendClientReports() {
    return delivery.sendClientReports();
  }

  /** How many envelopes wait in memory for the transport's worker, 1000 by default. */
  public int maxQueueSize() {
    return delivery.maxQueueSize();
  }

  /** How many bytes (as estimated when queued) wait in memory, 16 MiB by default. */
  public long maxQueueBytes() {
    return delivery.maxQueueBytes();
  }

  /** How long connecting to Sentry may take, 5000 ms by default. */
  public long connectionTimeoutMillis() {
    return delivery.connectionTimeoutMillis();
  }

  /** How long waiting for Sentry's response may take, 5000 ms by default. */
  public long readTimeoutMillis() {
    return delivery.readTimeoutMillis();
  }

  /** How long sending one request body may stall, 5000 ms by default. */
  public long writeTimeoutMillis() {
    return delivery.writeTimeoutMillis();
  }

  /**
   * Whether envelopes are written to a disk outbox before they are sent, so that they survive
   * outages and restarts; true by default.
   */
  public boolean enableOutbox() {
    return outbox.enabled();
  }

  /** The outbox directory, or null for the default: {@code <java.io.tmpdir>/sentryj/<dsn hash>}. */
  public @Nullable String outboxDir() {
    return outbox.dir();
  }

  /** The most envelopes the outbox keeps; the oldest are evicted beyond it. 1000 by default. */
  public int outboxMaxItems() {
    return outbox.maxItems();
  }

  /** The most bytes the outbox keeps; the oldest are evicted beyond it. 64 MiB by default. */
  public long outboxMaxBytes() {
    return outbox.maxBytes();
  }

  /** Whether envelopes are only written to the outbox and never sent; false by default. */
  public boolean outboxOnly() {
    return outbox.only();
  }

  /** Whether every envelope is also posted to a local Spotlight; false by default. */
  public boolean spotlight() {
    return delivery.spotlight();
  }

  /** Where Spotlight listens, {@code http://localhost:8969/stream} by default. */
  public String spotlightUrl() {
    return delivery.spotlightUrl();
  }

  /** The TLS socket factory for HTTPS to Sentry, or null for the JVM's default. */
  public @Nullable SSLSocketFactory sslSocketFactory() {
    return delivery.sslSocketFactory();
  }

  /** The trust manager that goes with {@link #sslSocketFactory()}, or null. */
  public @Nullable X509TrustManager trustManager() {
    return delivery.trustManager();
  }
}
