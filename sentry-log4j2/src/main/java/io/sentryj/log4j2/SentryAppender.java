package io.sentryj.log4j2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.jspecify.annotations.Nullable;

/**
 * A Log4j 2 appender, the plugin {@code Sentry}, that sends error logs to Sentry as events and
 * keeps lower logs as breadcrumbs of the next event.
 *
 * <pre>{@code
 * <Appenders>
 *   <Sentry name="SENTRY"
 *           dsn="https://public@o1.ingest.sentry.io/1"
 *           minimumEventLevel="ERROR" minimumBreadcrumbLevel="INFO"
 *           contextTags="requestId,tenant">
 *     <Property name="environment" value="staging"/>  <!-- any SDK option by key -->
 *   </Sentry>
 * </Appenders>
 * }</pre>
 *
 * <p>If the SDK is already running (initialised in code), the appender uses it and ignores its own
 * {@code dsn} and options. Otherwise it initialises the SDK from them, completed by the external
 * configuration (system properties, environment, {@code sentry.properties}); that SDK is shared by
 * the appenders that started it and closed when the last one stops, so that a reconfiguration keeps
 * it running.
 *
 * <p>An event carries the message template, parameters and formatted text ({@code logentry}), the
 * logger name, the throwable (mechanism {@code auto.log.log4j2}, handled), the thread name and
 * marker (extras {@code thread_name} and {@code marker}), the thread context (context {@code MDC},
 * values of sensitive keys filtered) and the thread context keys named by {@code contextTags} as
 * tags. With option {@code logs.enabled}, logs at or above {@code minimumLogLevel} also go to
 * Sentry's structured logs.
 *
 * <p>Nothing logged by the SDK itself, by OkHttp or okio, on the SDK's threads, or on a thread that
 * is already inside the appender or a capture is captured; while a thread is inside the appender,
 * what it logs is denied by a filter on the whole configuration, so that a logging {@code
 * beforeSend} can neither loop nor feed an {@code Async} appender or async logger the thread
 * drains. The appender never blocks on the network: it hands events to the SDK's queue.
 */
@Plugin(
    name = "Sentry",
    category = Core.CATEGORY_NAME,
    elementType = Appender.ELEMENT_TYPE,
    printObject = true)
public final class SentryAppender extends AbstractAppender {
  private static final int MAX_REPORTED_FAILURES = 8;

  private final Log4j2Sdk sdk;
  private final @Nullable String dsn;
  private final Map<String, String> options;
  private final long flushTimeoutMillis;
  private final @Nullable Configuration configuration;
  private final String settings;
  private final AtomicInteger failures = new AtomicInteger();
  private final ReentryGuard.Filter guard = new ReentryGuard.Filter();

  private SentryAppender(Builder b, Log4j2Sdk sdk, Map<String, String> options) {
    super(b.getName(), b.getFilter(), null, b.isIgnoreExceptions(), b.getPropertyArray());
    this.sdk = sdk;
    this.dsn = b.dsn;
    this.options = options;
    this.flushTimeoutMillis = b.flushTimeoutMillis;
    this.configuration = b.getConfiguration();
    this.settings =
        "minimumEventLevel="
            + b.minimumEventLevel
            + ", minimumBreadcrumbLevel="
            + b.minimumBreadcrumbLevel
            + ", minimumLogLevel="
            + b.minimumLogLevel
            + ", contextTags="
            + b.contextTags;
  }

  /** The builder Log4j fills from the configuration's attributes and elements. */
  @PluginBuilderFactory
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Connects to the SDK, initialising it if it is not running. Problems are reported to Log4j's
   * status logger; an appender that cannot reach the SDK does not start. Never throws.
   */
  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    try {
      String report = sdk.bind(dsn, options, getName());
      if (report != null) {
        LOGGER.warn(report);
      }
    } catch (RuntimeException e) {
      LOGGER.error("appender [{}] could not initialise Sentry: {}", getName(), e.getMessage(), e);
      return;
    }
    Configuration c = configuration;
    if (c != null) {
      guard.start();
      c.addFilter(guard);
    }
    super.start();
  }

  /** Sends the event on; never throws. */
  @Override
  public void append(LogEvent event) {
    if (!sdk.wants(event.getLevel())) {
      return; // below every threshold: the common case
    }
    if (ReentryGuard.isInside() || Log4j2Sdk.isSdkRecord(event.getLoggerName())) {
      return;
    }
    ReentryGuard.enter();
    try {
      sdk.record(event);
    } catch (Throwable t) {
      reportFailure(t);
    } finally {
      ReentryGuard.exit();
    }
  }

  private void reportFailure(Throwable t) {
    // to the status logger, never through logging; a few times only, not once per log line
    if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
      LOGGER.error("appender [{}] failed to send a log event to Sentry", getName(), t);
    }
  }

  /**
   * Stops taking events and waits at most {@code flushTimeoutMillis} for the queued ones; closes
   * the SDK too if the appenders initialised it and this is the last of them.
   */
  @Override
  public boolean stop(long timeout, TimeUnit timeUnit) {
    setStopping();
    boolean stopped = super.stop(timeout, timeUnit, false);
    Configuration c = configuration;
    if (c != null) {
      c.removeFilter(guard);
      guard.stop();
    }
    try {
      sdk.flush(flushTimeoutMillis);
      sdk.release();
    } catch (RuntimeException e) {
      LOGGER.error("appender [{}] failed to flush Sentry", getName(), e);
    }
    setStopped();
    return stopped;
  }

  @Override
  public String toString() {
    return "SentryAppender{name=" + getName() + ", " + settings + ", state=" + getState() + '}';
  }

  /**
   * The appender's settings, as attributes of the {@code <Sentry>} element (or {@code
   * appender.<id>.<setting>} keys of {@code log4j2.properties}); SDK options as {@code <Property>}
   * elements by their {@code sentry.properties} keys.
   */
  public static final class Builder extends AbstractAppender.Builder<Builder>
      implements org.apache.logging.log4j.core.util.Builder<SentryAppender> {
    @PluginBuilderAttribute private @Nullable String dsn;
    @PluginBuilderAttribute private String minimumEventLevel = "ERROR";
    @PluginBuilderAttribute private String minimumBreadcrumbLevel = "INFO";
    @PluginBuilderAttribute private String minimumLogLevel = "INFO";
    @PluginBuilderAttribute private String contextTags = "";
    @PluginBuilderAttribute private long flushTimeoutMillis = 2000;

    private Builder() {}

    /** The DSN, used only when the appender initialises the SDK. */
    public Builder setDsn(@Nullable String dsn) {
      this.dsn = dsn;
      return this;
    }

    /** The lowest level that becomes an event: {@code ERROR} by default. */
    public Builder setMinimumEventLevel(String level) {
      this.minimumEventLevel = level;
      return this;
    }

    /** The lowest level that becomes a breadcrumb: {@code INFO} by default. */
    public Builder setMinimumBreadcrumbLevel(String level) {
      this.minimumBreadcrumbLevel = level;
      return this;
    }

    /** The lowest level sent as a structured log when {@code logs.enabled}: {@code INFO}. */
    public Builder setMinimumLogLevel(String level) {
      this.minimumLogLevel = level;
      return this;
    }

    /** Thread context keys whose values become tags, comma-separated. */
    public Builder setContextTags(String keys) {
      this.contextTags = keys;
      return this;
    }

    /** How long stopping waits for queued events, 2000 ms by default. */
    public Builder setFlushTimeoutMillis(long millis) {
      this.flushTimeoutMillis = millis;
      return this;
    }

    /**
     * The appender, or null (Log4j then reports that it could not create it) when a setting is
     * wrong; the status logger names which.
     */
    @Override
    public @Nullable SentryAppender build() {
      Level event = level("minimumEventLevel", minimumEventLevel);
      Level crumb = level("minimumBreadcrumbLevel", minimumBreadcrumbLevel);
      Level log = level("minimumLogLevel", minimumLogLevel);
      Map<String, String> options = options();
      List<String> unknown = Log4j2Sdk.unknownOptions(options.keySet());
      if (!unknown.isEmpty()) {
        LOGGER.error("unknown option(s) {} for appender [{}]", unknown, getName());
      }
      if (event == null || crumb == null || log == null || !unknown.isEmpty()) {
        return null;
      }
      Log4j2Sdk sdk = new Log4j2Sdk(tags(), event, crumb, log);
      return new SentryAppender(this, sdk, options);
    }

    private @Nullable Level level(String setting, String text) {
      Level level = Level.toLevel(text.trim(), null);
      if (level == null || Level.ALL.equals(level) || Level.OFF.equals(level)) {
        LOGGER.error(
            "{} \"{}\" of appender [{}] is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL",
            setting,
            text,
            getName());
        return null;
      }
      return level;
    }

    private Set<String> tags() {
      Set<String> keys = new LinkedHashSet<>();
      for (String key : contextTags.split(",", -1)) {
        if (!key.trim().isEmpty()) {
          keys.add(key.trim());
        }
      }
      return Collections.unmodifiableSet(keys);
    }

    private Map<String, String> options() {
      Map<String, String> options = new LinkedHashMap<>();
      Property[] properties = getPropertyArray();
      if (properties != null) {
        for (Property p : properties) {
          options.put(p.getName().trim(), value(p).trim());
        }
      }
      return options;
    }

    /**
     * The property's value, substituted. Log4j's {@code Property} factory fills only the raw value
     * from a {@code value} attribute (the form {@code log4j2.properties} always gives), the value
     * only from the element's text.
     */
    private String value(Property p) {
      String value = p.getValue();
      String raw = p.getRawValue();
      if (!value.isEmpty() || raw == null) {
        return value;
      }
      Configuration c = getConfiguration();
      return c == null ? raw : String.valueOf(c.getStrSubstitutor().replace(raw));
    }

    @Override
    public String toString() {
      return "SentryAppender.Builder{name=" + getName() + '}';
    }
  }
}
