package io.sentryj.agent.instrumentation.http;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A map from objects, compared by identity, that does not keep its keys alive: entries of keys the
 * application dropped go at the next change. For per-object state of the application's own objects
 * (connections, statements) whose {@code equals} and {@code hashCode} must not be called, as a
 * pool's proxy would forward them. Synchronized; bounded to {@code maxSize} entries (a put beyond
 * it is dropped), so a leak of the application's cannot grow it without end.
 */
public final class WeakIdentityMap<K, V> {
  private final Map<Key, V> entries = new HashMap<>();
  private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
  private final int maxSize;

  public WeakIdentityMap(int maxSize) {
    this.maxSize = maxSize;
  }

  public synchronized @Nullable V get(K key) {
    return entries.get(new Key(key, null));
  }

  public synchronized void put(K key, V value) {
    expunge();
    if (entries.size() < maxSize || entries.containsKey(new Key(key, null))) {
      entries.put(new Key(key, cleared), value);
    }
  }

  public synchronized @Nullable V remove(K key) {
    expunge();
    return entries.remove(new Key(key, null));
  }

  public synchronized int size() {
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
