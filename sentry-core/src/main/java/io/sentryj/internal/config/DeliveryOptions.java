package io.sentryj.internal.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Where events go and how they get there (protocol sections 1, 4 and 5): the DSN, the in-memory
 * queue, HTTP timeouts, proxy and TLS, Spotlight, client reports, and how long flush and close may
 * take.
 */
public final class DeliveryOptions {
  /** Where Spotlight listens by default. */
  public static final String DEFAULT_SPOTLIGHT_URL = "http://localhost:8969/stream";

  private static final String PORT_RULE = "must be a number from 1 to 65535";

  public static final OptionKey<String> DSN =
      OptionKey.of("dsn", null, OptionText::string, OptionKey.Rule.<String>none())
          .masked(Dsn::mask);
  public static final OptionKey<Integer> MAX_QUEUE_SIZE =
      OptionKey.positiveInt("max-queue-size", 1000);
  public static final OptionKey<Long> MAX_QUEUE_BYTES =
      OptionKey.positiveLong("max-queue-bytes", 16L * 1024 * 1024);
  public static final OptionKey<Long> CONNECTION_TIMEOUT_MILLIS =
      OptionKey.positiveLong("connection-timeout-millis", 5000);
  public static final OptionKey<Long> READ_TIMEOUT_MILLIS =
      OptionKey.positiveLong("read-timeout-millis", 5000);
  public static final OptionKey<Long> WRITE_TIMEOUT_MILLIS =
      OptionKey.positiveLong("write-timeout-millis", 5000);
  public static final OptionKey<Long> SHUTDOWN_TIMEOUT_MILLIS =
      OptionKey.notNegativeLong("shutdown-timeout-millis", 2000);
  public static final OptionKey<Long> FLUSH_TIMEOUT_MILLIS =
      OptionKey.notNegativeLong("flush-timeout-millis", 15000);
  public static final OptionKey<Boolean> SEND_CLIENT_REPORTS =
      OptionKey.bool("send-client-reports", true);
  public static final OptionKey<Boolean> SPOTLIGHT = OptionKey.bool("spotlight", false);
  public static final OptionKey<String> SPOTLIGHT_URL =
      OptionKey.of(
          "spotlight-url",
          DEFAULT_SPOTLIGHT_URL,
          OptionText::string,
          url ->
              url.startsWith("http://") || url.startsWith("https://")
                  ? null
                  : "must be an http:// or https:// URL");
  // kept apart because proxy.* keys arrive one by one from different sources
  public static final OptionKey<String> PROXY_HOST = OptionKey.text("proxy.host", null);
  public static final OptionKey<Integer> PROXY_PORT =
      OptionKey.of(
          "proxy.port",
          null,
          t -> t.asInt(PORT_RULE),
          port -> port >= 1 && port <= 65535 ? null : PORT_RULE);
  public static final OptionKey<String> PROXY_USER = OptionKey.text("proxy.user", null);
  public static final OptionKey<String> PROXY_PASS =
      OptionKey.text("proxy.pass", null).masked(v -> Dsn.MASK);
  public static final OptionKey<SSLSocketFactory> SSL_SOCKET_FACTORY =
      OptionKey.codeOnly("sslSocketFactory", OptionKey.Rule.<SSLSocketFactory>none());
  public static final OptionKey<X509TrustManager> TRUST_MANAGER =
      OptionKey.codeOnly("trustManager", OptionKey.Rule.<X509TrustManager>none());

  private static final List<OptionKey<?>> PROXY_KEYS =
      Collections.unmodifiableList(Arrays.asList(PROXY_HOST, PROXY_PORT, PROXY_USER, PROXY_PASS));

  /** This group's options; the DSN first, since nothing works without a valid one. */
  static final List<OptionKey<?>> KEYS =
      Collections.unmodifiableList(
          Arrays.asList(
              DSN,
              SHUTDOWN_TIMEOUT_MILLIS,
              FLUSH_TIMEOUT_MILLIS,
              PROXY_HOST,
              PROXY_PORT,
              PROXY_USER,
              PROXY_PASS,
              SEND_CLIENT_REPORTS,
              MAX_QUEUE_SIZE,
              MAX_QUEUE_BYTES,
              CONNECTION_TIMEOUT_MILLIS,
              READ_TIMEOUT_MILLIS,
              WRITE_TIMEOUT_MILLIS,
              SPOTLIGHT,
              SPOTLIGHT_URL,
              SSL_SOCKET_FACTORY,
              TRUST_MANAGER));

  private final OptionValues values;
  private final @Nullable Dsn dsn;

  /**
   * The delivery options among {@code values}, which nobody changes afterwards.
   *
   * @throws IllegalArgumentException naming the first option that breaks its rule
   */
  public DeliveryOptions(OptionValues values) {
    this.values = values;
    this.dsn = checkDsn(values);
    values.check(KEYS);
    checkProxy(values);
    if ((values.find(SSL_SOCKET_FACTORY) == null) != (values.find(TRUST_MANAGER) == null)) {
      throw OptionRules.invalid(
          SSL_SOCKET_FACTORY.name(), "", "code", "needs both a socket factory and a trust manager");
    }
  }

  private static @Nullable Dsn checkDsn(OptionValues values) {
    String text = values.find(DSN);
    if (text == null || text.trim().isEmpty()) {
      return null; // no DSN: the SDK is disabled, which is a valid configuration
    }
    String problem = Dsn.problem(text.trim());
    if (problem != null) {
      throw values.invalid(DSN, problem);
    }
    return Dsn.parse(text.trim());
  }

  private static void checkProxy(OptionValues values) {
    String host = values.find(PROXY_HOST);
    if (host == null) {
      for (OptionKey<?> part : PROXY_KEYS.subList(1, PROXY_KEYS.size())) {
        if (values.find(part) != null) {
          throw values.invalid(part, "needs proxy.host to be set as well");
        }
      }
      return;
    }
    if (host.trim().isEmpty()) {
      throw values.invalid(PROXY_HOST, "must not be blank");
    }
    if (values.find(PROXY_PORT) == null) {
      throw values.invalid(PROXY_HOST, "needs proxy.port to be set as well");
    }
  }

  /** The DSN as given; null or blank when the SDK is off. */
  public @Nullable String dsnText() {
    return values.find(DSN);
  }

  /** The DSN, parsed, or null when the SDK is off. */
  public @Nullable Dsn dsn() {
    return dsn;
  }

  public int maxQueueSize() {
    return values.get(MAX_QUEUE_SIZE);
  }

  public long maxQueueBytes() {
    return values.get(MAX_QUEUE_BYTES);
  }

  public long connectionTimeoutMillis() {
    return values.get(CONNECTION_TIMEOUT_MILLIS);
  }

  public long readTimeoutMillis() {
    return values.get(READ_TIMEOUT_MILLIS);
  }

  public long writeTimeoutMillis() {
    return values.get(WRITE_TIMEOUT_MILLIS);
  }

  public long shutdownTimeoutMillis() {
    return values.get(SHUTDOWN_TIMEOUT_MILLIS);
  }

  public long flushTimeoutMillis() {
    return values.get(FLUSH_TIMEOUT_MILLIS);
  }

  public boolean sendClientReports() {
    return values.get(SEND_CLIENT_REPORTS);
  }

  public boolean spotlight() {
    return values.get(SPOTLIGHT);
  }

  public String spotlightUrl() {
    return values.get(SPOTLIGHT_URL);
  }

  public @Nullable String proxyHost() {
    return values.find(PROXY_HOST);
  }

  public @Nullable Integer proxyPort() {
    return values.find(PROXY_PORT);
  }

  public @Nullable String proxyUser() {
    return values.find(PROXY_USER);
  }

  public @Nullable String proxyPassword() {
    return values.find(PROXY_PASS);
  }

  public @Nullable SSLSocketFactory sslSocketFactory() {
    return values.find(SSL_SOCKET_FACTORY);
  }

  public @Nullable X509TrustManager trustManager() {
    return values.find(TRUST_MANAGER);
  }

  /** Every delivery option but the proxy's parts, which the caller shows as one proxy. */
  @Override
  public String toString() {
    List<OptionKey<?>> shown = new java.util.ArrayList<>(KEYS.subList(1, KEYS.size()));
    shown.removeAll(PROXY_KEYS);
    return "dsn="
        + (dsn != null ? dsn.toString() : "(none: disabled)")
        + ", "
        + values.describe(shown);
  }
}
