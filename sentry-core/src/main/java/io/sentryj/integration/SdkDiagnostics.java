package io.sentryj.integration;

import io.sentryj.internal.diag.Diagnostics;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's own diagnostics, for integrations to report their problems the way the core does: to
 * SLF4J's logger {@value #LOGGER_NAME} when present, else to standard error; debug lines only with
 * the option {@code debug}. Lines printed here are never captured ({@link LogCapture#isSdkRecord}).
 */
public final class SdkDiagnostics {
  /** The logger every diagnostic line goes to. */
  public static final String LOGGER_NAME = Diagnostics.LOGGER_NAME;

  private SdkDiagnostics() {}

  /** Whether debug lines are printed. */
  public static boolean isDebug() {
    return Diagnostics.isDebug();
  }

  /** A debug line, printed only with {@code debug}; formatted with {@link String#format}. */
  public static void debug(String format, @Nullable Object... args) {
    Diagnostics.debug(format, args);
  }

  /** A warning, always printed; formatted with {@link String#format}. */
  public static void warn(String format, @Nullable Object... args) {
    Diagnostics.warn(format, args);
  }

  /** An error, always printed, with the cause's stack trace when given. */
  public static void error(String message, @Nullable Throwable cause) {
    Diagnostics.error(message, cause);
  }

  /** The class and message of a throwable, safe against a throwing {@code getMessage()}. */
  public static String describe(Throwable t) {
    return Diagnostics.describe(t);
  }
}
