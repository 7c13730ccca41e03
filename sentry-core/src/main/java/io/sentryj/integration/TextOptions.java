package io.sentryj.integration;

import io.sentryj.SentryOptions;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.OptionText;
import java.util.Set;

/**
 * Options by the keys of {@code sentry.properties} ({@code max-breadcrumbs}, {@code tags.team}),
 * for integrations configured from text: an appender's XML, a handler's {@code logging.properties},
 * an agent's arguments. An option set here says where it came from in every error about it.
 *
 * <pre>{@code
 * Sentry.init(builder -> TextOptions.set(builder, "max-breadcrumbs", "50", "log4j2 appender SENTRY"));
 * }</pre>
 */
public final class TextOptions {
  private static final String TAGS_PREFIX = "tags.";

  private TextOptions() {}

  /** Every option key, without the {@code tags.<name>} family. */
  public static Set<String> keys() {
    return BuilderAccess.get().keys();
  }

  /** Whether the key names an option: one of {@link #keys()} or {@code tags.<name>}. */
  public static boolean isKnown(String key) {
    return keys().contains(key) || (key.startsWith(TAGS_PREFIX) && key.length() > 5);
  }

  /**
   * Sets an option from its text.
   *
   * @param origin where the text came from, such as {@code logback appender SENTRY}
   * @throws IllegalArgumentException naming the key, the value and the origin, when the key is
   *     unknown or the value invalid
   */
  public static void set(SentryOptions.Builder builder, String key, String value, String origin) {
    BuilderAccess.get().option(builder, new OptionText(key, value, origin));
  }

  /**
   * The options {@code Sentry.init} would run with: these, merged over the external configuration
   * (system properties {@code sentry.*}, environment {@code SENTRY_*}, {@code sentry.properties}),
   * validated.
   *
   * @throws IllegalArgumentException naming the bad option and where it came from
   */
  public static SentryOptions resolve(SentryOptions.Builder fromCode) {
    return SentryRuntime.resolveOptions(fromCode);
  }
}
