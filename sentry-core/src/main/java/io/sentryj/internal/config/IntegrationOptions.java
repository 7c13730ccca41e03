package io.sentryj.internal.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the SDK hooks into on its own: the uncaught-exception handler, the shutdown hook, structured
 * logs from logging integrations (protocol section 9), and its own debug lines.
 */
public final class IntegrationOptions {
  public static final OptionKey<Boolean> DEBUG = OptionKey.bool("debug", false);
  public static final OptionKey<Boolean> UNCAUGHT_EXCEPTION_HANDLER =
      OptionKey.bool("enable-uncaught-exception-handler", true);
  public static final OptionKey<Boolean> SHUTDOWN_HOOK =
      OptionKey.bool("enable-shutdown-hook", true);
  public static final OptionKey<Boolean> LOGS_ENABLED = OptionKey.bool("logs.enabled", false);

  static final List<OptionKey<?>> KEYS =
      Collections.unmodifiableList(
          Arrays.asList(DEBUG, UNCAUGHT_EXCEPTION_HANDLER, SHUTDOWN_HOOK, LOGS_ENABLED));

  private final OptionValues values;

  /** The integration options among {@code values}, which nobody changes afterwards. */
  public IntegrationOptions(OptionValues values) {
    this.values = values;
    values.check(KEYS);
  }

  public boolean debug() {
    return values.get(DEBUG);
  }

  public boolean uncaughtExceptionHandler() {
    return values.get(UNCAUGHT_EXCEPTION_HANDLER);
  }

  public boolean shutdownHook() {
    return values.get(SHUTDOWN_HOOK);
  }

  public boolean logsEnabled() {
    return values.get(LOGS_ENABLED);
  }

  @Override
  public String toString() {
    return values.describe(KEYS);
  }
}
