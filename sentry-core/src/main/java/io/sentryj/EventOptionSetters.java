package io.sentryj;

import static io.sentryj.internal.config.EventOptions.ATTACH_SERVER_NAME;
import static io.sentryj.internal.config.EventOptions.ATTACH_STACKTRACE;
import static io.sentryj.internal.config.EventOptions.ATTACH_THREADS;
import static io.sentryj.internal.config.EventOptions.DIST;
import static io.sentryj.internal.config.EventOptions.ENABLE_DEDUPLICATION;
import static io.sentryj.internal.config.EventOptions.ENVIRONMENT;
import static io.sentryj.internal.config.EventOptions.IGNORED_ERRORS;
import static io.sentryj.internal.config.EventOptions.IGNORED_EXCEPTIONS_FOR_TYPE;
import static io.sentryj.internal.config.EventOptions.IN_APP_EXCLUDES;
import static io.sentryj.internal.config.EventOptions.IN_APP_INCLUDES;
import static io.sentryj.internal.config.EventOptions.MAX_ATTACHMENT_SIZE;
import static io.sentryj.internal.config.EventOptions.MAX_BREADCRUMBS;
import static io.sentryj.internal.config.EventOptions.RELEASE;
import static io.sentryj.internal.config.EventOptions.SAMPLE_RATE;
import static io.sentryj.internal.config.EventOptions.SERVER_NAME;
import static io.sentryj.internal.config.EventOptions.TRACE_PROPAGATION_TARGETS;

import io.sentryj.internal.config.IntegrationOptions;
import io.sentryj.internal.config.OptionKey;
import io.sentryj.internal.config.OptionValues;
import io.sentryj.internal.config.PrivacyOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The setters {@link SentryOptions.Builder} offers for what events carry, privacy and integrations.
 * A part of the builder kept in its own file; not a type of its own. Each setter records {@code
 * "code"} as its value's origin; values are checked in {@code build()}.
 */
abstract class EventOptionSetters {
  final OptionValues values;

  EventOptionSetters(OptionValues values) {
    this.values = values;
  }

  /** The builder itself, for chaining. */
  abstract SentryOptions.Builder self();

  <T> SentryOptions.Builder set(OptionKey<T> key, @Nullable T value) {
    values.set(key, value);
    return self();
  }

  /** Sets the environment, {@code production} by default; must not be empty. */
  public SentryOptions.Builder environment(String environment) {
    return set(ENVIRONMENT, environment);
  }

  /** Sets the release; see {@link SentryOptions#release()} for what Sentry accepts. */
  public SentryOptions.Builder release(@Nullable String release) {
    return set(RELEASE, release);
  }

  /** Sets the distribution of the release. */
  public SentryOptions.Builder dist(@Nullable String dist) {
    return set(DIST, dist);
  }

  /** Sets the server name; null lets the SDK use the host name. */
  public SentryOptions.Builder serverName(@Nullable String serverName) {
    return set(SERVER_NAME, serverName);
  }

  /** Sets the share of error events sent, from 0 to 1. */
  public SentryOptions.Builder sampleRate(double sampleRate) {
    return set(SAMPLE_RATE, sampleRate);
  }

  /** Turns the SDK's own debug lines on or off. */
  public SentryOptions.Builder debug(boolean debug) {
    return set(IntegrationOptions.DEBUG, debug);
  }

  /** Allows personal data to be sent. */
  public SentryOptions.Builder sendDefaultPii(boolean sendDefaultPii) {
    return set(PrivacyOptions.SEND_DEFAULT_PII, sendDefaultPii);
  }

  /**
   * Adds a key name whose values are never sent (a {@code scrub-fields} entry), matched as a part
   * of keys like the built-in ones: {@code addScrubField("pin")} filters {@code pin} and {@code
   * card_pin}.
   */
  public SentryOptions.Builder addScrubField(String name) {
    values.add(PrivacyOptions.SCRUB_FIELDS, name);
    return self();
  }

  /**
   * Adds a key name whose values are sent as they are (a {@code safe-fields} entry), matched as the
   * whole key ignoring case and separators: {@code addSafeField("session_count")}.
   */
  public SentryOptions.Builder addSafeField(String name) {
    values.add(PrivacyOptions.SAFE_FIELDS, name);
    return self();
  }

  /** Marks frames of classes under this package prefix as the application's. */
  public SentryOptions.Builder addInAppInclude(String packagePrefix) {
    values.add(IN_APP_INCLUDES, packagePrefix);
    return self();
  }

  /** Marks frames of classes under this package prefix as not the application's. */
  public SentryOptions.Builder addInAppExclude(String packagePrefix) {
    values.add(IN_APP_EXCLUDES, packagePrefix);
    return self();
  }

  /** Adds a tag to every event. */
  public SentryOptions.Builder tag(String key, String value) {
    values.tag(key, value);
    return self();
  }

  /**
   * Sets how many breadcrumbs a scope keeps, 0 or more; more than {@link
   * SentryOptions#MAX_BREADCRUMBS_LIMIT} are lowered to it.
   */
  public SentryOptions.Builder maxBreadcrumbs(int maxBreadcrumbs) {
    return set(MAX_BREADCRUMBS, maxBreadcrumbs);
  }

  /** Ignores exceptions of this class and its subclasses anywhere in the cause chain. */
  public SentryOptions.Builder addIgnoredExceptionForType(Class<? extends Throwable> type) {
    values.add(IGNORED_EXCEPTIONS_FOR_TYPE, type.getName());
    return self();
  }

  /** Ignores events whose message equals this text or matches it as a regular expression. */
  public SentryOptions.Builder addIgnoredError(String messageOrRegex) {
    values.add(IGNORED_ERRORS, messageOrRegex);
    return self();
  }

  /**
   * Sets the URLs of outgoing requests that get trace headers: substrings or regular expressions;
   * an empty list sends them nowhere.
   */
  public SentryOptions.Builder tracePropagationTargets(List<String> targets) {
    return set(TRACE_PROPAGATION_TARGETS, Collections.unmodifiableList(new ArrayList<>(targets)));
  }

  /** Makes message events carry the caller's stack. */
  public SentryOptions.Builder attachStacktrace(boolean attachStacktrace) {
    return set(ATTACH_STACKTRACE, attachStacktrace);
  }

  /** Makes events carry the stacks of all threads. */
  public SentryOptions.Builder attachThreads(boolean attachThreads) {
    return set(ATTACH_THREADS, attachThreads);
  }

  /** Makes events carry the host name when no server name is set. */
  public SentryOptions.Builder attachServerName(boolean attachServerName) {
    return set(ATTACH_SERVER_NAME, attachServerName);
  }

  /** Sets the largest attachment sent, 1 byte or more. */
  public SentryOptions.Builder maxAttachmentSize(long bytes) {
    return set(MAX_ATTACHMENT_SIZE, bytes);
  }

  /** Turns reporting of exceptions no thread caught on or off. */
  public SentryOptions.Builder enableUncaughtExceptionHandler(boolean enable) {
    return set(IntegrationOptions.UNCAUGHT_EXCEPTION_HANDLER, enable);
  }

  /** Turns the shutdown hook that flushes and closes the SDK on or off. */
  public SentryOptions.Builder enableShutdownHook(boolean enable) {
    return set(IntegrationOptions.SHUTDOWN_HOOK, enable);
  }

  /** Drops a second event made from the same throwable instance; on by default. */
  public SentryOptions.Builder enableDeduplication(boolean enable) {
    return set(ENABLE_DEDUPLICATION, enable);
  }

  /** Sends logs from logging integrations to Sentry as structured logs; off by default. */
  public SentryOptions.Builder logsEnabled(boolean enabled) {
    return set(IntegrationOptions.LOGS_ENABLED, enabled);
  }
}
