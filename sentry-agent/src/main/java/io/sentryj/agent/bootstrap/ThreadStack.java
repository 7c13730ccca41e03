package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.Nullable;

/**
 * What woven entries began, per thread, until their exits: the woven code keeps nothing in the
 * method, so each bridge's {@code enter} pushes exactly one element (null for "nothing to end") and
 * the matching {@code exit}, which the weaver puts on every way out, pops it. Entries nest: exits
 * come innermost first on the entering thread.
 */
public final class ThreadStack {
  private static final int INITIAL = 8;

  private @Nullable Object[] elements = new Object[INITIAL];
  private int size;

  /** A per-thread stack, for a bridge's own {@code ThreadLocal}. */
  public static ThreadLocal<ThreadStack> perThread() {
    return new PerThread();
  }

  /** Pushes what an entry began, or null. */
  public void push(@Nullable Object element) {
    if (size == elements.length) {
      Object[] grown = new Object[size * 2];
      System.arraycopy(elements, 0, grown, 0, size);
      elements = grown;
    }
    elements[size++] = element;
  }

  /** What the innermost open entry pushed, or null. */
  public @Nullable Object peek() {
    return size == 0 ? null : elements[size - 1];
  }

  /** Pops what the matching entry pushed; null also when nothing is left (never throws). */
  public @Nullable Object pop() {
    if (size == 0) {
      return null;
    }
    Object element = elements[--size];
    elements[size] = null;
    return element;
  }

  @Override
  public String toString() {
    return "ThreadStack{size=" + size + '}';
  }

  /** A named class rather than a lambda, so the bridge needs no bootstrap method of its own. */
  private static final class PerThread extends ThreadLocal<ThreadStack> {
    @Override
    protected ThreadStack initialValue() {
      return new ThreadStack();
    }
  }
}
