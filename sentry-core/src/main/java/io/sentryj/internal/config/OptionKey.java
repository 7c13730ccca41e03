package io.sentryj.internal.config;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One option, defined once: its key, its default, how it is read from text and the rule its value
 * keeps. The option groups ({@link EventOptions}, {@link DeliveryOptions}, ...) declare their keys
 * as constants; {@link OptionValues} holds what was set.
 *
 * @param <T> the option's type
 */
public final class OptionKey<T> {
  /** Messages shared by text parsing and validation, so that both say the same thing. */
  static final String NOT_NEGATIVE = "must be a whole number, 0 or more";

  static final String POSITIVE = "must be a whole number, 1 or more";

  private final String name;
  private final @Nullable T defaultValue;
  private final @Nullable Function<OptionText, T> parser;
  private final Rule<T> rule;
  private final Function<String, String> shown;

  private OptionKey(
      String name,
      @Nullable T defaultValue,
      @Nullable Function<OptionText, T> parser,
      Rule<T> rule,
      Function<String, String> shown) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.parser = parser;
    this.rule = rule;
    this.shown = shown;
  }

  /** An option read from text by {@code parser} and checked by {@code rule}. */
  static <T> OptionKey<T> of(
      String name, @Nullable T defaultValue, Function<OptionText, T> parser, Rule<T> rule) {
    return new OptionKey<>(name, defaultValue, parser, rule, Function.identity());
  }

  /** A {@code true}/{@code false} option. */
  static OptionKey<Boolean> bool(String name, boolean defaultValue) {
    return of(name, defaultValue, OptionText::asBoolean, Rule.none());
  }

  /** A text option, null when empty. */
  static OptionKey<String> text(String name, @Nullable String defaultValue) {
    return of(name, defaultValue, OptionText::stringOrNull, Rule.none());
  }

  /** A whole number of 1 or more. */
  static OptionKey<Integer> positiveInt(String name, int defaultValue) {
    return of(name, defaultValue, t -> t.asInt(POSITIVE), v -> v > 0 ? null : POSITIVE);
  }

  /** A whole number of 1 or more. */
  static OptionKey<Long> positiveLong(String name, long defaultValue) {
    return of(name, defaultValue, t -> t.asLong(POSITIVE), v -> v > 0 ? null : POSITIVE);
  }

  /** A whole number of 0 or more. */
  static OptionKey<Long> notNegativeLong(String name, long defaultValue) {
    return of(name, defaultValue, t -> t.asLong(NOT_NEGATIVE), v -> v >= 0 ? null : NOT_NEGATIVE);
  }

  /** A comma-separated list, empty by default. */
  static OptionKey<List<String>> list(String name) {
    return of(
        name,
        Collections.<String>emptyList(),
        t -> Collections.unmodifiableList(t.asList()),
        Rule.none());
  }

  /** An option only code can set (an object, not text). */
  static <T> OptionKey<T> codeOnly(String name, Rule<T> rule) {
    return new OptionKey<>(name, null, null, rule, Function.identity());
  }

  /** This option, with its value shown through {@code mask} in errors and debug lines. */
  OptionKey<T> masked(Function<String, String> mask) {
    return new OptionKey<>(name, defaultValue, parser, rule, mask);
  }

  /** The key, such as {@code sample-rate}. */
  public String name() {
    return name;
  }

  /** The value while nobody set it, or null. */
  public @Nullable T defaultValue() {
    return defaultValue;
  }

  /** The default of an option that has one. */
  public T requireDefault() {
    T value = defaultValue;
    if (value == null) {
      throw new IllegalStateException(name + " has no default");
    }
    return value;
  }

  /** Whether the option can be set from text ({@code sentry.properties}, the environment...). */
  boolean readsText() {
    return parser != null;
  }

  T parse(OptionText text) {
    Function<OptionText, T> p = parser;
    if (p == null) {
      throw new IllegalStateException(name + " is set in code only");
    }
    return p.apply(text);
  }

  /** What is wrong with a value, or null; null values (unset) break no rule. */
  @Nullable String problem(@Nullable T value) {
    return value != null ? rule.problem(value) : null;
  }

  /** A value as errors and debug lines may show it: secrets masked. */
  String show(String value) {
    return shown.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * A rule a value keeps.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  interface Rule<T> {
    /** What is wrong with the value, or null when it keeps the rule. */
    @Nullable String problem(T value);

    static <T> Rule<T> none() {
      return v -> null;
    }
  }
}
