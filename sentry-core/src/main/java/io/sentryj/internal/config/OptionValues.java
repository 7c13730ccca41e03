package io.sentryj.internal.config;

import io.sentryj.internal.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The options set so far, each with where it came from and, when it came as text, the text, so that
 * an error quotes what the user wrote ({@code "2"}, not {@code 2.0}). The option builder fills one;
 * the built options keep a copy nobody changes, which the option groups read.
 */
public final class OptionValues {
  /** The origin of a value set in code. */
  public static final String CODE = "code";

  /** The key family of tags: {@code tags.<name>}. */
  public static final String TAGS_PREFIX = "tags.";

  private static final String DEFAULT = "default";

  private final Map<OptionKey<?>, @Nullable Object> values;
  private final Map<String, String> tags;
  private final Map<String, String> origins;
  private final Map<String, String> texts;

  /** No option set: every one at its default. */
  public OptionValues() {
    this(new HashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  private OptionValues(
      Map<OptionKey<?>, @Nullable Object> values,
      Map<String, String> tags,
      Map<String, String> origins,
      Map<String, String> texts) {
    this.values = values;
    this.tags = tags;
    this.origins = origins;
    this.texts = texts;
  }

  /** A copy that changes apart from this one. */
  public OptionValues copy() {
    return new OptionValues(
        new HashMap<>(values),
        new LinkedHashMap<>(tags),
        new LinkedHashMap<>(origins),
        new LinkedHashMap<>(texts));
  }

  /** Sets an option in code. */
  public <T> void set(OptionKey<T> key, @Nullable T value) {
    values.put(key, value);
    origins.put(key.name(), CODE);
    texts.remove(key.name());
  }

  /** Adds an item to a list option, in code. */
  public void add(OptionKey<List<String>> key, String item) {
    List<String> items = new ArrayList<>(get(key));
    items.add(item);
    set(key, Collections.unmodifiableList(items));
  }

  /** Sets a tag every event carries, in code. */
  public void tag(String name, String value) {
    tags.put(name, value);
    origins.put(TAGS_PREFIX + name, CODE);
  }

  /**
   * Sets an option from text, recording its origin. Unknown keys are ignored (a debug line says
   * so), so that a file written for a newer SDK still works.
   *
   * @throws IllegalArgumentException when the text is not of the key's type, naming key and value
   */
  public void set(OptionText text) {
    String name = text.key();
    if (name.startsWith(TAGS_PREFIX) && name.length() > TAGS_PREFIX.length()) {
      tags.put(name.substring(TAGS_PREFIX.length()), text.string());
    } else {
      OptionKey<?> key = OptionCatalog.byName(name);
      if (key == null) {
        Diagnostics.debug("Ignoring unknown option %s (from %s)", name, text.origin());
        return;
      }
      setParsed(key, text);
    }
    origins.put(name, text.origin());
    texts.put(name, text.string());
  }

  private <T> void setParsed(OptionKey<T> key, OptionText text) {
    values.put(key, key.parse(text));
  }

  /** Where the key's value came from, or null while it is at its default. */
  public @Nullable String originOf(String key) {
    return origins.get(key);
  }

  /** Where the key's value came from, {@code "default"} while nobody set it. */
  public String originOrDefault(String key) {
    String origin = origins.get(key);
    return origin != null ? origin : DEFAULT;
  }

  /** Whether the key was set, even to null. */
  boolean isSet(OptionKey<?> key) {
    return values.containsKey(key);
  }

  /** The option's value, or its default; null only for an option without one. */
  @SuppressWarnings("unchecked") // set(...) only ever puts a key's own type
  public <T> @Nullable T find(OptionKey<T> key) {
    Object value = values.get(key);
    return value != null || values.containsKey(key) ? (T) value : key.defaultValue();
  }

  /** The value of an option that is never null. */
  public <T> T get(OptionKey<T> key) {
    T value = find(key);
    if (value == null) {
      throw new IllegalStateException(key.name() + " is not set");
    }
    return value;
  }

  /** The tags, by name, in the order they were set. */
  public Map<String, String> tags() {
    return tags.isEmpty()
        ? Collections.<String, String>emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** Every origin recorded, by key. */
  Map<String, String> origins() {
    return Collections.unmodifiableMap(origins);
  }

  /**
   * Checks each key's value against its rule.
   *
   * @throws IllegalArgumentException naming the first key that breaks its rule
   */
  void check(List<OptionKey<?>> keys) {
    for (OptionKey<?> key : keys) {
      checkOne(key);
    }
  }

  private <T> void checkOne(OptionKey<T> key) {
    String problem = key.problem(find(key));
    if (problem != null) {
      throw invalid(key, problem);
    }
  }

  /** The error for the key's value, quoting its text (secrets masked) and naming its origin. */
  IllegalArgumentException invalid(OptionKey<?> key, String problem) {
    String text = texts.get(key.name());
    String shown = key.show(text != null ? text : String.valueOf(find(key)));
    return OptionRules.invalid(key.name(), shown, originOrDefault(key.name()), problem);
  }

  /** {@code key=value, ...} for a debug line, secrets masked. */
  String describe(List<OptionKey<?>> keys) {
    StringBuilder sb = new StringBuilder();
    for (OptionKey<?> key : keys) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      Object value = find(key);
      sb.append(key.name()).append('=').append(value != null ? key.show(value.toString()) : null);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "OptionValues{set=" + origins.keySet() + '}';
  }
}
