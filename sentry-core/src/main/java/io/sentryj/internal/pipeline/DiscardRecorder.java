package io.sentryj.internal.pipeline;

import io.sentryj.DataCategory;
import io.sentryj.DiscardListener;
import io.sentryj.DiscardReason;
import io.sentryj.internal.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * Counts every drop by reason and data category (protocol section 5), lock-free, so that client
 * reports account for everything the SDK did not deliver. One instance per SDK instance.
 */
public final class DiscardRecorder {
  private static final DiscardReason[] REASONS = DiscardReason.values();
  private static final DataCategory[] CATEGORIES = DataCategory.values();

  private final AtomicLongArray counts = new AtomicLongArray(REASONS.length * CATEGORIES.length);
  private final @Nullable DiscardListener listener;

  /** A recorder that also tells {@code listener} (if any) of each drop. */
  public DiscardRecorder(@Nullable DiscardListener listener) {
    this.listener = listener;
  }

  /** Counts {@code quantity} items of {@code category} dropped for {@code reason}. */
  public void record(DiscardReason reason, DataCategory category, long quantity) {
    if (quantity <= 0) {
      return;
    }
    counts.addAndGet(index(reason, category), quantity);
    Diagnostics.debug(
        "dropped %d %s (%s)", quantity, category.protocolName(), reason.protocolName());
    DiscardListener l = listener;
    if (l != null) {
      try {
        l.onDiscard(reason, category, quantity);
      } catch (Throwable t) {
        Diagnostics.error("discard listener threw", t);
      }
    }
  }

  /** The count so far, without resetting it. */
  public long count(DiscardReason reason, DataCategory category) {
    return counts.get(index(reason, category));
  }

  /** The total count so far, over all reasons and categories. */
  public long total() {
    long sum = 0;
    for (int i = 0; i < counts.length(); i++) {
      sum += counts.get(i);
    }
    return sum;
  }

  /**
   * Takes the counts, resetting them to zero, for a client report. If the report cannot be sent,
   * give them back with {@link #restore}.
   */
  public List<Outcome> drain() {
    List<Outcome> result = null;
    for (int i = 0; i < counts.length(); i++) {
      long n = counts.getAndSet(i, 0);
      if (n > 0) {
        if (result == null) {
          result = new ArrayList<>();
        }
        result.add(
            new Outcome(REASONS[i / CATEGORIES.length], CATEGORIES[i % CATEGORIES.length], n));
      }
    }
    return result == null ? Collections.<Outcome>emptyList() : result;
  }

  /** Adds back counts taken by {@link #drain} whose report was not delivered. */
  public void restore(List<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      counts.addAndGet(index(o.reason, o.category), o.quantity);
    }
  }

  private static int index(DiscardReason reason, DataCategory category) {
    return reason.ordinal() * CATEGORIES.length + category.ordinal();
  }

  @Override
  public String toString() {
    return "DiscardRecorder{total=" + total() + '}';
  }

  /** One aggregated line of a client report. */
  public static final class Outcome {
    public final DiscardReason reason;
    public final DataCategory category;
    public final long quantity;

    public Outcome(DiscardReason reason, DataCategory category, long quantity) {
      this.reason = reason;
      this.category = category;
      this.quantity = quantity;
    }

    @Override
    public String toString() {
      return reason.protocolName() + "/" + category.protocolName() + "=" + quantity;
    }
  }
}
