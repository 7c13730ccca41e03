package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One envelope in the {@link OutboxStore}, serialized without {@code sent_at}: on disk ({@link
 * #path}), in memory ({@link #bytes}), or both while memory allows. Owned by the processor's
 * worker; a sending thread reads it while it is {@link #inFlight}.
 */
final class StoredEnvelope {
  /** The capture order (0 for files adopted from an earlier run), for flush. */
  final long seq;

  final long size;

  /** Whether the envelope header carries an {@code event_id}, by which Sentry knows a repeat. */
  final boolean hasEventId;

  /** Only a client report, which the outbox bounds never evict. */
  final boolean reportOnly;

  /** Its own file, once written; null in memory only, or in a batch. */
  @Nullable Path path;

  /** The {@link OutboxBatch} it was written in, or null; where in it, and which one of it. */
  @Nullable Path batch;

  long batchOffset;
  int batchIndex;

  /** The bytes when kept in memory; read back from {@link #path} otherwise. */
  volatile byte @Nullable [] bytes;

  /** Left the store (delivered, dropped or evicted): a split passes over it. */
  boolean removed;

  /** The items' categories, for counting the envelope if it is dropped. */
  final List<DataCategory> categories;

  boolean inFlight;

  /** Failed attempts, for an envelope kept in memory only. */
  int attempts;

  /**
   * Set once it is done with on disk (its file deleted, or its index acknowledged in its batch), by
   * the sending thread as soon as Sentry accepted it, so that nobody does it twice.
   */
  volatile boolean fileDeleted;

  StoredEnvelope(
      long seq,
      @Nullable Path path,
      byte @Nullable [] bytes,
      long size,
      List<DataCategory> categories,
      boolean hasEventId,
      boolean reportOnly) {
    this.seq = seq;
    this.path = path;
    this.bytes = bytes;
    this.size = size;
    this.categories = categories;
    this.hasEventId = hasEventId;
    this.reportOnly = reportOnly;
  }

  /** Whether it is on disk: in a file of its own or in a batch. */
  boolean isStored() {
    return path != null || batch != null;
  }

  @Override
  public String toString() {
    Path p = path != null ? path : batch;
    return "StoredEnvelope{" + seq + ", " + (p != null ? p.getFileName() : "memory") + '}';
  }
}
