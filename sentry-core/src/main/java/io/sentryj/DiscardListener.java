package io.sentryj;

/**
 * Observes everything the SDK drops, with the same reason and category that go into client reports.
 * Called on whatever thread dropped the data; keep it short and never throw.
 */
@FunctionalInterface
public interface DiscardListener {
  /** Called once per drop of {@code quantity} items of a category. */
  void onDiscard(DiscardReason reason, DataCategory category, long quantity);
}
