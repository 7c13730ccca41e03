package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import org.jspecify.annotations.Nullable;

/**
 * Turns queued envelopes into bytes to store, on the worker: items a rate limit covers are left out
 * and counted (protocol section 4), the rest is serialized once, without {@code sent_at}, into a
 * buffer kept from one envelope to the next; and counts what is dropped, by item.
 */
final class EnvelopeBytes {
  private static final byte[] EMPTY_HEADER = "{}\n".getBytes(StandardCharsets.UTF_8);
  private static final int INITIAL_SCRATCH_BYTES = 16 * 1024;
  // a rare big envelope's buffer is not kept
  private static final int RETAINED_SCRATCH_BYTES = 256 * 1024;
  // what the worker takes from the queue to write at once
  private static final int MAX_BATCH = 64;
  private static final long MAX_BATCH_BYTES = 1024 * 1024;
  private static final long MAX_BATCH_MILLIS = 20;

  private final DeliveryPolicy policy;
  private final DiscardRecorder recorder;
  private final EnvelopeWriter writer;
  private ByteArrayOutputStream scratch = new ByteArrayOutputStream(INITIAL_SCRATCH_BYTES);

  EnvelopeBytes(DeliveryPolicy policy, DiscardRecorder recorder) {
    this.policy = policy;
    this.recorder = recorder;
    this.writer =
        new EnvelopeWriter(
            (item, cause) -> recorder.record(DiscardReason.INTERNAL_SDK_ERROR, item.category(), 1));
  }

  /**
   * Stores this envelope and those queued right behind it: serialized one by one, then written at
   * once (an {@link OutboxBatch} when there are several), so that a burst reaches the disk about as
   * fast as it is serialized. Returns the envelopes taken from the queue; one that fails, even out
   * of memory, is counted and the rest go on.
   */
  List<Message.Queued> storeBatch(
      Message.Queued first, BlockingDeque<Message> queue, OutboxStore store) {
    List<Message.Queued> taken = new ArrayList<>();
    List<StoredEnvelope> serialized = new ArrayList<>();
    long bytes = 0;
    long until = DeliveryPolicy.now() + MAX_BATCH_MILLIS;
    for (Message.Queued q = first; q != null; q = next(queue, taken.size(), bytes, until)) {
      taken.add(q);
      try {
        StoredEnvelope e = serialize(q);
        if (e != null) {
          serialized.add(e);
          bytes += e.size;
        }
      } catch (Throwable t) { // the envelope at hand is lost, and counted
        countFailure(q.envelope.items(), t);
      }
    }
    try {
      store.putAll(serialized);
    } catch (Throwable t) {
      for (StoredEnvelope e : serialized) {
        policy.count(e.categories, DiscardReason.INTERNAL_SDK_ERROR);
      }
      countFailure(Collections.<EnvelopeItem>emptyList(), t);
    }
    return taken;
  }

  /** The next envelope for a batch, if one is queued first and the batch has room; else null. */
  private static Message.@Nullable Queued next(
      BlockingDeque<Message> queue, int count, long bytes, long until) {
    if (count >= MAX_BATCH || bytes >= MAX_BATCH_BYTES || DeliveryPolicy.now() >= until) {
      return null;
    }
    Message m = queue.peekFirst() instanceof Message.Queued ? queue.pollFirst() : null;
    if (m instanceof Message.Queued) {
      return (Message.Queued) m;
    }
    if (m != null) {
      queue.addFirst(m); // not an envelope after all (a race with addFirst): back, in order
    }
    return null;
  }

  /**
   * A queued envelope, serialized without the items a rate limit covers and those whose payload
   * fails (each counted); null when nothing is left.
   */
  @Nullable StoredEnvelope serialize(Message.Queued q) throws IOException {
    List<EnvelopeItem> kept = withoutLimited(q.envelope.items());
    if (kept.isEmpty()) {
      return null;
    }
    Envelope e = kept.size() == q.envelope.items().size() ? q.envelope : q.envelope.withItems(kept);
    ByteArrayOutputStream out = scratch;
    out.reset();
    List<EnvelopeItem> failed;
    try {
      failed = writer.write(e, out, null);
    } finally {
      if (out.size() > RETAINED_SCRATCH_BYTES) {
        scratch = new ByteArrayOutputStream(INITIAL_SCRATCH_BYTES);
      }
    }
    List<DataCategory> categories = new ArrayList<>(kept.size());
    boolean report = true;
    for (EnvelopeItem item : kept) {
      if (!failed.contains(item)) {
        categories.add(item.category());
        report &= item.category() == DataCategory.INTERNAL;
      }
    }
    if (categories.isEmpty()) {
      return null; // every payload failed, each counted already
    }
    byte[] bytes = out.toByteArray();
    return new StoredEnvelope(
        q.seq, null, bytes, bytes.length, categories, e.eventId() != null, report);
  }

  private List<EnvelopeItem> withoutLimited(List<EnvelopeItem> items) {
    List<EnvelopeItem> kept = items;
    for (EnvelopeItem item : items) {
      if (policy.allLimited(Collections.singletonList(item.category()))) {
        if (kept == items) {
          kept = new ArrayList<>(items);
        }
        kept.remove(item);
        count(Collections.singletonList(item), DiscardReason.RATELIMIT_BACKOFF);
      }
    }
    return kept;
  }

  /** A client report alone: an envelope with an empty header and the report item. */
  static StoredEnvelope report(ClientReportWriter.Report report, long seq) {
    byte[] item = SendAttempt.itemBytes(report.payload());
    byte[] bytes = new byte[EMPTY_HEADER.length + item.length];
    System.arraycopy(EMPTY_HEADER, 0, bytes, 0, EMPTY_HEADER.length);
    System.arraycopy(item, 0, bytes, EMPTY_HEADER.length, item.length);
    List<DataCategory> internal = Collections.singletonList(DataCategory.INTERNAL);
    return new StoredEnvelope(seq, null, bytes, bytes.length, internal, false, true);
  }

  /** Counts each item (client reports aside) as dropped for {@code reason}. */
  void count(List<EnvelopeItem> items, DiscardReason reason) {
    for (EnvelopeItem item : items) {
      DataCategory c = item.category();
      if (c != DataCategory.INTERNAL) {
        recorder.record(reason, c, 1);
      }
    }
  }

  /**
   * Counts the items that {@code failure} cost as {@code internal_sdk_error} and says so; never
   * throws, even out of memory.
   */
  void countFailure(List<EnvelopeItem> items, Throwable failure) {
    try {
      count(items, DiscardReason.INTERNAL_SDK_ERROR);
      scratch = new ByteArrayOutputStream(INITIAL_SCRATCH_BYTES);
      Diagnostics.error("delivery failed a step; what it held is dropped and counted", failure);
    } catch (Throwable ignored) {
      // out of memory: the count is all that could be kept
    }
  }

  @Override
  public String toString() {
    return "EnvelopeBytes{" + writer + '}';
  }
}
