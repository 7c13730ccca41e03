package io.sentryj.agent.instrumentation.http;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.pipeline.SentryClient;
import io.sentryj.internal.scope.PropagationContext;
import io.sentryj.internal.scope.ScopeImpl;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.internal.scope.TraceHeaders;
import io.sentryj.internal.scrub.Scrubber;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * What every HTTP client's hooks share: which requests are recorded (not the SDK's own to its DSN),
 * which get {@code sentry-trace} and {@code baggage} ({@code trace-propagation-targets}), and the
 * breadcrumb of an exchange, as the official SDKs make it: type and category {@code http}, data
 * {@code method}, {@code url} (without user info, query or fragment), {@code status_code}, {@code
 * http.query} (scrubbed of secrets), {@code duration} in milliseconds; level {@code warning} for
 * 4xx, {@code error} for 5xx and failures.
 */
public final class OutgoingHttp {
  public static final String SENTRY_TRACE = "sentry-trace";
  public static final String BAGGAGE = "baggage";

  /** Everything matches when the option is not set, as in the official SDKs for servers. */
  static final String DEFAULT_TARGETS = ".*";

  private static final int MAX_URL_LENGTH = 2048;

  private final List<String> targets;
  private final List<@Nullable Pattern> patterns;
  private final @Nullable Dsn dsn;

  /**
   * @param targets the {@code trace-propagation-targets} option: comma-separated substrings or
   *     regular expressions of URLs; null for the default, empty for none
   */
  public OutgoingHttp(@Nullable String targets, @Nullable String dsn) {
    List<String> list = new ArrayList<>();
    List<@Nullable Pattern> compiled = new ArrayList<>();
    for (String target : (targets == null ? DEFAULT_TARGETS : targets).split(",")) {
      String t = target.trim();
      if (!t.isEmpty()) {
        list.add(t);
        compiled.add(compile(t));
      }
    }
    this.targets = Collections.unmodifiableList(list);
    this.patterns = compiled;
    this.dsn = parseDsn(dsn);
  }

  private static @Nullable Pattern compile(String target) {
    try {
      return Pattern.compile(target);
    } catch (PatternSyntaxException e) {
      return null; // a plain substring then
    }
  }

  private static @Nullable Dsn parseDsn(@Nullable String dsn) {
    try {
      return dsn == null || dsn.isEmpty() ? null : Dsn.parse(dsn);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether the SDK runs and the request is not one of its own. */
  public boolean records(@Nullable String url) {
    return url != null && SentryRuntime.currentClient() != null && !isSentry(url);
  }

  /** Whether this is a request to the DSN's ingest endpoint. */
  boolean isSentry(String url) {
    Dsn d = dsn;
    if (d == null) {
      return false;
    }
    try {
      URI uri = URI.create(url);
      String host = uri.getHost();
      String path = uri.getRawPath();
      return host != null
          && host.equalsIgnoreCase(d.host())
          && port(uri) == (d.port() != -1 ? d.port() : defaultPort(d.scheme()))
          && path != null
          && path.startsWith(d.path() + "/api/" + d.projectId() + "/");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
  }

  private static int defaultPort(@Nullable String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** Whether {@code trace-propagation-targets} matches the URL: a substring or a whole match. */
  public boolean propagatesTo(String url) {
    for (int i = 0; i < targets.size(); i++) {
      Pattern p = patterns.get(i);
      if (url.contains(targets.get(i)) || (p != null && p.matcher(url).matches())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values of {@code sentry-trace} and {@code baggage} for a request to this URL from the
   * calling thread's scopes, or null when the URL is not a target.
   */
  public String @Nullable [] traceHeaders(String url) {
    SentryClient client = SentryRuntime.currentClient();
    if (client == null || !propagatesTo(url)) {
      return null;
    }
    PropagationContext context = client.storage().current().propagationContext();
    SentryOptions options = client.options();
    Dsn d = dsn;
    return new String[] {
      TraceHeaders.outgoingSentryTrace(context),
      TraceHeaders.outgoingBaggage(
          context, d != null ? d.publicKey() : null, options.environment(), options.release())
    };
  }

  /**
   * The baggage to send when the request has {@code existing}: ours alone, or appended to other
   * vendors' members; null when it carries Sentry's members already.
   */
  public static @Nullable String mergeBaggage(@Nullable String existing, String ours) {
    if (existing == null || existing.trim().isEmpty()) {
      return ours;
    }
    return existing.contains("sentry-") ? null : existing + "," + ours;
  }

  /** Starts recording an exchange on the calling thread. */
  public Exchange start(String method, String url) {
    SentryClient client = SentryRuntime.currentClient();
    Scopes scopes = client != null ? client.storage().current() : null;
    return new Exchange(method, url, scopes != null ? scopes.isolation() : null);
  }

  /** Ends an exchange: its breadcrumb, on the scope of the thread that started it. */
  public void finish(Exchange exchange, int status, @Nullable Throwable thrown) {
    ScopeImpl scope = exchange.scope;
    if (scope == null || !exchange.finish()) {
      return;
    }
    scope.addBreadcrumb(breadcrumb(exchange, status, thrown), null);
  }

  static Breadcrumb breadcrumb(Exchange exchange, int status, @Nullable Throwable thrown) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exchange.startNanos);
    String[] parts = splitUrl(exchange.url);
    Breadcrumb.Builder b =
        Breadcrumb.builder()
            .type("http")
            .category("http")
            .data("method", exchange.method.toUpperCase(Locale.ROOT))
            .data("url", parts[0]);
    if (parts[1] != null) {
      b.data("http.query", Scrubber.scrubQueryString(parts[1]));
    }
    if (status > 0) {
      b.data("status_code", status);
    }
    b.data("duration", millis);
    if (thrown != null && status <= 0) {
      b.data("error", thrown.getClass().getName()).level(SentryLevel.ERROR);
    } else if (status >= 500) {
      b.level(SentryLevel.ERROR);
    } else if (status >= 400) {
      b.level(SentryLevel.WARNING);
    }
    return b.build();
  }

  /** {URL without user info, query and fragment; the raw query or null}. */
  static String[] splitUrl(String url) {
    String rest = url;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash); // a fragment may hold tokens: never sent
    }
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
      if (query.isEmpty()) {
        query = null;
      }
    }
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      int hostStart = scheme + 3;
      int pathStart = rest.indexOf('/', hostStart);
      int at = rest.lastIndexOf('@', pathStart < 0 ? rest.length() : pathStart);
      if (at >= hostStart) {
        rest = rest.substring(0, hostStart) + rest.substring(at + 1);
      }
    }
    if (rest.length() > MAX_URL_LENGTH) {
      rest = rest.substring(0, MAX_URL_LENGTH);
    }
    return new String[] {rest, query};
  }

  @Override
  public String toString() {
    return "OutgoingHttp{targets=" + targets + '}';
  }

  /** One request in progress. */
  public static final class Exchange {
    volatile String method;
    final String url;
    final long startNanos = System.nanoTime();
    final @Nullable ScopeImpl scope;
    private boolean finished;

    Exchange(String method, String url, @Nullable ScopeImpl scope) {
      this.method = method;
      this.url = url;
      this.scope = scope;
    }

    /** The method, when it is known only at the end. */
    Exchange withMethod(@Nullable String newMethod) {
      if (newMethod != null) {
        method = newMethod;
      }
      return this;
    }

    synchronized boolean isFinished() {
      return finished;
    }

    /** True the first time only. */
    synchronized boolean finish() {
      if (finished) {
        return false;
      }
      finished = true;
      return true;
    }

    @Override
    public String toString() {
      return "Exchange{" + method + '}';
    }
  }
}
