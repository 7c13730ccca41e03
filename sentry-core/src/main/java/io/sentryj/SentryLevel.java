package io.sentryj;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The severity of an event or breadcrumb, in the protocol's words (protocol section 3: {@code
 * warning}, never {@code warn}).
 */
public enum SentryLevel {
  DEBUG("debug"),
  INFO("info"),
  WARNING("warning"),
  ERROR("error"),
  FATAL("fatal");

  private final String protocolName;

  SentryLevel(String protocolName) {
    this.protocolName = protocolName;
  }

  /** The name this level has on the wire, for example {@code "warning"}. */
  public String protocolName() {
    return protocolName;
  }

  /**
   * Parses a level by its protocol name or enum name, case-insensitively; {@code "warn"} is read as
   * {@link #WARNING}. Returns null for anything else.
   */
  public static @Nullable SentryLevel parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("warn")) {
      return WARNING;
    }
    for (SentryLevel level : values()) {
      if (level.protocolName.equals(v)) {
        return level;
      }
    }
    return null;
  }
}
