package io.sentryj.internal.scope;

import io.sentryj.Breadcrumb;
import java.util.Arrays;
import java.util.List;

/**
 * A ring of at most {@code capacity} breadcrumbs: adding to a full ring overwrites the oldest, with
 * no allocation. Its array grows with its content up to the capacity, so that the many short-lived
 * scopes forked per request or task hold what they have, not a full ring each. Not thread-safe:
 * {@link ScopeImpl} guards it with its lock.
 */
final class BreadcrumbRing {
  private static final Breadcrumb[] NONE = new Breadcrumb[0];
  private static final int FIRST_SIZE = 8;

  private final int capacity;
  // while not full, start is 0 and the breadcrumbs are items[0..size)
  private Breadcrumb[] items;
  private int start;
  private int size;

  BreadcrumbRing(int capacity) {
    this.capacity = Math.max(0, capacity);
    this.items = NONE;
  }

  private BreadcrumbRing(BreadcrumbRing other) {
    this.capacity = other.capacity;
    this.items = other.size == 0 ? NONE : Arrays.copyOf(other.items, other.items.length);
    this.start = other.start;
    this.size = other.size;
  }

  BreadcrumbRing copy() {
    return new BreadcrumbRing(this);
  }

  /** A ring of the same capacity holding the newest {@code newest} breadcrumbs of this one. */
  BreadcrumbRing copyNewest(int newest) {
    int kept = Math.max(0, Math.min(newest, size));
    if (kept == size) {
      return copy();
    }
    BreadcrumbRing ring = new BreadcrumbRing(capacity);
    int length = items.length;
    for (int i = size - kept; i < size; i++) {
      ring.add(items[(start + i) % length]);
    }
    return ring;
  }

  void add(Breadcrumb breadcrumb) {
    if (capacity == 0) {
      return;
    }
    if (size < capacity) {
      if (size == items.length) {
        items = Arrays.copyOf(items, Math.min(capacity, Math.max(FIRST_SIZE, size * 2)));
      }
      items[size] = breadcrumb;
      size++;
    } else {
      items[start] = breadcrumb;
      start = (start + 1) % capacity;
    }
  }

  int size() {
    return size;
  }

  void clear() {
    items = NONE;
    start = 0;
    size = 0;
  }

  /** Appends the breadcrumbs, oldest first. */
  void copyTo(List<Breadcrumb> out) {
    int length = items.length;
    for (int i = 0; i < size; i++) {
      out.add(items[(start + i) % length]);
    }
  }
}
