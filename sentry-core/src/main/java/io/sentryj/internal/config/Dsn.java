package io.sentryj.internal.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed DSN, {@code {PROTO}://{PUBLIC_KEY}[:{SECRET}]@{HOST[:PORT]}{PATH}/{PROJECT_ID}}
 * (protocol §1). Immutable.
 *
 * <p>The secret key is deprecated but still accepted; it never appears in {@link #toString()} nor
 * in any error message, which show it as {@code ***}.
 *
 * <pre>{@code
 * Dsn dsn = Dsn.parse("https://abc@o42.ingest.us.sentry.io/7");
 * dsn.envelopeUrl(); // "https://o42.ingest.us.sentry.io/api/7/envelope/"
 * dsn.orgId();       // "42"
 * }</pre>
 */
public final class Dsn {
  /** Shown in place of a secret key. */
  static final String MASK = "***";

  // protocol §1: SaaS hosts o{orgid}.ingest[.{region}].sentry.io carry the org id for the DSC
  private static final Pattern SAAS_HOST =
      Pattern.compile("o(\\d+)\\.ingest(?:\\.[a-z0-9-]+)?\\.sentry\\.io", Pattern.CASE_INSENSITIVE);
  private static final int HASH_HEX_CHARS = 16;

  private final String scheme;
  private final String publicKey;
  private final @Nullable String secretKey;
  private final String host;
  private final int port;
  private final String path;
  private final String projectId;

  private Dsn(
      String scheme,
      String publicKey,
      @Nullable String secretKey,
      String host,
      int port,
      String path,
      String projectId) {
    this.scheme = scheme;
    this.publicKey = publicKey;
    this.secretKey = secretKey;
    this.host = host;
    this.port = port;
    this.path = path;
    this.projectId = projectId;
  }

  /**
   * Parses a DSN; surrounding white space is ignored.
   *
   * @throws IllegalArgumentException saying what is wrong, with the secret key masked
   */
  public static Dsn parse(String dsn) {
    try {
      return DsnParser.parse(dsn.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid DSN \"" + mask(dsn.trim()) + "\": " + e.getMessage(), e);
    }
  }

  /** What is wrong with this DSN (never quoting the secret key), or null if it parses. */
  public static @Nullable String problem(String dsn) {
    try {
      DsnParser.parse(dsn.trim());
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * The text with what stands where a DSN's secret key would ({@code key:SECRET@}) replaced by
   * {@code ***}; safe on any text, parsable or not.
   */
  public static String mask(String dsn) {
    int start = dsn.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    // the last '@' ends the user info even when a malformed secret holds '/' or '@'
    int at = dsn.lastIndexOf('@');
    if (at < start) {
      return dsn;
    }
    int colon = dsn.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return dsn;
    }
    return dsn.substring(0, colon + 1) + MASK + dsn.substring(at);
  }

  static Dsn of(
      String scheme,
      String publicKey,
      @Nullable String secretKey,
      String host,
      int port,
      String path,
      String projectId) {
    return new Dsn(scheme, publicKey, secretKey, host, port, path, projectId);
  }

  /** {@code http} or {@code https}, lower case. */
  public String scheme() {
    return scheme;
  }

  /** The public key, sent as {@code sentry_key}. */
  public String publicKey() {
    return publicKey;
  }

  /** The deprecated secret key, or null; send it only as {@code sentry_secret}, never log it. */
  public @Nullable String secretKey() {
    return secretKey;
  }

  /** The host name or address; an IPv6 address keeps its brackets ({@code [::1]}). */
  public String host() {
    return host;
  }

  /** The port, or -1 when the DSN names none (the scheme's default). */
  public int port() {
    return port;
  }

  /** The path before the project id: empty, or starting and not ending with {@code /}. */
  public String path() {
    return path;
  }

  /** The project id. */
  public String projectId() {
    return projectId;
  }

  /**
   * Where envelopes are posted: {@code {scheme}://{host}[:{port}]{path}/api/{project}/envelope/}.
   */
  public String envelopeUrl() {
    return origin() + path + "/api/" + projectId + "/envelope/";
  }

  /** The organization id of a SaaS ingest host ({@code o42.ingest.sentry.io}), else null. */
  public @Nullable String orgId() {
    Matcher m = SAAS_HOST.matcher(host);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * A short, stable hex hash of the DSN, fit for a folder name: the first 16 hex digits of the
   * SHA-256 of the DSN without its secret key, so that it does not change with the (deprecated)
   * secret and reveals nothing of it.
   */
  public String hash() {
    byte[] digest = sha256(withoutSecret());
    StringBuilder hex = new StringBuilder(HASH_HEX_CHARS);
    for (int i = 0; i < HASH_HEX_CHARS / 2; i++) {
      hex.append(String.format(Locale.ROOT, "%02x", digest[i] & 0xff));
    }
    return hex.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must support SHA-256", e);
    }
  }

  private String origin() {
    return scheme + "://" + host + (port == -1 ? "" : ":" + port);
  }

  private String withoutSecret() {
    return scheme + "://" + publicKey + "@" + hostPortPathProject();
  }

  private String hostPortPathProject() {
    return host + (port == -1 ? "" : ":" + port) + path + "/" + projectId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Dsn)) {
      return false;
    }
    Dsn d = (Dsn) o;
    return toStringWithSecret().equals(d.toStringWithSecret());
  }

  @Override
  public int hashCode() {
    return toStringWithSecret().hashCode();
  }

  private String toStringWithSecret() {
    return scheme
        + "://"
        + publicKey
        + (secretKey == null ? "" : ":" + secretKey)
        + "@"
        + hostPortPathProject();
  }

  /** The DSN with its secret key, if any, shown as {@code ***}. */
  @Override
  public String toString() {
    return scheme
        + "://"
        + publicKey
        + (secretKey == null ? "" : ":" + MASK)
        + "@"
        + hostPortPathProject();
  }
}
