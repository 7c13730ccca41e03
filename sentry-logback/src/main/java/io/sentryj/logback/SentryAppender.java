package io.sentryj.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.integration.LogCapture;
import io.sentryj.integration.Sdk;
import io.sentryj.integration.TextOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Logback appender that sends error logs to Sentry as events and keeps lower logs as breadcrumbs
 * of the next event.
 *
 * <pre>{@code
 * <appender name="SENTRY" class="io.sentryj.logback.SentryAppender">
 *   <dsn>https://public@o1.ingest.sentry.io/1</dsn>      <!-- optional if Sentry.init ran -->
 *   <minimumEventLevel>ERROR</minimumEventLevel>         <!-- the default -->
 *   <minimumBreadcrumbLevel>INFO</minimumBreadcrumbLevel> <!-- the default -->
 *   <contextTag>requestId</contextTag>                   <!-- MDC keys that become tags -->
 *   <environment>staging</environment>
 *   <option>max-breadcrumbs=50</option>                  <!-- any other SDK option by key -->
 * </appender>
 * }</pre>
 *
 * <p>If the SDK is already running (initialised in code), the appender uses it and ignores its own
 * {@code dsn} and options. Otherwise it initialises the SDK from them, completed by the external
 * configuration (system properties, environment, {@code sentry.properties}).
 *
 * <p>An event carries the message template, parameters and formatted text ({@code logentry}), the
 * logger name, the throwable (mechanism {@code auto.log.logback}, handled), the thread name and
 * markers (extra {@code thread_name} and {@code marker}), the MDC (context {@code MDC}, values of
 * sensitive keys filtered) and the MDC keys named by {@code contextTag} as tags. With {@code
 * logs.enabled} set, logs at or above {@code minimumLogLevel} also go to Sentry's structured logs.
 *
 * <p>Nothing logged by the SDK itself, by OkHttp or okio, on the SDK's threads, or on a thread that
 * is already inside the appender or a capture is captured; while a thread is inside the appender,
 * what it logs is denied for every appender of the context, so that a logging {@code beforeSend}
 * can neither loop nor block a full {@code AsyncAppender} on itself.
 *
 * <p>With the sentryj agent also running, a logger context with a started {@code SentryAppender} is
 * left to the appender: the agent captures none of that context's records.
 */
public final class SentryAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private static final Object INIT_LOCK = new Object();
  private static final int MAX_REPORTED_FAILURES = 8;

  /**
   * The logger context object counting the started appenders of this class in that context (an
   * {@code AtomicInteger}): the agent leaves the records of a context that has one to it, so that
   * no record is captured twice. A name outside {@code io.sentryj}, which the agent's shading would
   * rename in its own copy of the string.
   */
  static final String STARTED_IN_CONTEXT = "sentryj.logback.started-appenders";

  /** For tests: the transport of an SDK this appender initialises. */
  static volatile @Nullable Function<SentryOptions, Transport> transportFactoryForTests;

  private @Nullable String dsn;
  private String minimumEventLevel = "ERROR";
  private String minimumBreadcrumbLevel = "INFO";
  private String minimumLogLevel = "INFO";
  private final Set<String> contextTags = new LinkedHashSet<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private long flushTimeoutMillis = 2000;

  private int lowestLevel = Level.INFO_INT;
  private LogbackMapper mapper =
      new LogbackMapper(Collections.<String>emptySet(), Level.ERROR, Level.INFO, Level.INFO);
  private final AtomicInteger failures = new AtomicInteger();
  private @Nullable Sdk ownSdk;
  private ReentryGuard.@Nullable Filter filter;

  /** An appender with the default settings; Logback sets the rest from the configuration. */
  public SentryAppender() {}

  /** The DSN, used only when the appender initialises the SDK. */
  public void setDsn(@Nullable String dsn) {
    this.dsn = dsn;
  }

  /** The lowest level that becomes an event: {@code ERROR} by default. */
  public void setMinimumEventLevel(String level) {
    this.minimumEventLevel = level;
  }

  /** The lowest level that becomes a breadcrumb: {@code INFO} by default. */
  public void setMinimumBreadcrumbLevel(String level) {
    this.minimumBreadcrumbLevel = level;
  }

  /** The lowest level sent as a structured log when {@code logs.enabled}: {@code INFO}. */
  public void setMinimumLogLevel(String level) {
    this.minimumLogLevel = level;
  }

  /** An MDC key whose value becomes a tag of events (repeat the element for several). */
  public void addContextTag(String key) {
    String k = key.trim();
    if (!k.isEmpty()) {
      contextTags.add(k);
    }
  }

  /** MDC keys whose values become tags, comma-separated. */
  public void setContextTags(String keys) {
    for (String key : keys.split(",", -1)) {
      addContextTag(key);
    }
  }

  /** How long {@link #stop()} waits for queued events, 2000 ms by default. */
  public void setFlushTimeoutMillis(long millis) {
    this.flushTimeoutMillis = millis;
  }

  /**
   * Any SDK option as {@code key=value}, by the keys of {@code sentry.properties} ({@code
   * max-breadcrumbs=50}, {@code tags.team=payments}); used only when the appender initialises the
   * SDK.
   */
  public void addOption(String keyAndValue) {
    int eq = keyAndValue.indexOf('=');
    if (eq <= 0) {
      addError("option \"" + keyAndValue + "\" of appender [" + getName() + "] is not key=value");
      options.put(keyAndValue.trim(), "");
      return;
    }
    options.put(keyAndValue.substring(0, eq).trim(), keyAndValue.substring(eq + 1).trim());
  }

  /** Option {@code environment}. */
  public void setEnvironment(String environment) {
    options.put("environment", environment);
  }

  /** Option {@code release}. */
  public void setRelease(String release) {
    options.put("release", release);
  }

  /** Option {@code dist}. */
  public void setDist(String dist) {
    options.put("dist", dist);
  }

  /** Option {@code server-name}. */
  public void setServerName(String serverName) {
    options.put("server-name", serverName);
  }

  /** Option {@code debug}. */
  public void setDebug(boolean debug) {
    options.put("debug", Boolean.toString(debug));
  }

  /** Option {@code send-default-pii}. */
  public void setSendDefaultPii(boolean send) {
    options.put("send-default-pii", Boolean.toString(send));
  }

  /** Option {@code sample-rate}. */
  public void setSampleRate(String rate) {
    options.put("sample-rate", rate);
  }

  /** Option {@code attach-stacktrace}. */
  public void setAttachStacktrace(boolean attach) {
    options.put("attach-stacktrace", Boolean.toString(attach));
  }

  /** Option {@code max-breadcrumbs}. */
  public void setMaxBreadcrumbs(String max) {
    options.put("max-breadcrumbs", max);
  }

  /** Option {@code in-app-includes}, comma-separated package prefixes. */
  public void setInAppIncludes(String prefixes) {
    options.put("in-app-includes", prefixes);
  }

  /** Option {@code logs.enabled}: also send logs as Sentry structured logs. */
  public void setLogsEnabled(boolean enabled) {
    options.put("logs.enabled", Boolean.toString(enabled));
  }

  /**
   * Checks the settings and connects to the SDK, initialising it if it is not running. Problems are
   * reported to Logback's status manager; a misconfigured appender does not start. Never throws.
   */
  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    Level event = level("minimumEventLevel", minimumEventLevel);
    Level crumb = level("minimumBreadcrumbLevel", minimumBreadcrumbLevel);
    Level log = level("minimumLogLevel", minimumLogLevel);
    if (event == null || crumb == null || log == null || !optionKeysValid() || !bindSdk()) {
      return;
    }
    lowestLevel = Math.min(event.levelInt, Math.min(crumb.levelInt, log.levelInt));
    mapper = new LogbackMapper(new LinkedHashSet<>(contextTags), event, crumb, log);
    installFilter();
    super.start();
    countInContext(1);
  }

  private @Nullable Level level(String setting, String text) {
    Level level = Level.toLevel(text.trim(), null);
    if (level == null || level == Level.ALL || level == Level.OFF) {
      addError(
          setting
              + " \""
              + text
              + "\" of appender ["
              + getName()
              + "] is not one of TRACE, DEBUG, INFO, WARN, ERROR");
      return null;
    }
    return level;
  }

  private boolean optionKeysValid() {
    List<String> unknown = new ArrayList<>();
    for (String key : options.keySet()) {
      if (!TextOptions.isKnown(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      addError("unknown option(s) " + unknown + " for appender [" + getName() + "]");
    }
    return unknown.isEmpty();
  }

  /** Uses the running SDK, or initialises it from this appender's settings. */
  private boolean bindSdk() {
    synchronized (INIT_LOCK) {
      if (Sentry.isEnabled()) {
        if (dsn != null || !options.isEmpty()) {
          addWarn(
              "Sentry is already initialised: the dsn and options of appender ["
                  + getName()
                  + "] are ignored");
        }
        return true;
      }
      try {
        Sentry.init(this::configure);
      } catch (RuntimeException e) {
        addError("appender [" + getName() + "] could not initialise Sentry: " + e.getMessage(), e);
        return false;
      }
      ownSdk = Sdk.current();
      if (ownSdk == null) {
        addWarn(
            "appender [" + getName() + "] has no DSN (nor does the environment): Sentry is off");
      } else {
        addInfo("appender [" + getName() + "] initialised Sentry");
      }
      return true;
    }
  }

  private void configure(SentryOptions.Builder builder) {
    String origin = "logback appender " + getName();
    String d = dsn;
    if (d != null) {
      TextOptions.set(builder, "dsn", d, origin);
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      TextOptions.set(builder, option.getKey(), option.getValue(), origin);
    }
    Function<SentryOptions, Transport> testTransport = transportFactoryForTests;
    if (testTransport != null) {
      builder.transportFactory(testTransport);
    }
  }

  private void installFilter() {
    if (getContext() instanceof LoggerContext) {
      ReentryGuard.Filter f = new ReentryGuard.Filter();
      f.setName("sentryj-reentry-guard");
      f.setContext(getContext());
      f.start();
      ((LoggerContext) getContext()).addTurboFilter(f);
      filter = f;
    }
  }

  private void countInContext(int delta) {
    Context c = getContext();
    if (c == null) {
      return;
    }
    synchronized (INIT_LOCK) {
      Object count = c.getObject(STARTED_IN_CONTEXT);
      if (count instanceof AtomicInteger) {
        ((AtomicInteger) count).addAndGet(delta);
      } else if (delta > 0) {
        c.putObject(STARTED_IN_CONTEXT, new AtomicInteger(delta));
      }
    }
  }

  /** Sends the event on; never throws. */
  @Override
  protected void append(ILoggingEvent event) {
    int level = event.getLevel().levelInt;
    if (level < lowestLevel) {
      return; // below every threshold: the common case, kept to one comparison
    }
    if (ReentryGuard.isInside() || LogCapture.isSdkRecord(event.getLoggerName())) {
      return;
    }
    Sdk sdk = Sdk.current();
    if (sdk == null) {
      return;
    }
    ReentryGuard.enter();
    try {
      mapper.record(sdk, event);
    } catch (Throwable t) {
      reportFailure(t);
    } finally {
      ReentryGuard.exit();
    }
  }

  private void reportFailure(Throwable t) {
    // to the status manager, never through logging; a few times only, not once per log line
    if (failures.incrementAndGet() <= MAX_REPORTED_FAILURES) {
      addError("appender [" + getName() + "] failed to send a log event to Sentry", t);
    }
  }

  /**
   * Stops taking events and waits at most {@code flushTimeoutMillis} for the queued ones; closes
   * the SDK too if this appender initialised it.
   */
  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    countInContext(-1);
    ReentryGuard.Filter f = filter;
    if (f != null && getContext() instanceof LoggerContext) {
      ((LoggerContext) getContext()).getTurboFilterList().remove(f);
      f.stop();
      filter = null;
    }
    try {
      flushAndClose();
    } catch (RuntimeException e) {
      addError("appender [" + getName() + "] failed to flush Sentry", e);
    }
  }

  private void flushAndClose() {
    Sdk sdk = Sdk.current();
    if (sdk != null) {
      sdk.flush(flushTimeoutMillis); // queued logs and sessions too
    }
    Sdk own = ownSdk;
    ownSdk = null;
    if (own != null && own == sdk) {
      Sentry.close();
    }
  }

  @Override
  public String toString() {
    return "SentryAppender{name="
        + getName()
        + ", minimumEventLevel="
        + minimumEventLevel
        + ", minimumBreadcrumbLevel="
        + minimumBreadcrumbLevel
        + ", minimumLogLevel="
        + minimumLogLevel
        + ", contextTags="
        + contextTags
        + ", started="
        + isStarted()
        + '}';
  }
}
