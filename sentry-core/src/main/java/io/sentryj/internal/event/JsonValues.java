package io.sentryj.internal.event;

import io.sentryj.SentryId;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Copies the free-form values applications put in extras, contexts and data maps into immutable
 * JSON-like values, on the application's thread: strings, the JDK's own numbers and booleans, and
 * {@link FrozenMap}s and {@link FrozenList}s of them. Whatever the SDK's thread does with a frozen
 * value later (scrub it, write it, measure it) runs no code of the application's, and nothing the
 * application changes afterwards shows in it.
 *
 * <p>Hostile values degrade instead of failing the capture: a throwing {@code toString()} becomes a
 * placeholder naming the failure, a container met again on its own path becomes {@value #CYCLE},
 * nesting deeper than {@value #MAX_DEPTH} becomes {@value #TOO_DEEP}, a container keeps its first
 * {@value #MAX_ITEMS} entries, one value at most {@value #MAX_NODES} in all, strings their first
 * {@value #MAX_STRING_CHARS} characters, and a collection changed while it is read keeps what was
 * read. Containers are compared by identity only: no {@code hashCode} or {@code equals} of the
 * application's runs. Thread-safe (each call works on its own state).
 */
public final class JsonValues {
  /** Nesting kept below the top-level value. */
  public static final int MAX_DEPTH = 10;

  /** Entries kept per map, list or array. */
  public static final int MAX_ITEMS = 1000;

  /** Values kept in one frozen value, containers and leaves together. */
  public static final int MAX_NODES = 10_000;

  /** Characters kept per string. */
  public static final int MAX_STRING_CHARS = 16 * 1024;

  static final String CYCLE = "[cycle]";
  static final String TOO_DEEP = "[too deep]";

  private JsonValues() {}

  /** An immutable copy of {@code value}; frozen values and immutable scalars are returned as is. */
  public static @Nullable Object freeze(@Nullable Object value) {
    if (isFrozen(value)) {
      return value instanceof String ? cut((String) value) : value;
    }
    return new Freezer().freeze(value, 0);
  }

  /** An immutable copy of a map, with string keys; the same map when it is already frozen. */
  public static FrozenMap freezeMap(Map<?, ?> map) {
    return map instanceof FrozenMap ? (FrozenMap) map : new Freezer().map(map, 0);
  }

  /** Whether {@code value} is already immutable: a frozen container, a string, a JDK scalar. */
  public static boolean isFrozen(@Nullable Object value) {
    return value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof FrozenMap
        || value instanceof FrozenList
        || value instanceof Long
        || value instanceof Integer
        || isFiniteFloatingPoint(value)
        || value instanceof Short
        || value instanceof Byte
        || (value != null
            && (value.getClass() == BigDecimal.class || value.getClass() == BigInteger.class));
  }

  /**
   * Whether every value of {@code map} is {@link #isFrozen frozen} and every key a string: for maps
   * whose own entries cannot change (a breadcrumb's data), whose values may still be the
   * application's.
   */
  public static boolean isFrozenData(Map<?, ?> map) {
    if (map instanceof FrozenMap || map.isEmpty()) {
      return true;
    }
    try {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = e.getValue();
        if (!(e.getKey() instanceof String)
            || !isFrozen(v)
            || (v instanceof String && ((String) v).length() > MAX_STRING_CHARS)) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false; // changed while read: copying it will keep what can be read
    }
  }

  private static boolean isFiniteFloatingPoint(@Nullable Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return !Double.isNaN(d) && !Double.isInfinite(d);
    }
    return false;
  }

  /** {@code s} cut to {@link #MAX_STRING_CHARS}, never between the halves of a surrogate pair. */
  static String cut(String s) {
    if (s.length() <= MAX_STRING_CHARS) {
      return s;
    }
    int end = MAX_STRING_CHARS;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * {@code String.valueOf(o)}, or a placeholder when {@code toString()} throws or returns null.
   * Runs the application's {@code toString()}: call it on the application's thread only.
   */
  public static String safeToString(@Nullable Object o) {
    if (o == null) {
      return "null";
    }
    try {
      String s = o.toString();
      return s != null ? cut(s) : "null";
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      return "[toString() threw " + t.getClass().getName() + "]";
    }
  }

  /** One freezing: the containers on the current path, and what is left of the node budget. */
  private static final class Freezer {
    private @Nullable IdentityHashMap<Object, Boolean> path;
    private int budget = MAX_NODES;

    @Nullable Object freeze(@Nullable Object v, int depth) {
      budget--;
      if (v == null || isFrozen(v)) {
        return v instanceof String ? cut((String) v) : v;
      }
      if (v instanceof Number) {
        return number((Number) v);
      }
      if (v instanceof Character || v instanceof SentryId) {
        return v.toString();
      }
      if (v instanceof Enum) {
        return ((Enum<?>) v).name();
      }
      if (v instanceof char[]) {
        return cut(new String((char[]) v));
      }
      if (v instanceof Map || v instanceof Collection || v.getClass().isArray()) {
        return container(v, depth);
      }
      return safeToString(v);
    }

    private Object number(Number n) {
      if (n instanceof AtomicInteger || n instanceof AtomicLong) {
        return n.longValue();
      }
      if (n instanceof Double || n instanceof Float) {
        return n.toString(); // NaN and the infinities: JSON has no such numbers
      }
      return safeToString(n); // a subclass of the application's may print anything
    }

    private Object container(Object v, int depth) {
      if (depth >= MAX_DEPTH) {
        return TOO_DEEP;
      }
      IdentityHashMap<Object, Boolean> p = path;
      if (p == null) {
        p = new IdentityHashMap<>();
        path = p;
      }
      if (p.put(v, Boolean.TRUE) != null) {
        return CYCLE;
      }
      try {
        if (v instanceof Map) {
          return map((Map<?, ?>) v, depth);
        }
        return v instanceof Collection
            ? list(((Collection<?>) v).iterator(), depth)
            : array(v, depth);
      } finally {
        p.remove(v);
      }
    }

    FrozenMap map(Map<?, ?> map, int depth) {
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
      try {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (copy.size() >= MAX_ITEMS || budget <= 0) {
            break;
          }
          Object key = e.getKey();
          Object value = e.getValue();
          if (value != null) {
            Object frozen = freeze(value, depth + 1);
            if (frozen != null) {
              copy.put(key instanceof String ? cut((String) key) : safeToString(key), frozen);
            }
          }
        }
      } catch (RuntimeException e) {
        // changed while read (a ConcurrentModificationException): keep what was read
      }
      return new FrozenMap(copy);
    }

    private FrozenList list(Iterator<?> it, int depth) {
      List<@Nullable Object> copy = new ArrayList<>();
      try {
        while (copy.size() < MAX_ITEMS && budget > 0 && it.hasNext()) {
          copy.add(freeze(it.next(), depth + 1));
        }
      } catch (RuntimeException e) {
        // changed while read: keep what was read
      }
      return new FrozenList(copy.toArray());
    }

    private FrozenList array(Object array, int depth) {
      int n = Math.min(Array.getLength(array), MAX_ITEMS);
      List<@Nullable Object> copy = new ArrayList<>(n);
      for (int i = 0; i < n && budget > 0; i++) {
        copy.add(freeze(Array.get(array, i), depth + 1)); // boxes primitives
      }
      return new FrozenList(copy.toArray());
    }
  }
}
