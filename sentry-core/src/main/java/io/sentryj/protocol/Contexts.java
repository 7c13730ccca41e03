package io.sentryj.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event's contexts (protocol section 3): the trace context, and named objects such as {@code os}
 * and {@code runtime}. Values are maps of plain values (strings, numbers, booleans, lists, maps).
 */
public final class Contexts {
  private @Nullable SpanContext trace;
  private final Map<String, Map<String, Object>> named = new LinkedHashMap<>();

  public @Nullable SpanContext getTrace() {
    return trace;
  }

  public void setTrace(@Nullable SpanContext trace) {
    this.trace = trace;
  }

  /** The named context, or null. */
  public @Nullable Map<String, Object> get(String name) {
    return named.get(name);
  }

  /**
   * Sets a named context. The map is kept as given, so contexts shared by many events (such as
   * {@code os}) cost nothing per event; do not change it afterwards.
   */
  @SuppressWarnings("unchecked")
  public void put(String name, Map<String, ?> values) {
    named.put(name, (Map<String, Object>) values);
  }

  /** Removes a named context. */
  public void remove(String name) {
    named.remove(name);
  }

  /** The named contexts, in insertion order, read-only. The trace context is not among them. */
  public Map<String, Map<String, Object>> named() {
    return Collections.unmodifiableMap(named);
  }

  @Override
  public String toString() {
    return "Contexts{trace=" + trace + ", " + named.keySet() + '}';
  }
}
