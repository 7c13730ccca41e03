package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The envelopes waiting to be sent, oldest first: their files in the outbox ({@link OutboxFiles})
 * and the index of them, or, without an outbox, their bytes in memory.
 *
 * <p>With an outbox, every envelope is written before anything else happens to it (write-ahead):
 * alone, or with the others that waited as one {@link OutboxBatch}, split later into one file per
 * envelope ({@link #splitSome}). A copy stays in memory while an eighth of {@code max-queue-bytes}
 * allows, so that sending soon reads nothing back. Beyond {@code outbox-max-items} or {@code
 * outbox-max-bytes} the oldest envelopes not on the wire are evicted and counted {@code
 * cache_overflow}; client reports are never evicted (they are small, and carry the others' counts).
 * Without an outbox the {@link MemoryBudget} bounds what waits, at admission.
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
  private final ArrayDeque<Batch> unsplit = new ArrayDeque<>();
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
    if (f != null && envelopes.size() > 1) {
      List<byte[]> bytes = new ArrayList<>(envelopes.size());
      for (StoredEnvelope e : envelopes) {
        byte[] b = e.bytes;
        bytes.add(b != null ? b : new byte[0]);
      }
      try {
        unsplit.add(new Batch(f.writeBatch(bytes), envelopes));
        for (StoredEnvelope e : envelopes) {
          e.unsplit = true;
          e.bytes = null; // read back from the batch when it is split
          add(e);
        }
        return;
      } catch (IOException e) {
        warnOnce(e);
      }
    }
    for (StoredEnvelope e : envelopes) {
      put(e);
    }
  }

  private void put(StoredEnvelope e) {
    OutboxFiles f = files;
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
    if (e.path == null || memory.hasRoomWithin(bytes.length, CACHE_FRACTION)) {
      memory.add(e.path == null ? 1 : 0, bytes.length);
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

  /** Whether batches wait to be split. */
  boolean hasUnsplit() {
    return !unsplit.isEmpty();
  }

  /**
   * Writes the next envelope of the oldest batch to its own file; once a batch is all split its
   * file is deleted and its envelopes may be sent. One file per call, so that the worker gets back
   * to the queue between two.
   */
  void splitSome() {
    Batch b = unsplit.peekFirst();
    OutboxFiles f = files;
    if (b == null || f == null) {
      return;
    }
    try {
      if (b.next < b.envelopes.size()) {
        splitNext(f, b);
        return;
      }
      f.delete(b.path);
    } catch (IOException | RuntimeException e) {
      Diagnostics.warn("an outbox batch is unreadable and set aside: %s", Diagnostics.describe(e));
      for (StoredEnvelope lost : b.envelopes) {
        if (!lost.removed && lost.path == null) {
          drop(lost, DiscardReason.INTERNAL_SDK_ERROR);
        }
      }
      f.moveAside(b.path);
    }
    unsplit.removeFirst();
    for (StoredEnvelope e : b.envelopes) {
      e.unsplit = false;
    }
  }

  private void splitNext(OutboxFiles f, Batch b) throws IOException {
    List<byte[]> frames = b.frames;
    if (frames == null) {
      frames = f.readBatch(b.path);
      b.frames = frames;
    }
    int i = b.next++;
    StoredEnvelope e = b.envelopes.get(i);
    if (!e.removed) {
      e.path = f.writeFromBatch(b.path, i, frames.get(i));
      e.bytes = frames.get(i);
      keepOrDropCopy(e);
    }
    if (b.next == b.envelopes.size()) {
      b.frames = null;
    }
  }

  /** The oldest envelope that may be sent and is not on the wire, or null. */
  @Nullable StoredEnvelope next() {
    for (StoredEnvelope e : pending) {
      if (!e.inFlight && !e.unsplit) {
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

  /** Removes an envelope that was delivered or is given up: its file and its memory go. */
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
    e.fileDeleted = true; // moved, not to be deleted
    remove(e);
    OutboxFiles f = files;
    Path p = e.path;
    if (f != null && p != null) {
      f.moveAside(p);
    }
    recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.DEFAULT, 1);
  }

  private void forget(StoredEnvelope e) {
    e.removed = true;
    pendingBytes -= e.size;
    size = pending.size();
    byte[] bytes = e.bytes;
    if (bytes != null) {
      e.bytes = null;
      memory.release(e.path == null ? 1 : 0, bytes.length);
    }
    OutboxFiles f = files;
    Path p = e.path;
    if (f != null && p != null && !e.fileDeleted) {
      e.fileDeleted = true;
      f.delete(p);
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
   * for the next start (a batch not split yet included: the next start splits it).
   */
  void dropMemoryOnly(DiscardReason reason) {
    for (StoredEnvelope e : new ArrayList<>(pending)) {
      if (e.path == null && !e.unsplit) {
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

  /** Releases the outbox for the next start (and removes its directory if it is empty). */
  void close() {
    OutboxFiles f = files;
    if (f != null) {
      f.close();
    }
  }

  @Override
  public String toString() {
    return "OutboxStore{" + (files != null ? files.dir() : "memory") + ", " + size + '}';
  }

  /** A batch file and its envelopes, split one at a time. */
  private static final class Batch {
    final Path path;
    final List<StoredEnvelope> envelopes;
    int next;
    @Nullable List<byte[]> frames;

    Batch(Path path, List<StoredEnvelope> envelopes) {
      this.path = path;
      this.envelopes = envelopes;
    }
  }
}
