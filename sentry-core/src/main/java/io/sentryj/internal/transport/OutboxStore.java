package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The envelopes waiting to be sent, oldest first: where they are in the outbox ({@link
 * OutboxFiles}) and the index of them, or, without an outbox, their bytes in memory.
 *
 * <p>With an outbox, every envelope is written before anything else happens to it (write-ahead):
 * alone in a file of its own, or with the others that waited as one {@link OutboxBatch}, whose
 * envelopes are acknowledged one by one as they are done with. A copy stays in memory while an
 * eighth of {@code max-queue-bytes} allows, so that sending soon reads nothing back. Beyond {@code
 * outbox-max-items} or {@code outbox-max-bytes} the oldest envelopes not on the wire are evicted
 * and counted {@code cache_overflow}; client reports are never evicted (they are small, and carry
 * the others' counts). Without an outbox the {@link MemoryBudget} bounds what waits, at admission.
 *
 * <p>Owned by the processor's worker: not thread-safe, but for {@link #size}.
 */
final class OutboxStore {
  private static final int CACHE_FRACTION = 8;

  private final @Nullable OutboxFiles files;
  private final DiscardRecorder recorder;
  private final MemoryBudget memory;
  private final int maxItems;
  private final long maxBytes;
  private final ArrayDeque<StoredEnvelope> pending = new ArrayDeque<>();
  // each batch file and how many of its envelopes are not done with yet
  private final Map<Path, Integer> batches = new HashMap<>();
  private long pendingBytes;
  private boolean warnedWrite;
  private volatile int size;

  OutboxStore(
      @Nullable OutboxFiles files,
      DiscardRecorder recorder,
      MemoryBudget memory,
      int maxItems,
      long maxBytes) {
    this.files = files;
    this.recorder = recorder;
    this.memory = memory;
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
  }

  @Nullable OutboxFiles files() {
    return files;
  }

  /**
   * Stores serialized envelopes (their {@link StoredEnvelope#bytes} set): written to the outbox
   * when there is one, several as one batch; kept in memory otherwise, or when writing fails (with
   * one warning).
   */
  void putAll(List<StoredEnvelope> envelopes) {
    OutboxFiles f = files;
    if (f != null && envelopes.size() > 1 && writeBatch(f, envelopes)) {
      for (StoredEnvelope e : envelopes) {
        keepOrDropCopy(e);
        add(e);
      }
      return;
    }
    for (StoredEnvelope e : envelopes) {
      byte[] bytes = e.bytes;
      if (f != null && bytes != null) {
        try {
          e.path = f.write(bytes);
        } catch (IOException ex) {
          warnOnce(ex);
        }
      }
      keepOrDropCopy(e);
      add(e);
    }
  }

  private boolean writeBatch(OutboxFiles f, List<StoredEnvelope> envelopes) {
    List<byte[]> bytes = new ArrayList<>(envelopes.size());
    for (StoredEnvelope e : envelopes) {
      byte[] b = e.bytes;
      bytes.add(b != null ? b : new byte[0]);
    }
    try {
      Path batch = f.writeBatch(bytes);
      long[] offsets = OutboxBatch.offsets(bytes);
      for (int i = 0; i < offsets.length; i++) {
        StoredEnvelope e = envelopes.get(i);
        e.batch = batch;
        e.batchIndex = i;
        e.batchOffset = offsets[i];
      }
      batches.put(batch, offsets.length);
      return true;
    } catch (IOException e) {
      warnOnce(e);
      return false;
    }
  }

  private void warnOnce(IOException e) {
    if (!warnedWrite) {
      warnedWrite = true;
      Diagnostics.warn("writing to the outbox failed: %s", Diagnostics.describe(e));
    }
  }

  /** Keeps the bytes if there is no file, or if memory allows a copy; counts what is kept. */
  private void keepOrDropCopy(StoredEnvelope e) {
    byte[] bytes = e.bytes;
    if (bytes == null) {
      return;
    }
    if (!e.isStored() || memory.hasRoomWithin(bytes.length, CACHE_FRACTION)) {
      memory.add(e.isStored() ? 0 : 1, bytes.length);
    } else {
      e.bytes = null;
    }
  }

  /** Adds envelopes read from files an earlier run left (already renamed to this outbox's). */
  void adopt(List<StoredEnvelope> adopted) {
    for (StoredEnvelope e : adopted) {
      add(e);
    }
  }

  private void add(StoredEnvelope e) {
    pending.addLast(e);
    pendingBytes += e.size;
    size = pending.size();
    if (files != null && !e.reportOnly) {
      evictBeyondBounds();
    }
  }

  private void evictBeyondBounds() {
    Iterator<StoredEnvelope> it = pending.iterator();
    while ((pending.size() > maxItems || pendingBytes > maxBytes) && it.hasNext()) {
      StoredEnvelope oldest = it.next();
      if (!oldest.inFlight && !oldest.reportOnly) {
        it.remove();
        forget(oldest);
        count(oldest, DiscardReason.CACHE_OVERFLOW);
      }
    }
  }

  /** The oldest envelope not on the wire, or null. */
  @Nullable StoredEnvelope next() {
    for (StoredEnvelope e : pending) {
      if (!e.inFlight) {
        return e;
      }
    }
    return null;
  }

  /** Every envelope not on the wire, oldest first (to drop those a rate limit covers). */
  List<StoredEnvelope> waiting() {
    List<StoredEnvelope> result = new ArrayList<>();
    for (StoredEnvelope e : pending) {
      if (!e.inFlight) {
        result.add(e);
      }
    }
    return result;
  }

  /** Removes an envelope that was delivered or is given up: on disk and in memory. */
  void remove(StoredEnvelope e) {
    if (pending.remove(e)) {
      forget(e);
    }
  }

  /** Removes an envelope and counts each of its items as dropped for {@code reason}. */
  void drop(StoredEnvelope e, DiscardReason reason) {
    remove(e);
    count(e, reason);
  }

  /** Removes a file that is not a whole envelope: moved aside and counted, never sent. */
  void setAside(StoredEnvelope e, String why) {
    Diagnostics.warn("a stored envelope is unreadable and set aside: %s", why);
    OutboxFiles f = files;
    Path p = e.path;
    if (f != null && p != null) {
      e.fileDeleted = true; // moved, not to be deleted
      f.moveAside(p);
    }
    remove(e);
    recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.DEFAULT, 1);
  }

  private void forget(StoredEnvelope e) {
    e.removed = true;
    pendingBytes -= e.size;
    size = pending.size();
    byte[] bytes = e.bytes;
    if (bytes != null) {
      e.bytes = null;
      memory.release(e.isStored() ? 0 : 1, bytes.length);
    }
    OutboxFiles f = files;
    if (f != null && !e.fileDeleted) {
      e.fileDeleted = true;
      done(f, e);
    }
    Path batch = e.batch;
    Integer left = batch != null ? batches.get(batch) : null;
    if (f != null && batch != null && left != null) {
      if (left > 1) {
        batches.put(batch, left - 1);
      } else {
        batches.remove(batch);
        f.deleteBatch(batch); // all of it done with
      }
    }
  }

  /** Done with on disk: its file deleted, or its index acknowledged in its batch. */
  private static void done(OutboxFiles f, StoredEnvelope e) {
    Path p = e.path;
    Path batch = e.batch;
    if (p != null) {
      f.delete(p);
    } else if (batch != null) {
      try {
        f.ack(batch, e.batchIndex);
      } catch (IOException ex) {
        Diagnostics.warn("cannot write to the outbox: %s", Diagnostics.describe(ex));
      }
    }
  }

  private void count(StoredEnvelope e, DiscardReason reason) {
    for (DataCategory c : e.categories) {
      if (c != DataCategory.INTERNAL) {
        recorder.record(reason, c, 1);
      }
    }
  }

  /** Whether no envelope captured up to {@code seq} (adopted ones included) waits. */
  boolean isSettled(long seq) {
    for (StoredEnvelope e : pending) {
      if (e.seq <= seq) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lets go of what memory alone holds, counting each item {@code reason}; envelopes on disk stay
   * for the next start.
   */
  void dropMemoryOnly(DiscardReason reason) {
    for (StoredEnvelope e : new ArrayList<>(pending)) {
      if (!e.isStored()) {
        drop(e, reason);
      }
    }
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Envelopes waiting, readable from any thread. */
  int size() {
    return size;
  }

  /**
   * Releases the outbox for the next start, its batches split into one file per envelope left (and
   * removes its directory if it is empty).
   */
  void close() {
    OutboxFiles f = files;
    if (f != null) {
      f.splitOwnBatches();
      batches.clear();
      f.close();
    }
  }

  @Override
  public String toString() {
    return "OutboxStore{" + (files != null ? files.dir() : "memory") + ", " + size + '}';
  }
}
