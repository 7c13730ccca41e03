package io.sentryj;

import io.sentryj.SentryOptions.RequestBodySize;
import io.sentryj.internal.config.EventOptions;
import io.sentryj.internal.config.IntegrationOptions;
import io.sentryj.internal.config.OptionValues;
import io.sentryj.internal.config.PrivacyOptions;
import io.sentryj.internal.config.WebOptions;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The getters {@link SentryOptions} offers for what events carry, privacy, integrations and web
 * requests, each reading its option group. A part of {@link SentryOptions} kept in its own file;
 * not a type of its own.
 */
abstract class EventOptionsView {
  final OptionValues values;
  final EventOptions events;
  final PrivacyOptions privacy;
  final IntegrationOptions integrations;
  final WebOptions web;

  /** Reads and validates the groups from {@code values}, which nobody changes afterwards. */
  EventOptionsView(OptionValues values) {
    this.values = values;
    this.events = new EventOptions(values);
    this.privacy = new PrivacyOptions(values);
    this.integrations = new IntegrationOptions(values);
    this.web = new WebOptions(values);
  }

  /** The environment, {@code production} by default. */
  public String environment() {
    return events.environment();
  }

  /** The release, valid per protocol §3, or null. */
  public @Nullable String release() {
    return events.release();
  }

  /** The distribution (build) of the release, or null. */
  public @Nullable String dist() {
    return events.dist();
  }

  /** The server name; when null and {@link #attachServerName()}, the host name is used. */
  public @Nullable String serverName() {
    return events.serverName();
  }

  /** The share of error events sent, from 0 to 1; 1 by default. */
  public double sampleRate() {
    return events.sampleRate();
  }

  /** Whether the SDK prints its own diagnostics. */
  public boolean debug() {
    return integrations.debug();
  }

  /** Whether personal data (cookies, IP addresses, user names, bodies) may be sent. */
  public boolean sendDefaultPii() {
    return privacy.sendDefaultPii();
  }

  /**
   * More key names whose values are never sent, beside the built-in ones (password, secret, token,
   * ...): matched like them, as parts of a key, ignoring case, {@code -}, {@code _} and {@code .}.
   */
  public List<String> scrubFields() {
    return privacy.scrubFields();
  }

  /** Key names whose values are sent as they are, even when they look sensitive. */
  public List<String> safeFields() {
    return privacy.safeFields();
  }

  /** Package prefixes whose frames are the application's. */
  public List<String> inAppIncludes() {
    return events.inAppIncludes();
  }

  /** Package prefixes whose frames are not the application's. */
  public List<String> inAppExcludes() {
    return events.inAppExcludes();
  }

  /** Tags added to every event. */
  public Map<String, String> tags() {
    return events.tags();
  }

  /**
   * The size of each scope's breadcrumb ring, 100 by default, at most {@link
   * SentryOptions#MAX_BREADCRUMBS_LIMIT}; 0 keeps none.
   */
  public int maxBreadcrumbs() {
    return events.maxBreadcrumbs();
  }

  /**
   * Class names of exceptions never sent: an event is dropped when any exception in its cause chain
   * is of one of these classes or a subclass.
   */
  public List<String> ignoredExceptionsForType() {
    return events.ignoredExceptionsForType();
  }

  /** Messages of events never sent: each an exact string or a regular expression. */
  public List<String> ignoredErrors() {
    return events.ignoredErrors();
  }

  /**
   * URLs of outgoing requests that get {@code sentry-trace} and {@code baggage} headers: each a
   * substring or a regular expression; every URL by default ({@code .*}), none when empty.
   */
  public List<String> tracePropagationTargets() {
    return events.tracePropagationTargets();
  }

  /** Whether message events carry the caller's stack. */
  public boolean attachStacktrace() {
    return events.attachStacktrace();
  }

  /** Whether events carry the stacks of all threads. */
  public boolean attachThreads() {
    return events.attachThreads();
  }

  /** Whether events carry the host name when no server name is set; true by default. */
  public boolean attachServerName() {
    return events.attachServerName();
  }

  /** The largest attachment sent, 20 MiB by default. */
  public long maxAttachmentSize() {
    return events.maxAttachmentSize();
  }

  /** Whether the SDK reports exceptions no thread caught; true by default. */
  public boolean enableUncaughtExceptionHandler() {
    return integrations.uncaughtExceptionHandler();
  }

  /** Whether a shutdown hook flushes and closes the SDK; true by default. */
  public boolean enableShutdownHook() {
    return integrations.shutdownHook();
  }

  /**
   * How much of a request's body web integrations attach to its events, only with {@link
   * #sendDefaultPii()}: {@link RequestBodySize#NONE} by default.
   */
  public RequestBodySize maxRequestBodySize() {
    return web.maxRequestBodySize();
  }

  /**
   * Whether web integrations report responses with status 500 or more that no exception explains;
   * false by default.
   */
  public boolean captureServerErrors() {
    return web.captureServerErrors();
  }

  /**
   * Whether web integrations track one session per request, sent as per-minute aggregates (needs a
   * {@link #release()}); true by default.
   */
  public boolean enableAutoSessionTracking() {
    return web.enableAutoSessionTracking();
  }

  /** Whether a second event made from the same throwable instance is dropped; true by default. */
  public boolean enableDeduplication() {
    return events.enableDeduplication();
  }

  /** Whether logs go to Sentry as structured logs ({@code log} items); false by default. */
  public boolean logsEnabled() {
    return integrations.logsEnabled();
  }
}
