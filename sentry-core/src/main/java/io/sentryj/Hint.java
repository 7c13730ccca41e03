package io.sentryj;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an integration knows about an event beyond the event itself, handed to event processors and
 * {@code beforeSend}: the original throwable, and named objects such as the log record or the
 * servlet request.
 */
public final class Hint {
  private @Nullable Throwable throwable;
  private @Nullable Map<String, Object> entries;

  /** An empty hint. */
  public Hint() {}

  /** A hint carrying the original throwable. */
  public static Hint withThrowable(@Nullable Throwable throwable) {
    Hint hint = new Hint();
    hint.throwable = throwable;
    return hint;
  }

  /** The throwable the event was made from, if any. */
  public @Nullable Throwable throwable() {
    return throwable;
  }

  /** Stores a named object. */
  public Hint set(String name, Object value) {
    Map<String, Object> e = entries;
    if (e == null) {
      e = new HashMap<>();
      entries = e;
    }
    e.put(name, value);
    return this;
  }

  /** The named object, if present and of the given type. */
  public <T> @Nullable T get(String name, Class<T> type) {
    Map<String, Object> e = entries;
    Object value = e == null ? null : e.get(name);
    return type.isInstance(value) ? type.cast(value) : null;
  }

  @Override
  public String toString() {
    return "Hint{throwable="
        + throwable
        + ", keys="
        + (entries == null ? "[]" : entries.keySet())
        + '}';
  }
}
