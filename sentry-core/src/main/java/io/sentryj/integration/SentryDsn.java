package io.sentryj.integration;

import io.sentryj.internal.config.Dsn;
import org.jspecify.annotations.Nullable;

/**
 * A parsed DSN, for tools and integrations that show where events go or recognise requests to
 * Sentry itself. Never prints its secret key: {@link #toString()} and {@link #mask} show it as
 * {@code ***}.
 */
public final class SentryDsn {
  private final Dsn dsn;

  private SentryDsn(Dsn dsn) {
    this.dsn = dsn;
  }

  /**
   * Parses a DSN such as {@code https://public@o1.ingest.sentry.io/1}.
   *
   * @throws IllegalArgumentException saying what is wrong, with the secret key masked
   */
  public static SentryDsn parse(String dsn) {
    return new SentryDsn(Dsn.parse(dsn));
  }

  /**
   * The text with what stands where a DSN's secret key would ({@code key:SECRET@}) shown as {@code
   * ***}: safe to print, parsable or not; null is {@code "(none)"}.
   */
  public static String mask(@Nullable String dsn) {
    return dsn == null ? "(none)" : Dsn.mask(dsn);
  }

  /** The scheme, {@code https} or {@code http}. */
  public String scheme() {
    return dsn.scheme();
  }

  /** The path before the project's id, empty or starting with {@code /}. */
  public String path() {
    return dsn.path();
  }

  /** The public key, sent with every envelope. */
  public String publicKey() {
    return dsn.publicKey();
  }

  /** The host events go to. */
  public String host() {
    return dsn.host();
  }

  /** The port, or -1 for the scheme's default. */
  public int port() {
    return dsn.port();
  }

  /** The project's id. */
  public String projectId() {
    return dsn.projectId();
  }

  /** The DSN with its secret key, if any, shown as {@code ***}. */
  @Override
  public String toString() {
    return dsn.toString();
  }
}
