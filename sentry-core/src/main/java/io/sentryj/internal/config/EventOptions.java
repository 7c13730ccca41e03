package io.sentryj.internal.config;

import io.sentryj.internal.diag.Diagnostics;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every event carries and which events are sent: environment, release, tags, breadcrumbs,
 * stacks, sampling, ignore rules and trace propagation.
 */
public final class EventOptions {
  /** The default environment. */
  public static final String DEFAULT_ENVIRONMENT = "production";

  /**
   * The largest breadcrumb ring a scope keeps; a larger {@code max-breadcrumbs} is lowered to it,
   * since every scope holds that many and events carry them all.
   */
  public static final int MAX_BREADCRUMBS_LIMIT = 1000;

  private static final String SAMPLE_RATE_RULE = "must be a number from 0 to 1";

  public static final OptionKey<String> ENVIRONMENT =
      OptionKey.of(
          "environment",
          DEFAULT_ENVIRONMENT,
          OptionText::string,
          e -> e.trim().isEmpty() ? "must not be empty" : null);
  public static final OptionKey<String> RELEASE =
      OptionKey.of("release", null, OptionText::stringOrNull, OptionRules::releaseProblem);
  public static final OptionKey<String> DIST = OptionKey.text("dist", null);
  public static final OptionKey<String> SERVER_NAME = OptionKey.text("server-name", null);
  public static final OptionKey<Double> SAMPLE_RATE =
      OptionKey.of(
          "sample-rate",
          1.0,
          t -> t.asDouble(SAMPLE_RATE_RULE),
          r -> r >= 0 && r <= 1 ? null : SAMPLE_RATE_RULE);
  public static final OptionKey<List<String>> IN_APP_INCLUDES = OptionKey.list("in-app-includes");
  public static final OptionKey<List<String>> IN_APP_EXCLUDES = OptionKey.list("in-app-excludes");
  public static final OptionKey<Integer> MAX_BREADCRUMBS =
      OptionKey.of(
          "max-breadcrumbs",
          100,
          t -> t.asInt(OptionKey.NOT_NEGATIVE),
          n -> n >= 0 ? null : OptionKey.NOT_NEGATIVE);
  public static final OptionKey<List<String>> IGNORED_EXCEPTIONS_FOR_TYPE =
      OptionKey.list("ignored-exceptions-for-type");
  public static final OptionKey<List<String>> IGNORED_ERRORS = OptionKey.list("ignored-errors");
  public static final OptionKey<List<String>> TRACE_PROPAGATION_TARGETS =
      OptionKey.of(
          "trace-propagation-targets",
          Collections.singletonList(".*"),
          t -> Collections.unmodifiableList(t.asList()),
          OptionKey.Rule.<List<String>>none());
  public static final OptionKey<Boolean> ATTACH_STACKTRACE =
      OptionKey.bool("attach-stacktrace", false);
  public static final OptionKey<Boolean> ATTACH_THREADS = OptionKey.bool("attach-threads", false);
  public static final OptionKey<Boolean> ATTACH_SERVER_NAME =
      OptionKey.bool("attach-server-name", true);
  public static final OptionKey<Long> MAX_ATTACHMENT_SIZE =
      OptionKey.positiveLong("max-attachment-size", 20L * 1024 * 1024);
  public static final OptionKey<Boolean> ENABLE_DEDUPLICATION =
      OptionKey.bool("enable-deduplication", true);

  static final List<OptionKey<?>> KEYS =
      Collections.unmodifiableList(
          Arrays.asList(
              ENVIRONMENT,
              RELEASE,
              DIST,
              SERVER_NAME,
              SAMPLE_RATE,
              IN_APP_INCLUDES,
              IN_APP_EXCLUDES,
              MAX_BREADCRUMBS,
              IGNORED_EXCEPTIONS_FOR_TYPE,
              IGNORED_ERRORS,
              TRACE_PROPAGATION_TARGETS,
              ATTACH_STACKTRACE,
              ATTACH_THREADS,
              ATTACH_SERVER_NAME,
              MAX_ATTACHMENT_SIZE,
              ENABLE_DEDUPLICATION));

  private final OptionValues values;
  private final Map<String, String> tags;
  private final int maxBreadcrumbs;

  /**
   * The event options among {@code values}, which nobody changes afterwards.
   *
   * @throws IllegalArgumentException naming the first option that breaks its rule
   */
  public EventOptions(OptionValues values) {
    this.values = values;
    values.check(KEYS);
    this.tags = values.tags();
    int asked = values.get(MAX_BREADCRUMBS);
    if (asked > MAX_BREADCRUMBS_LIMIT) {
      Diagnostics.debug("max-breadcrumbs %d lowered to %d", asked, MAX_BREADCRUMBS_LIMIT);
    }
    this.maxBreadcrumbs = Math.min(asked, MAX_BREADCRUMBS_LIMIT);
  }

  public String environment() {
    return values.get(ENVIRONMENT);
  }

  public @Nullable String release() {
    return values.find(RELEASE);
  }

  public @Nullable String dist() {
    return values.find(DIST);
  }

  public @Nullable String serverName() {
    return values.find(SERVER_NAME);
  }

  public double sampleRate() {
    return values.get(SAMPLE_RATE);
  }

  public List<String> inAppIncludes() {
    return values.get(IN_APP_INCLUDES);
  }

  public List<String> inAppExcludes() {
    return values.get(IN_APP_EXCLUDES);
  }

  public Map<String, String> tags() {
    return tags;
  }

  public int maxBreadcrumbs() {
    return maxBreadcrumbs;
  }

  public List<String> ignoredExceptionsForType() {
    return values.get(IGNORED_EXCEPTIONS_FOR_TYPE);
  }

  public List<String> ignoredErrors() {
    return values.get(IGNORED_ERRORS);
  }

  public List<String> tracePropagationTargets() {
    return values.get(TRACE_PROPAGATION_TARGETS);
  }

  public boolean attachStacktrace() {
    return values.get(ATTACH_STACKTRACE);
  }

  public boolean attachThreads() {
    return values.get(ATTACH_THREADS);
  }

  public boolean attachServerName() {
    return values.get(ATTACH_SERVER_NAME);
  }

  public long maxAttachmentSize() {
    return values.get(MAX_ATTACHMENT_SIZE);
  }

  public boolean enableDeduplication() {
    return values.get(ENABLE_DEDUPLICATION);
  }

  @Override
  public String toString() {
    return values.describe(KEYS) + ", tags=" + tags;
  }
}
