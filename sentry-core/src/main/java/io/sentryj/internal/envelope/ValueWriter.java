package io.sentryj.internal.envelope;

import io.sentryj.SentryId;
import io.sentryj.internal.diag.Diagnostics;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes the free-form values users put in {@code extra}, contexts and {@code data} maps as JSON,
 * without reflection: maps, collections and arrays as JSON containers, strings, numbers and
 * booleans as themselves, anything else as its {@code toString()}.
 *
 * <p>Hostile values degrade instead of failing the event: a throwing {@code toString()} becomes a
 * placeholder, a map that refers to itself is cut with {@value #CYCLE}, nesting past the depth
 * limit is cut with {@value #TOO_DEEP}, NaN and infinities become strings (JSON has no such
 * numbers), and a collection changed while being written keeps what was already written.
 *
 * <p>One instance per serialization: it remembers the containers on the current path. Not
 * thread-safe.
 */
final class ValueWriter {
  static final String CYCLE = "[cycle]";
  static final String TOO_DEEP = "[too deep]";
  private static final String ELLIPSIS = "...";

  private final JsonOut w;
  private final int maxDepth;
  private final int maxItems;
  private final int maxString;

  /** Containers being written, by identity: meeting one again means a cycle. */
  private final IdentityHashMap<Object, Boolean> path = new IdentityHashMap<>();

  ValueWriter(JsonOut w, int maxDepth, int maxItems, int maxString) {
    this.w = w;
    this.maxDepth = maxDepth;
    this.maxItems = maxItems;
    this.maxString = maxString;
  }

  /** Writes one value; null is written as JSON null. */
  void write(@Nullable Object value) throws IOException {
    write(value, 0);
  }

  /** Writes a map as a JSON object, leaving out null values. */
  void writeMap(Map<?, ?> map) throws IOException {
    write(map, 0);
  }

  private void write(@Nullable Object v, int depth) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof String) {
      w.value(truncate((String) v, maxString));
    } else if (v instanceof Boolean) {
      w.value(((Boolean) v).booleanValue());
    } else if (v instanceof Number) {
      writeNumber((Number) v);
    } else if (v instanceof Character || v instanceof SentryId) {
      w.value(v.toString());
    } else if (v instanceof Enum) {
      w.value(((Enum<?>) v).name());
    } else if (v instanceof Map || v instanceof Collection || v.getClass().isArray()) {
      writeContainer(v, depth);
    } else {
      w.value(truncate(safeToString(v), maxString));
    }
  }

  private void writeNumber(Number n) throws IOException {
    if (n instanceof Integer
        || n instanceof Long
        || n instanceof Short
        || n instanceof Byte
        || n instanceof AtomicInteger
        || n instanceof AtomicLong) {
      w.value(n.longValue());
    } else if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        w.value(n.toString()); // "NaN", "Infinity": JSON has no such numbers
      } else {
        w.value(n); // Float's own toString keeps 0.1f as 0.1
      }
    } else if (n instanceof BigDecimal || n instanceof BigInteger) {
      w.value(n);
    } else {
      // A user's Number subclass may print anything; as a string it cannot break the JSON.
      w.value(truncate(safeToString(n), maxString));
    }
  }

  private void writeContainer(Object v, int depth) throws IOException {
    if (depth >= maxDepth) {
      w.value(TOO_DEEP);
      return;
    }
    if (path.containsKey(v)) {
      w.value(CYCLE);
      return;
    }
    path.put(v, Boolean.TRUE);
    try {
      if (v instanceof Map) {
        writeEntries((Map<?, ?>) v, depth);
      } else if (v instanceof Collection) {
        writeElements(((Collection<?>) v).iterator(), depth);
      } else {
        writeArray(v, depth);
      }
    } finally {
      path.remove(v);
    }
  }

  private void writeEntries(Map<?, ?> map, int depth) throws IOException {
    w.beginObject();
    int written = 0;
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (written < maxItems) {
      String key;
      Object value;
      try {
        if (!it.hasNext()) {
          break;
        }
        Map.Entry<?, ?> e = it.next();
        key = safeToString(e.getKey());
        value = e.getValue();
      } catch (RuntimeException e) {
        Diagnostics.debug("a map changed while being written: %s", e);
        break; // keep the entries written so far; the object is still well-formed
      }
      if (value != null) {
        w.name(truncate(key, maxString));
        write(value, depth + 1);
        written++;
      }
    }
    w.endObject();
  }

  private void writeElements(Iterator<?> it, int depth) throws IOException {
    w.beginArray();
    for (int written = 0; written < maxItems; written++) {
      Object value;
      try {
        if (!it.hasNext()) {
          break;
        }
        value = it.next();
      } catch (RuntimeException e) {
        Diagnostics.debug("a collection changed while being written: %s", e);
        break;
      }
      write(value, depth + 1);
    }
    w.endArray();
  }

  private void writeArray(Object array, int depth) throws IOException {
    if (array instanceof char[]) {
      w.value(truncate(new String((char[]) array), maxString));
      return;
    }
    w.beginArray();
    int n = Math.min(Array.getLength(array), maxItems);
    for (int i = 0; i < n; i++) {
      write(Array.get(array, i), depth + 1); // boxes primitives; reads no fields
    }
    w.endArray();
  }

  /** {@code String.valueOf(o)}, or a placeholder when {@code toString()} throws or returns null. */
  static String safeToString(@Nullable Object o) {
    if (o == null) {
      return "null";
    }
    try {
      String s = o.toString();
      return s != null ? s : "null";
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      return "[toString() threw " + t.getClass().getName() + "]";
    }
  }

  /**
   * {@code s} cut to at most {@code max} characters, ending in {@code ...} when cut, and never
   * between the two halves of a surrogate pair.
   */
  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    boolean ellipsis = max > ELLIPSIS.length();
    int cut = ellipsis ? max - ELLIPSIS.length() : max;
    if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return ellipsis ? s.substring(0, cut) + ELLIPSIS : s.substring(0, cut);
  }

  @Override
  public String toString() {
    return "ValueWriter{depth=" + maxDepth + ", items=" + maxItems + ", string=" + maxString + '}';
  }
}
