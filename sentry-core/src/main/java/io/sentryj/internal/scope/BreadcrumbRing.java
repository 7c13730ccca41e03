package io.sentryj.internal.scope;

import io.sentryj.Breadcrumb;
import java.util.List;

/**
 * A fixed-size ring of breadcrumbs: adding to a full ring overwrites the oldest, with no
 * allocation. Not thread-safe: {@link ScopeImpl} guards it with its lock.
 */
final class BreadcrumbRing {
  private final Breadcrumb[] items;
  private int start;
  private int size;

  BreadcrumbRing(int capacity) {
    this.items = new Breadcrumb[capacity];
  }

  private BreadcrumbRing(BreadcrumbRing other) {
    this.items = other.items.clone();
    this.start = other.start;
    this.size = other.size;
  }

  BreadcrumbRing copy() {
    return new BreadcrumbRing(this);
  }

  void add(Breadcrumb breadcrumb) {
    int capacity = items.length;
    if (capacity == 0) {
      return;
    }
    if (size < capacity) {
      items[(start + size) % capacity] = breadcrumb;
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
    java.util.Arrays.fill(items, null);
    start = 0;
    size = 0;
  }

  /** Appends the breadcrumbs, oldest first. */
  void copyTo(List<Breadcrumb> out) {
    int capacity = items.length;
    for (int i = 0; i < size; i++) {
      out.add(items[(start + i) % capacity]);
    }
  }
}
