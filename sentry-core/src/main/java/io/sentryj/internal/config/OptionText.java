package io.sentryj.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One option given as text, with where it came from, so that a value that does not parse is
 * reported naming its key, the value and its origin. The value is trimmed.
 */
public final class OptionText {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final String key;
  private final String value;
  private final String origin;

  /** Text for an option; the value is trimmed. */
  public OptionText(String key, String value, String origin) {
    this.key = key;
    this.value = value.trim();
    this.origin = origin;
  }

  /** The option's key, such as {@code sample-rate} or {@code tags.team}. */
  public String key() {
    return key;
  }

  /** Where the text came from, such as {@code "environment variable SENTRY_DSN"}. */
  public String origin() {
    return origin;
  }

  /** The trimmed text. */
  public String string() {
    return value;
  }

  /** The trimmed text, or null when it is empty: {@code release=} in a file sets no release. */
  public @Nullable String stringOrNull() {
    return value.isEmpty() ? null : value;
  }

  /** {@code true} or {@code false}, in any case; anything else is an error. */
  public boolean asBoolean() {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid("must be true or false");
  }

  /** A finite decimal number such as {@code 0.25}, {@code 1} or {@code 5e-1}. */
  public double asDouble(String problem) {
    // Double.parseDouble alone would also take "0.5f", "0x1p-1" and "Infinity"
    if (!DECIMAL.matcher(value).matches()) {
      throw invalid(problem);
    }
    try {
      double d = Double.parseDouble(value);
      if (!Double.isNaN(d) && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below, in the same words as a value out of range
    }
    throw invalid(problem);
  }

  /** A whole number that fits an {@code int}. */
  public int asInt(String problem) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(problem);
    }
  }

  /** A whole number that fits a {@code long}. */
  public long asLong(String problem) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(problem);
    }
  }

  /** Comma-separated items, each trimmed, empty ones left out. */
  public List<String> asList() {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    return items;
  }

  /** The error for this text, naming key, value and origin. */
  public IllegalArgumentException invalid(String problem) {
    return OptionRules.invalid(key, shown(), origin, problem);
  }

  private String shown() {
    // the DSN may carry a secret key, and a proxy password is nobody's business
    if (key.equals("dsn")) {
      return Dsn.mask(value);
    }
    return key.toLowerCase(Locale.ROOT).endsWith(".pass") ? Dsn.MASK : value;
  }

  @Override
  public String toString() {
    return key + " = \"" + shown() + "\" (from " + origin + ")";
  }
}
