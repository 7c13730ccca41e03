package io.sentryj.internal.event;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON array made by {@link JsonValues}: its elements are frozen too (null allowed).
 * Reading it runs no code of the application's. Changing it throws {@link
 * UnsupportedOperationException}.
 */
public final class FrozenList extends AbstractList<@Nullable Object> implements RandomAccess {
  private final @Nullable Object[] elements;

  /** Takes {@code elements}, which nobody else may hold, and whose values are frozen. */
  FrozenList(@Nullable Object[] elements) {
    this.elements = elements;
  }

  /** A frozen list of these elements, already frozen (the scrubber's copy of a frozen list). */
  public static FrozenList ofFrozen(@Nullable Object[] elements) {
    return new FrozenList(elements);
  }

  @Override
  public @Nullable Object get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }
}
