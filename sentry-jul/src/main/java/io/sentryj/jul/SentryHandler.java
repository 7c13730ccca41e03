package io.sentryj.jul;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.jspecify.annotations.Nullable;

/**
 * A {@code java.util.logging} handler that sends severe logs to Sentry as events and keeps lower
 * logs as breadcrumbs of the next event.
 *
 * <p>From {@code logging.properties} (the JDK's {@code LogManager} makes it with the no-argument
 * constructor, which reads its settings there):
 *
 * <pre>{@code
 * handlers = java.util.logging.ConsoleHandler, io.sentryj.jul.SentryHandler
 * io.sentryj.jul.SentryHandler.dsn = https://public@o1.ingest.sentry.io/1
 * io.sentryj.jul.SentryHandler.minimumEventLevel = SEVERE
 * io.sentryj.jul.SentryHandler.minimumBreadcrumbLevel = INFO
 * io.sentryj.jul.SentryHandler.environment = staging   # any SDK option by its key
 * io.sentryj.jul.SentryHandler.tags = team=payments,region=eu
 * }</pre>
 *
 * <p>In code: {@code Logger.getLogger("").addHandler(SentryHandler.builder().build())}.
 *
 * <p>If the SDK is already running (initialised in code), the handler uses it and ignores its own
 * {@code dsn} and options. Otherwise it initialises the SDK from them, completed by the external
 * configuration (system properties, environment, {@code sentry.properties}); that SDK is closed
 * when the last handler that uses it closes (the {@code LogManager} closes its handlers when the
 * JVM exits).
 *
 * <p>An event carries the message pattern (localized by the record's resource bundle), its
 * parameters and the formatted text ({@code logentry}), the logger name, the throwable (mechanism
 * {@code auto.log.jul}, handled) and the thread name (extra {@code thread_name}). {@code WARNING}
 * and {@code INFO} become breadcrumbs by default; {@code CONFIG} and {@code FINE} count as debug,
 * finer levels as trace. With option {@code logs.enabled}, logs at or above {@code minimumLogLevel}
 * also go to Sentry's structured logs.
 *
 * <p>Nothing logged by the SDK itself, by OkHttp or okio (which log through {@code
 * java.util.logging}), on the SDK's threads, or on a thread that is already inside the handler or a
 * capture is captured. Problems go to the handler's {@code ErrorManager}, never through logging; a
 * misconfigured handler reports them and stays off.
 */
public final class SentryHandler extends Handler {
  private static final String PREFIX = SentryHandler.class.getName() + ".";
  private static final int MAX_REPORTED_FAILURES = 8;
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final @Nullable JulSdk sdk;
  private final long flushTimeoutMillis;
  private final String settings;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A handler with the settings of {@code logging.properties}: the {@code LogManager}'s properties
   * {@code io.sentryj.jul.SentryHandler.<setting>}. A setting that is wrong is reported to the
   * error manager and leaves the handler off.
   */
  public SentryHandler() {
    this(Builder.fromLogManager(), false);
  }

  private SentryHandler(Builder b, boolean failFast) {
    setLevel(b.level);
    this.flushTimeoutMillis = b.flushTimeoutMillis;
    this.settings = b.toString();
    String invalid = b.invalid;
    if (invalid != null) {
      reportError("the Sentry handler is off: " + invalid, null, ErrorManager.OPEN_FAILURE);
      this.sdk = null;
    } else {
      this.sdk = connect(b, failFast);
    }
  }

  /** A builder for a handler configured in code. */
  public static Builder builder() {
    return new Builder();
  }

  private @Nullable JulSdk connect(Builder b, boolean failFast) {
    try {
      JulSdk s = new JulSdk(b.eventLevel(), b.breadcrumbLevel(), b.logLevel());
      String report = s.bind(b.dsn, b.options, "java.util.logging handler " + getClass().getName());
      if (report != null) {
        reportError(report, null, ErrorManager.OPEN_FAILURE);
      }
      return s;
    } catch (IllegalArgumentException e) {
      if (failFast) {
        throw e;
      }
      reportError("the Sentry handler is off: " + e.getMessage(), e, ErrorManager.OPEN_FAILURE);
      return null;
    }
  }

  /** Sends the record on; never throws. */
  @Override
  public void publish(@Nullable LogRecord record) {
    JulSdk s = sdk;
    if (s == null || record == null || closed.get() || !isLoggable(record)) {
      return;
    }
    if (!s.wants(record.getLevel())) {
      return; // below every threshold: the common case
    }
    int[] depth = DEPTH.get();
    if (depth[0] > 0 || JulSdk.isSdkRecord(record.getLoggerName())) {
      return;
    }
    depth[0]++;
    try {
      s.record(record);
    } catch (Throwable t) {
      if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
        reportError(
            "failed to send a log record to Sentry", asException(t), ErrorManager.WRITE_FAILURE);
      }
    } finally {
      depth[0]--;
    }
  }

  private static Exception asException(Throwable t) {
    return t instanceof Exception ? (Exception) t : new RuntimeException(t);
  }

  /** Waits at most {@code flushTimeoutMillis} for the SDK's queued events and logs. */
  @Override
  public void flush() {
    JulSdk s = sdk;
    if (s != null && !closed.get()) {
      s.flush(flushTimeoutMillis);
    }
  }

  /**
   * Flushes and stops taking records; closes the SDK too if the handlers initialised it and this is
   * the last of them. Idempotent.
   */
  @Override
  public void close() {
    JulSdk s = sdk;
    if (s == null || closed.getAndSet(true)) {
      return;
    }
    try {
      s.flush(flushTimeoutMillis);
      s.release();
    } catch (RuntimeException e) {
      reportError("failed to flush Sentry", e, ErrorManager.CLOSE_FAILURE);
    }
  }

  @Override
  public String toString() {
    return "SentryHandler{" + settings + ", on=" + (sdk != null && !closed.get()) + '}';
  }

  /** The settings of a {@link SentryHandler}; defaults SEVERE, INFO, INFO and level ALL. */
  public static final class Builder {
    private @Nullable String dsn;
    private String minimumEventLevel = "SEVERE";
    private String minimumBreadcrumbLevel = "INFO";
    private String minimumLogLevel = "INFO";
    private Level level = Level.ALL;
    private long flushTimeoutMillis = 2000;
    private final Map<String, String> options = new LinkedHashMap<>();
    // what was wrong in logging.properties, reported when the handler is made
    private @Nullable String invalid;

    private Builder() {}

    /** The DSN, used only when the handler initialises the SDK. */
    public Builder dsn(@Nullable String dsn) {
      this.dsn = dsn;
      return this;
    }

    /** The lowest level that becomes an event: {@code SEVERE} by default. */
    public Builder minimumEventLevel(Level level) {
      this.minimumEventLevel = level.getName();
      return this;
    }

    /** The lowest level that becomes a breadcrumb: {@code INFO} by default. */
    public Builder minimumBreadcrumbLevel(Level level) {
      this.minimumBreadcrumbLevel = level.getName();
      return this;
    }

    /** The lowest level sent as a structured log when {@code logs.enabled}: {@code INFO}. */
    public Builder minimumLogLevel(Level level) {
      this.minimumLogLevel = level.getName();
      return this;
    }

    /** The handler's own level ({@code Handler.setLevel}); {@code ALL} by default. */
    public Builder level(Level level) {
      this.level = level;
      return this;
    }

    /** How long {@code flush()} and {@code close()} wait for queued events, 2000 ms. */
    public Builder flushTimeoutMillis(long millis) {
      this.flushTimeoutMillis = millis;
      return this;
    }

    /**
     * Any SDK option by its {@code sentry.properties} key ({@code max-breadcrumbs}, {@code
     * tags.team}); used only when the handler initialises the SDK.
     */
    public Builder option(String key, String value) {
      options.put(key, value);
      return this;
    }

    /**
     * The handler, connected to the SDK (initialising it if it is not running).
     *
     * @throws IllegalArgumentException if a level or option is invalid, naming it
     */
    public SentryHandler build() {
      List<String> unknown = JulSdk.unknownOptions(options.keySet());
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unknown option(s) " + unknown + " for SentryHandler");
      }
      return new SentryHandler(this, true);
    }

    /** The settings of {@code logging.properties}; what is wrong there is kept to be reported. */
    static Builder fromLogManager() {
      Builder b = new Builder();
      try {
        b.read(LogManager.getLogManager());
      } catch (IllegalArgumentException e) {
        b.invalid = e.getMessage();
      }
      return b;
    }

    private void read(LogManager manager) {
      this.dsn = property(manager, "dsn");
      this.minimumEventLevel =
          orDefault(property(manager, "minimumEventLevel"), this.minimumEventLevel);
      this.minimumBreadcrumbLevel =
          orDefault(property(manager, "minimumBreadcrumbLevel"), this.minimumBreadcrumbLevel);
      this.minimumLogLevel = orDefault(property(manager, "minimumLogLevel"), this.minimumLogLevel);
      String level = property(manager, "level");
      this.level = level == null ? Level.ALL : parse("level", level, true);
      String timeout = property(manager, "flushTimeoutMillis");
      if (timeout != null) {
        this.flushTimeoutMillis = parseMillis(timeout);
      }
      for (String key : JulSdk.optionKeys()) {
        String value = key.equals("dsn") ? null : property(manager, key);
        if (value != null) {
          this.options.put(key, value);
        }
      }
      tags(property(manager, "tags"));
    }

    private void tags(@Nullable String list) {
      if (list == null) {
        return;
      }
      for (String pair : list.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          options.put("tags." + pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        } else if (!pair.trim().isEmpty()) {
          throw new IllegalArgumentException(PREFIX + "tags: \"" + pair + "\" is not key=value");
        }
      }
    }

    private static @Nullable String property(LogManager manager, String setting) {
      String value = manager.getProperty(PREFIX + setting);
      return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static String orDefault(@Nullable String value, String fallback) {
      return value == null ? fallback : value;
    }

    private static long parseMillis(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            PREFIX + "flushTimeoutMillis \"" + text + "\" is not a number of milliseconds", e);
      }
    }

    Level eventLevel() {
      return parse("minimumEventLevel", minimumEventLevel, false);
    }

    Level breadcrumbLevel() {
      return parse("minimumBreadcrumbLevel", minimumBreadcrumbLevel, false);
    }

    Level logLevel() {
      return parse("minimumLogLevel", minimumLogLevel, false);
    }

    private static Level parse(String setting, String name, boolean allowAllAndOff) {
      Level level;
      try {
        level = Level.parse(name.trim());
      } catch (IllegalArgumentException e) {
        level = null;
      }
      if (level == null
          || (!allowAllAndOff && (level.equals(Level.ALL) || level.equals(Level.OFF)))) {
        throw new IllegalArgumentException(
            PREFIX
                + setting
                + " \""
                + name
                + "\" is not one of SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST");
      }
      return level;
    }

    @Override
    public String toString() {
      return "minimumEventLevel="
          + minimumEventLevel
          + ", minimumBreadcrumbLevel="
          + minimumBreadcrumbLevel
          + ", minimumLogLevel="
          + minimumLogLevel
          + ", options="
          + Collections.unmodifiableSet(options.keySet());
    }
  }
}
