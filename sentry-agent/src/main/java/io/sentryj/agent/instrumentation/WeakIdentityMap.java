package io.sentryj.agent.instrumentation;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A map from objects, compared by identity, that does not keep its keys alive: entries of keys the
 * application dropped go at the next change. For per-object state of the application's own objects
 * (connections, statements, threads, fork/join tasks) whose {@code equals} and {@code hashCode}
 * must not be called, as a pool's proxy would forward them. Concurrent, without a lock on reads, so
 * that pool threads running tasks side by side do not queue on it; bounded to about {@code maxSize}
 * entries (a put beyond it is dropped), so a leak of the application's cannot grow it without end.
 */
public final class WeakIdentityMap<K, V> {
  private final ConcurrentHashMap<Key, V> entries = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
  private final int maxSize;

  public WeakIdentityMap(int maxSize) {
    this.maxSize = maxSize;
  }

  public @Nullable V get(K key) {
    return entries.get(new Key(key, null));
  }

  public void put(K key, V value) {
    expunge();
    Key lookup = new Key(key, null);
    if (entries.size() < maxSize || entries.containsKey(lookup)) {
      entries.put(new Key(key, cleared), value);
    }
  }

  public @Nullable V remove(K key) {
    expunge();
    return entries.remove(new Key(key, null));
  }

  /** Whether no entry is left: a cheap test before a look-up that would hash the key. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    expunge();
    return entries.size();
  }

  private void expunge() {
    for (Object ref; (ref = cleared.poll()) != null; ) {
      entries.remove(ref);
    }
  }

  @Override
  public String toString() {
    return "WeakIdentityMap{maxSize=" + maxSize + '}';
  }

  /** A weak reference equal to another of the same referent, by identity. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, @Nullable ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Key)) {
        return false;
      }
      Object referent = get();
      return referent != null && referent == ((Key) other).get();
    }
  }
}
