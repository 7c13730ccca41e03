package io.sentryj.internal.event;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON object made by {@link JsonValues}: string keys in insertion order, values that
 * are frozen too. Reading it runs no code of the application's. Changing it throws {@link
 * UnsupportedOperationException}.
 */
public final class FrozenMap extends AbstractMap<String, Object> {
  private static final FrozenMap EMPTY = new FrozenMap(new LinkedHashMap<String, Object>());

  private final Map<String, Object> entries;

  /** Takes {@code copy}, which nobody else may hold, and whose values are frozen. */
  FrozenMap(LinkedHashMap<String, Object> copy) {
    this.entries = Collections.unmodifiableMap(copy);
  }

  /** The empty frozen map. */
  public static FrozenMap empty() {
    return EMPTY;
  }

  /**
   * A frozen map of these entries, the values already frozen (the scrubber's copy of a frozen map
   * with some values replaced).
   */
  public static FrozenMap ofFrozen(LinkedHashMap<String, Object> copy) {
    return copy.isEmpty() ? EMPTY : new FrozenMap(copy);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }
}
