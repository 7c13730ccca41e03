package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.envelope.EnvelopeFormatException;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.envelope.ParsedEnvelope;
import io.sentryj.internal.envelope.Rfc3339;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.DiscardRecorder.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * The default transport: a bounded in-memory queue, one daemon worker, a disk outbox written ahead
 * of every send, and HTTP through {@link HttpSender} (or no sending at all, for an outbox-only
 * configuration).
 *
 * <p>The caller's {@link #send} only counts and enqueues: it never blocks, serializes or does I/O.
 * The worker serializes each envelope once, drops rate-limited items (protocol section 4), writes
 * the bytes to the outbox (temp file and atomic rename), and posts them with {@code sent_at} added
 * at send time. Requests run on OkHttp's daemon threads, a few at a time, so the worker keeps
 * moving the queue to disk while a slow server answers. Network errors and 502/503/504 are retried
 * with capped exponential backoff and jitter while the file waits on disk; other errors drop the
 * envelope and count it {@code send_error}; a 429 counts nothing (protocol section 5).
 *
 * <p>When callers outrun the worker, the in-memory queue (bounded by {@code max-queue-size} and by
 * an estimate of its bytes, {@code max-queue-bytes}) fills; an envelope it has no room for spills
 * to the outbox thread, which serializes and writes it beside the worker (the caller only enqueues
 * it: a caller never does I/O). Only when there is no outbox, or that hand-off is full too ({@value
 * #MAX_SPILLED} envelopes or a quarter of {@code max-queue-bytes}), is it dropped and counted
 * {@code queue_overflow}. The outbox in turn evicts its oldest files beyond {@code
 * outbox-max-items} and {@code outbox-max-bytes} ({@code cache_overflow}). Without an outbox, an
 * envelope is retried {@code memoryRetries} times and then counted {@code network_error} ({@code
 * send_error} after 5xx); what is left in memory at close is counted the same way.
 *
 * <p>{@link #close} stops taking envelopes, then has everything taken so far reach the disk first
 * (the memory queue, the writes under way and the spilled envelopes: no file is written after close
 * returns), then sends until its timeout; what is left stays in the outbox for the next start. The
 * disk gets at least {@value #CLOSE_DISK_MILLIS} ms for that, the timeout if longer; what a slower
 * disk has not taken by then is counted {@code queue_overflow}.
 *
 * <p>Every loss goes into the SDK's {@link DiscardRecorder}, whose counts leave as a {@code
 * client_report} item attached to the next envelope, or alone on a timer and at close.
 */
public final class AsyncTransport implements Transport {
  private static final byte[] EMPTY_HEADER = "{}\n".getBytes(StandardCharsets.UTF_8);
  private static final long EVENT_ESTIMATE_BYTES = 8 * 1024;
  private static final long ITEM_ESTIMATE_BYTES = 1024;
  // writes handed to the outbox thread and not yet done; beyond this the worker writes itself,
  // so a slow disk slows the worker (and the queue fills and counts) instead of filling the heap
  private static final int MAX_WRITES_AHEAD = 64;
  private static final long DISK_DRAIN_MILLIS = 2000;
  // how long close lets the disk take what it holds in memory, at least (the timeout if longer)
  private static final long CLOSE_DISK_MILLIS = 10_000;
  // how long close waits past its deadline for the worker to put its files and counts in order
  private static final long CLOSE_GRACE_MILLIS = 2000;
  // envelopes the memory queue had no room for, waiting for the outbox thread
  private static final int MAX_SPILLED = 256;
  private static final int INITIAL_SCRATCH_BYTES = 16 * 1024;
  // a rare big envelope's buffer is not kept
  private static final int RETAINED_SCRATCH_BYTES = 256 * 1024;

  private final TransportConfig config;
  private final DiscardRecorder recorder;
  private final @Nullable HttpSender sender;
  private final @Nullable Outbox outbox;
  // writes envelopes to the outbox in arrival order, so the worker serializes the next envelope
  // while the disk takes the last one; sending an envelope still waits for its write
  private final @Nullable ThreadPoolExecutor diskWriter;
  private final RateLimiter limiter = new RateLimiter(AsyncTransport::now);
  private final EnvelopeWriter writer;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedCount = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  // envelopes spilled to the outbox thread and not yet back with the worker, by sequence
  private final ConcurrentSkipListMap<Long, Spill> spilling = new ConcurrentSkipListMap<>();
  private final AtomicInteger spilledCount = new AtomicInteger();
  private final AtomicLong spilledBytes = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Thread worker;
  private volatile long backoffUntil;
  private volatile long closeDeadline = Long.MAX_VALUE;
  private volatile long diskDeadline = Long.MAX_VALUE;
  // false once close has had everything it took written: from then on nothing writes a file
  private volatile boolean diskOpen = true;
  private final CountDownLatch diskDone = new CountDownLatch(1);
  // entries in pending and in writing, for other threads to read
  private volatile int pendingCount;

  // the worker's own state
  private ByteArrayOutputStream scratch = new ByteArrayOutputStream(INITIAL_SCRATCH_BYTES);
  private final ArrayDeque<Entry> pending = new ArrayDeque<>();
  // entries on their way to disk, in order; they join pending once written
  private final ArrayDeque<Entry> writing = new ArrayDeque<>();
  private final List<FlushRequest> waiters = new ArrayList<>();
  private long pendingBytes;
  // bytes of stored envelopes also kept in memory, so that sending them reads nothing back
  private long cachedBytes;
  // requests on the wire, each with the client report it carries
  private final Map<Entry, InFlight> inFlight = new IdentityHashMap<>();
  private int failures;
  private long nextReportAt;
  private boolean closing;
  private boolean finalReportSent;
  private boolean warnedWrite;
  private boolean warnedTls;

  AsyncTransport(TransportConfig config, DiscardRecorder recorder) {
    this.config = config;
    this.recorder = recorder;
    this.writer =
        new EnvelopeWriter(
            (item, cause) -> recorder.record(DiscardReason.INTERNAL_SDK_ERROR, item.category(), 1));
    Path dir = config.outboxDir;
    this.outbox = dir != null ? Outbox.open(dir) : null;
    this.diskWriter = outbox != null ? diskWriter(config.threadName + "-outbox") : null;
    String url = config.url;
    this.sender = url != null ? new HttpSender(url, config) : null;
    this.nextReportAt = now() + config.clientReportIntervalMillis;
    this.worker = new Thread(this::run, config.threadName);
    worker.setDaemon(true);
    worker.start();
  }

  private static ThreadPoolExecutor diskWriter(String name) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<Runnable>(),
            task -> {
              Thread t = new Thread(task, name);
              t.setDaemon(true);
              return t;
            });
    pool.prestartCoreThread(); // a caller that spills only enqueues, never starts a thread
    return pool;
  }

  private static long now() {
    return System.nanoTime() / 1_000_000L;
  }

  @Override
  public void send(Envelope envelope) {
    try {
      if (closed.get()) {
        count(envelope.items(), DiscardReason.QUEUE_OVERFLOW);
        return;
      }
      if (DurableWrite.isActive() && outbox != null && writeNow(envelope)) {
        return;
      }
      long estimate = estimate(envelope);
      boolean full = queuedCount.incrementAndGet() > config.maxQueueSize;
      full |= queuedBytes.addAndGet(estimate) > config.maxQueueBytes;
      if (full) {
        queuedCount.decrementAndGet();
        queuedBytes.addAndGet(-estimate);
        if (!spill(envelope, estimate)) {
          count(envelope.items(), DiscardReason.QUEUE_OVERFLOW);
        }
        return;
      }
      Queued q = new Queued(envelope, estimate, sequence.incrementAndGet());
      inbox.offer(q);
      if (terminated.getCount() == 0 && inbox.remove(q)) {
        unqueue(q, DiscardReason.QUEUE_OVERFLOW); // close finished while this one came in
      }
    } catch (Throwable t) {
      Diagnostics.error("the transport could not take an envelope", t);
    }
  }

  /**
   * Hands an envelope the memory queue has no room for to the outbox thread, which serializes and
   * writes it while the worker is busy (protocol section 5: spill to disk before dropping); false
   * when there is no outbox or that hand-off is full too. The caller only enqueues.
   */
  private boolean spill(Envelope envelope, long estimate) {
    Outbox o = outbox;
    ThreadPoolExecutor disk = diskWriter;
    if (o == null || disk == null) {
      return false;
    }
    boolean full = spilledCount.incrementAndGet() > MAX_SPILLED;
    full |= spilledBytes.addAndGet(estimate) > config.maxQueueBytes / 4;
    Spill task = new Spill(o, envelope, estimate, sequence.incrementAndGet());
    if (!full) {
      spilling.put(task.seq, task);
      try {
        disk.execute(task);
        return true;
      } catch (RejectedExecutionException closing) {
        if (spilling.remove(task.seq) == null) {
          return true; // settled and counted by the worker already
        }
      }
    }
    spilledCount.decrementAndGet();
    spilledBytes.addAndGet(-estimate);
    return false;
  }

  /** Serializes and writes on the caller's thread; false if that failed (then it is queued). */
  private boolean writeNow(Envelope envelope) {
    Outbox o = outbox;
    if (o == null) {
      return false;
    }
    try {
      Entry e = serialize(envelope, sequence.incrementAndGet());
      if (e == null) {
        return true;
      }
      byte[] bytes = e.bytes;
      if (bytes != null) {
        e.path = o.write(bytes);
        e.bytes = null;
      }
      inbox.offer(e);
      return true;
    } catch (IOException | RuntimeException ex) {
      Diagnostics.warn("could not write a fatal event to disk: %s", Diagnostics.describe(ex));
      return false;
    }
  }

  private static long estimate(Envelope envelope) {
    long bytes = 256;
    for (EnvelopeItem item : envelope.items()) {
      bytes += item.event() != null ? EVENT_ESTIMATE_BYTES : ITEM_ESTIMATE_BYTES;
    }
    return bytes;
  }

  @Override
  public boolean flush(long timeoutMillis) {
    if (Thread.currentThread() == worker) {
      return false;
    }
    FlushRequest request = new FlushRequest(sequence.get());
    if (closed.get() && terminated.getCount() == 0) {
      return inbox.isEmpty();
    }
    inbox.offer(request);
    try {
      return request.done.await(timeoutMillis, TimeUnit.MILLISECONDS) && request.ok;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close(long timeoutMillis) {
    if (closed.compareAndSet(false, true)) {
      long now = now();
      closeDeadline = plus(now, timeoutMillis);
      diskDeadline = plus(now, Math.max(timeoutMillis, CLOSE_DISK_MILLIS));
      inbox.offer(Close.INSTANCE);
    }
    if (Thread.currentThread() == worker) {
      return;
    }
    try {
      // first what was taken reaches the disk, whatever the timeout, as long as the disk keeps up
      if (!diskDone.await(Math.max(0, diskDeadline - now()), TimeUnit.MILLISECONDS)) {
        diskOpen = false; // what is not written by now is counted, never written after close
      }
      // then the worker sends until the deadline; a little more lets it put its files in order
      terminated.await(
          plus(Math.max(0, closeDeadline - now()), CLOSE_GRACE_MILLIS), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  @Override
  public boolean isHealthy() {
    return !limiter.isAnyLimited() && now() >= backoffUntil;
  }

  /** Envelopes the server accepted (2xx) so far. */
  public long deliveredCount() {
    return delivered.get();
  }

  /** Requests that failed with a network error or 502/503/504 so far, each retry counted. */
  long failedAttempts() {
    return failedAttempts.get();
  }

  /** Whether nothing waits in memory, in the outbox or on the wire. */
  public boolean isIdle() {
    // in this order: each count drops only after the entry is in the next one
    return spilledCount.get() == 0
        && queuedCount.get() == 0
        && pendingCount == 0
        && inbox.isEmpty();
  }

  /** The outbox directory, or null when running memory-only. */
  public @Nullable Path outboxDir() {
    Outbox o = outbox;
    return o != null ? o.dir() : null;
  }

  // ---------------------------------------------------------------- the worker

  private void run() {
    try {
      adoptOrphans();
      while (true) {
        Object message = inbox.poll(waitMillis(), TimeUnit.MILLISECONDS);
        while (message != null) {
          handle(message);
          if (!closing && inFlight.size() < config.maxInFlight) {
            sendSafely(); // keep the wire busy while a backlog is written to disk
          }
          message = inbox.poll();
        }
        if (closing && diskOpen && writing.isEmpty() && spilling.isEmpty()) {
          closeDisk(); // all that close took is on disk (or counted): nothing writes from now on
        }
        if (closing && shouldStop()) {
          break;
        }
        step();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      Diagnostics.error("the transport's worker stopped", t);
    } finally {
      shutDown();
    }
  }

  private void step() {
    try {
      maybeSend();
      maybeSendReportAlone();
    } catch (RuntimeException e) {
      Diagnostics.error("the transport's worker failed a step", e);
    }
    checkWaiters();
  }

  private void sendSafely() {
    try {
      maybeSend();
    } catch (RuntimeException e) {
      Diagnostics.error("the transport's worker failed to send", e);
    }
  }

  private long waitMillis() {
    long now = now();
    long wait = 60_000;
    if (sender != null && inFlight.size() < config.maxInFlight && nextToSend() != null) {
      wait = Math.min(wait, backoffUntil - now);
    }
    if (config.sendClientReports && sender != null) {
      wait = Math.min(wait, nextReportAt - now);
    }
    if (closing || closeDeadline != Long.MAX_VALUE) {
      long untilDeadline = closeDeadline - now;
      // past the deadline, writes may still be coming back from the outbox thread
      wait = Math.min(wait, untilDeadline > 0 || !diskOpen ? untilDeadline : 50);
    }
    return Math.max(wait, 0);
  }

  private void handle(Object message) {
    if (message instanceof Queued) {
      Queued q = (Queued) message;
      accept(q);
      // only now: until it is written, pending or counted, it still counts as queued (isIdle)
      queuedCount.decrementAndGet();
      queuedBytes.addAndGet(-q.estimate);
    } else if (message instanceof Written) {
      written((Written) message);
    } else if (message instanceof Spilled) {
      spilled((Spilled) message);
    } else if (message instanceof Entry) {
      add((Entry) message); // written to disk by a crashing thread
    } else if (message instanceof Completion) {
      complete((Completion) message);
    } else if (message instanceof FlushRequest) {
      waiters.add((FlushRequest) message);
    } else if (message == Close.INSTANCE) {
      closing = true;
    }
  }

  private void accept(Queued q) {
    try {
      Entry e = serialize(q.envelope, q.seq);
      if (e == null) {
        return;
      }
      Outbox o = outbox;
      ThreadPoolExecutor disk = diskWriter;
      byte[] bytes = e.bytes;
      if (o == null || bytes == null) {
        add(e);
      } else if (disk != null && writing.size() < MAX_WRITES_AHEAD) {
        writing.addLast(e);
        pendingCount = pending.size() + writing.size();
        disk.execute(() -> inbox.add(write(o, e, bytes)));
      } else {
        written(write(o, e, bytes));
      }
    } catch (RuntimeException ex) {
      count(q.envelope.items(), DiscardReason.INTERNAL_SDK_ERROR);
      Diagnostics.error("an envelope could not be prepared", ex);
    }
  }

  /**
   * Writes an envelope's file; on the outbox thread, or on the worker when it is behind. Once close
   * has closed the disk, writes nothing and says so ({@link Written#refused}).
   */
  private Written write(Outbox o, Entry e, byte[] bytes) {
    if (!diskOpen) {
      return new Written(e, null, null);
    }
    try {
      return new Written(e, o.write(bytes), null);
    } catch (IOException ex) {
      return new Written(e, null, ex);
    }
  }

  /** A spilled envelope is back from the outbox thread: on disk, or dropped and counted. */
  private void spilled(Spilled s) {
    Spill task = spilling.remove(s.seq); // whoever removes it settles it
    if (task == null) {
      return;
    }
    Written w = s.written;
    if (w != null) {
      written(w);
    } else if (s.refused) {
      count(task.envelope.items(), DiscardReason.QUEUE_OVERFLOW);
    }
    // only now: it counted as spilled until it was pending (isIdle)
    spilledCount.decrementAndGet();
    spilledBytes.addAndGet(-task.estimate);
  }

  /** Everything close took is on disk or counted: from now on nothing writes a file. */
  private void closeDisk() {
    diskOpen = false;
    diskDone.countDown();
  }

  /** An envelope's write finished: it may now be sent, from disk or, memory allowing, memory. */
  private void written(Written w) {
    Entry e = w.entry;
    if (writing.peekFirst() == e) {
      writing.removeFirst();
    } else {
      writing.remove(e);
    }
    if (w.refused()) {
      pendingCount = pending.size() + writing.size();
      countEntry(e, DiscardReason.QUEUE_OVERFLOW); // close closed the disk before it was written
      return;
    }
    IOException error = w.error;
    if (error != null) {
      if (!warnedWrite) {
        warnedWrite = true;
        Diagnostics.warn("writing to the outbox failed: %s", Diagnostics.describe(error));
      }
    } else {
      e.path = w.path;
      if (cachedBytes + e.size <= config.maxQueueBytes) {
        cachedBytes += e.size; // keep them while memory allows
      } else {
        e.bytes = null;
      }
    }
    add(e);
  }

  /**
   * Drops rate-limited items (counted) and writes the rest once, without {@code sent_at}; null when
   * nothing is left.
   */
  private @Nullable Entry serialize(Envelope envelope, long seq) {
    List<EnvelopeItem> kept = filterRateLimited(envelope.items());
    if (kept.isEmpty()) {
      return null;
    }
    Envelope e = kept.size() == envelope.items().size() ? envelope : envelope.withItems(kept);
    ByteArrayOutputStream out = scratchFor(Thread.currentThread());
    List<EnvelopeItem> failed;
    try {
      failed = writer.write(e, out, null);
    } catch (IOException ex) {
      throw new IllegalStateException("writing to memory failed", ex);
    }
    List<DataCategory> categories = new ArrayList<>(kept.size());
    for (EnvelopeItem item : kept) {
      if (!failed.contains(item)) {
        categories.add(item.category());
      }
    }
    if (categories.isEmpty()) {
      return null; // every payload failed, each already counted
    }
    Entry entry = new Entry(seq);
    entry.bytes = out.toByteArray();
    entry.size = entry.bytes.length;
    entry.categories = categories;
    entry.ours = true;
    return entry;
  }

  /**
   * The worker's envelope buffer, emptied, whose array is kept from one envelope to the next (so an
   * envelope is copied once, not at each doubling); a new one for any other thread.
   */
  private ByteArrayOutputStream scratchFor(Thread thread) {
    if (thread != worker) {
      return new ByteArrayOutputStream(2048);
    }
    ByteArrayOutputStream out = scratch;
    if (out.size() > RETAINED_SCRATCH_BYTES) {
      out = scratch = new ByteArrayOutputStream(INITIAL_SCRATCH_BYTES);
    }
    out.reset();
    return out;
  }

  private List<EnvelopeItem> filterRateLimited(List<EnvelopeItem> items) {
    if (!config.rateLimits || !limiter.isAnyLimited()) {
      return items;
    }
    List<EnvelopeItem> kept = new ArrayList<>(items.size());
    for (EnvelopeItem item : items) {
      if (limiter.isLimited(item.category())) {
        count(Collections.singletonList(item), DiscardReason.RATELIMIT_BACKOFF);
      } else {
        kept.add(item);
      }
    }
    return kept;
  }

  /** Adds an entry to the outbox's index, evicting the oldest beyond the bounds. */
  private void add(Entry e) {
    trim(1, e.size);
    pending.addLast(e);
    pendingBytes += e.size;
    pendingCount = pending.size() + writing.size();
  }

  /**
   * Evicts the oldest entries not on the wire until {@code items} more entries of {@code bytes}
   * fit. Entries on the wire may hold the outbox over its bounds until they complete.
   */
  private void trim(int items, long bytes) {
    boolean onDisk = outbox != null;
    int maxItems = onDisk ? config.outboxMaxItems : config.maxQueueSize;
    long maxBytes = onDisk ? config.outboxMaxBytes : config.maxQueueBytes;
    DiscardReason reason = onDisk ? DiscardReason.CACHE_OVERFLOW : DiscardReason.QUEUE_OVERFLOW;
    while (pending.size() + items > maxItems || pendingBytes + bytes > maxBytes) {
      Entry oldest = oldestEvictable();
      if (oldest == null) {
        break;
      }
      countEntry(oldest, reason);
      remove(oldest);
    }
  }

  private @Nullable Entry oldestEvictable() {
    for (Entry e : pending) {
      if (!inFlight.containsKey(e)) {
        return e;
      }
    }
    return null;
  }

  private void remove(Entry e) {
    if (pending.removeFirstOccurrence(e)) {
      pendingBytes -= e.size;
      pendingCount = pending.size() + writing.size();
    }
    Outbox o = outbox;
    Path p = e.path;
    if (o != null && p != null) {
      if (!e.fileDeleted) {
        o.delete(p);
      }
      if (e.bytes != null) {
        cachedBytes -= e.size;
        e.bytes = null;
      }
    }
  }

  private void adoptOrphans() {
    Outbox o = outbox;
    if (o == null) {
      return;
    }
    for (Path p : o.adoptOrphans()) {
      Entry e = new Entry(0);
      e.path = p;
      try {
        e.size = Files.size(p);
      } catch (IOException ex) {
        continue;
      }
      add(e);
    }
  }

  // ---------------------------------------------------------------- sending

  private void maybeSend() {
    HttpSender s = sender;
    while (inFlight.size() < config.maxInFlight && now() >= backoffUntil && !pastDeadline()) {
      Entry e = nextToSend();
      if (s == null || e == null) {
        return;
      }
      byte[] body = prepare(e);
      if (body != null) {
        start(s, e, body);
      }
    }
  }

  private @Nullable Entry nextToSend() {
    for (Entry e : pending) {
      if (!inFlight.containsKey(e)) {
        return e;
      }
    }
    return null;
  }

  /** The bytes to send for an entry, or null when it was dropped (and counted) instead. */
  private byte @Nullable [] prepare(Entry e) {
    byte[] cached = e.bytes;
    if (e.ours && cached != null && (!config.rateLimits || !limiter.isAnyLimited())) {
      return cached; // nothing to read back, check or filter
    }
    byte[] stored;
    try {
      stored = read(e);
    } catch (NoSuchFileException gone) {
      remove(e); // deleted from outside: nothing to send or count
      return null;
    } catch (IOException ex) {
      corrupt(e, ex);
      return null;
    }
    ParsedEnvelope parsed;
    try {
      parsed = EnvelopeParser.parse(stored);
    } catch (EnvelopeFormatException | RuntimeException ex) {
      corrupt(e, ex); // never retried: a file that cannot be read now will not be read later
      return null;
    }
    List<EnvelopeItem> items = parsed.envelope().items();
    List<EnvelopeItem> kept = filterRateLimited(items);
    e.categories = categoriesOf(kept);
    if (kept.isEmpty()) {
      remove(e);
      return null;
    }
    if (kept.size() != items.size() || parsed.sentAt() != null) {
      return writer.toByteArray(parsed.envelope().withItems(kept), null);
    }
    return stored;
  }

  private byte[] read(Entry e) throws IOException {
    byte[] bytes = e.bytes;
    if (bytes != null) {
      return bytes;
    }
    Outbox o = outbox;
    Path p = e.path;
    if (o == null || p == null) {
      throw new NoSuchFileException("no bytes and no file");
    }
    return o.read(p);
  }

  /** A file that is not a whole envelope: moved aside and counted, never sent. */
  private void corrupt(Entry e, Exception cause) {
    Diagnostics.warn("a stored envelope is unreadable and set aside: %s", cause.getMessage());
    if (pending.removeFirstOccurrence(e)) {
      pendingBytes -= e.size;
      pendingCount = pending.size() + writing.size();
    }
    Outbox o = outbox;
    Path p = e.path;
    if (o != null && p != null) {
      o.moveAside(p);
    }
    recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.DEFAULT, 1);
  }

  private void start(HttpSender s, Entry e, byte[] body) {
    start(s, e, body, takeReport());
  }

  /** The counted discards as a client report item (at most 4 KiB), or null when none. */
  private ClientReportWriter.@Nullable Report takeReport() {
    if (!config.sendClientReports || limiter.isLimited(DataCategory.INTERNAL)) {
      return null;
    }
    List<Outcome> outcomes = recorder.drain();
    if (outcomes.isEmpty()) {
      return null;
    }
    ClientReportWriter.Report r = ClientReportWriter.write(outcomes, System.currentTimeMillis());
    recorder.restore(r.leftOver());
    return r.isEmpty() ? null : r;
  }

  private void start(
      HttpSender s, Entry e, byte[] body, ClientReportWriter.@Nullable Report report) {
    List<Outcome> included = report != null ? report.included() : Collections.<Outcome>emptyList();
    InFlight request = new InFlight(included);
    inFlight.put(e, request);
    byte[] reportItem = report != null ? itemBytes("client_report", report.payload()) : null;
    String sentAt = Rfc3339.format(System.currentTimeMillis());
    try {
      request.call = s.send(body, sentAt, reportItem, r -> onResult(e, r));
    } catch (RuntimeException ex) {
      IOException cause = new IOException("the request could not start", ex);
      inbox.offer(new Completion(e, new HttpSender.Result(0, null, null, null, cause)));
    }
  }

  /**
   * On an OkHttp thread: deletes the file of an envelope that is done with (so that the worker
   * spends its time writing, not deleting), then hands the result to the worker.
   */
  private void onResult(Entry e, HttpSender.Result r) {
    Outbox o = outbox;
    Path p = e.path;
    if (o != null && p != null && !isRetried(r)) {
      o.delete(p);
      e.fileDeleted = true;
    }
    inbox.offer(new Completion(e, r));
  }

  private static boolean isRetried(HttpSender.Result r) {
    return r.error != null || r.status == 502 || r.status == 503 || r.status == 504;
  }

  private static byte[] itemBytes(String type, byte[] payload) {
    byte[] header =
        ("{\"type\":\"" + type + "\",\"length\":" + payload.length + "}\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] item = new byte[header.length + payload.length + 1];
    System.arraycopy(header, 0, item, 0, header.length);
    System.arraycopy(payload, 0, item, header.length, payload.length);
    item[item.length - 1] = '\n';
    return item;
  }

  /** Sends the counted discards alone when nothing else went for a while. */
  private void maybeSendReportAlone() {
    HttpSender s = sender;
    if (s == null || !config.sendClientReports || !inFlight.isEmpty() || !pending.isEmpty()) {
      return;
    }
    long now = now();
    if (now < nextReportAt && !closing) {
      return;
    }
    nextReportAt = now + config.clientReportIntervalMillis;
    if (recorder.total() > 0 && now >= backoffUntil && !pastDeadline()) {
      ClientReportWriter.Report report = takeReport();
      if (report != null) {
        Entry e = new Entry(-1);
        e.reportOnly = true;
        start(s, e, EMPTY_HEADER, report);
      }
    }
    if (closing) {
      finalReportSent = true;
    }
  }

  private void complete(Completion c) {
    Entry e = c.entry;
    InFlight request = inFlight.remove(e);
    if (request == null) {
      return; // a cancelled request from before close
    }
    HttpSender.Result r = c.result;
    List<Outcome> report = request.report;
    if (r.status != 0 && config.rateLimits) {
      limiter.update(r.status, r.rateLimits, r.retryAfter); // on every response, 200 included
    }
    if (isRetried(r)) {
      recorder.restore(report);
      if (!e.reportOnly) {
        retryLater(e, r);
        trim(0, 0); // it was kept beyond the bounds while on the wire
      }
      return;
    }
    if (!e.reportOnly) {
      remove(e);
    }
    if (r.status >= 200 && r.status < 300) {
      delivered(e);
    } else {
      recorder.restore(report);
      if (r.status != 429 && !e.reportOnly) {
        countEntry(e, DiscardReason.SEND_ERROR);
        String why = r.sentryError != null ? ": " + r.sentryError : "";
        Diagnostics.warn("Sentry rejected an envelope with HTTP %d%s; dropped", r.status, why);
      }
    }
  }

  private void delivered(Entry e) {
    if (!e.reportOnly) {
      delivered.incrementAndGet();
    }
    if (failures > 0) {
      failures = 0;
      backoffUntil = 0;
      adoptOrphans(); // the network is back: send what other, gone JVMs left
    }
  }

  private void retryLater(Entry e, HttpSender.Result r) {
    failures++;
    e.attempts++;
    long delay = backoff(failures);
    backoffUntil = now() + delay;
    failedAttempts.incrementAndGet();
    if (e.path == null && e.attempts > config.memoryRetries) {
      remove(e);
      countEntry(e, r.error != null ? DiscardReason.NETWORK_ERROR : DiscardReason.SEND_ERROR);
      Diagnostics.warn("an envelope could not be delivered (%s); dropped", r);
    } else if (e.path != null && isTls(r.error) && !warnedTls) {
      // kept on disk and retried, yet no retry helps until the trust is fixed: say so, once
      warnedTls = true;
      Diagnostics.warn(
          "TLS with Sentry failed (%s); envelopes wait in the outbox. Is the server's certificate"
              + " trusted? (option sslSocketFactory)",
          r);
    } else {
      Diagnostics.debug("sending failed (%s); retrying in %d ms", r, delay);
    }
  }

  private static boolean isTls(@Nullable Throwable error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException) {
        return true;
      }
    }
    return false;
  }

  /** Exponential from the first delay, capped, with jitter in [delay/2, delay]. */
  long backoff(int failures) {
    int shift = Math.min(failures - 1, 20);
    long delay = Math.min(config.retryMaxMillis, config.retryInitialMillis << shift);
    return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
  }

  // ---------------------------------------------------------------- flush and close

  private void checkWaiters() {
    if (waiters.isEmpty()) {
      return;
    }
    Iterator<FlushRequest> it = waiters.iterator();
    while (it.hasNext()) {
      FlushRequest w = it.next();
      if (isSettled(w.target)) {
        w.ok = true;
        w.done.countDown();
        it.remove();
      }
    }
  }

  /** Whether every envelope up to {@code seq} was sent, dropped, or stored while sending waits. */
  private boolean isSettled(long seq) {
    Entry first = writing.peekFirst();
    if (first != null && first.seq <= seq) {
      return false; // not even on disk yet
    }
    Iterator<Long> spilled = spilling.keySet().iterator();
    if (spilled.hasNext() && spilled.next() <= seq) {
      return false;
    }
    if (sender == null) {
      return true;
    }
    boolean waiting = now() < backoffUntil || pastDeadline();
    for (Entry e : pending) {
      if (e.seq <= seq && !(waiting && e.path != null && !inFlight.containsKey(e))) {
        return false;
      }
    }
    return true;
  }

  private boolean pastDeadline() {
    return now() >= closeDeadline;
  }

  private boolean shouldStop() {
    if (diskOpen) {
      return false; // what close took goes to disk first, whatever the deadline
    }
    if (pastDeadline()) {
      return true;
    }
    if (!inFlight.isEmpty() || !writing.isEmpty()) {
      return false;
    }
    boolean moreToSend = sender != null && !pending.isEmpty() && backoffUntil < closeDeadline;
    if (moreToSend) {
      return false;
    }
    if (!finalReportSent && sender != null && config.sendClientReports) {
      maybeSendReportAlone();
      return inFlight.isEmpty();
    }
    return true;
  }

  private void shutDown() {
    for (InFlight request : inFlight.values()) {
      Call call = request.call;
      if (call != null) {
        call.cancel();
      }
      recorder.restore(request.report);
    }
    inFlight.clear();
    for (Entry e : pending) {
      if (e.path == null && sender != null) {
        countEntry(e, DiscardReason.NETWORK_ERROR); // memory only: nowhere to keep it
      }
    }
    pending.clear();
    stopDiskWriter();
    for (FlushRequest w : waiters) {
      w.done.countDown();
    }
    waiters.clear();
    diskDone.countDown();
    Outbox o = outbox;
    if (o != null) {
      o.close();
    }
    HttpSender s = sender;
    if (s != null) {
      s.close();
    }
    terminated.countDown();
    settleStopped(); // what came in while this ran: send sees terminated and settles the rest
  }

  /** Settles what is left in the inbox once the worker has stopped. */
  private void settleStopped() {
    for (Object m; (m = inbox.poll()) != null; ) {
      if (m instanceof Queued) {
        unqueue((Queued) m, DiscardReason.QUEUE_OVERFLOW);
      } else if (m instanceof FlushRequest) {
        FlushRequest w = (FlushRequest) m;
        if (terminated.getCount() == 0) {
          w.done.countDown();
        } else {
          waiters.add(w);
        }
      } else {
        settleStopped(m);
      }
    }
  }

  /** An envelope that leaves the memory queue without being placed: counted. */
  private void unqueue(Queued q, DiscardReason reason) {
    count(q.envelope.items(), reason);
    queuedCount.decrementAndGet();
    queuedBytes.addAndGet(-q.estimate);
  }

  /**
   * Lets the outbox thread finish what it holds (on disk for the next start; after a normal close
   * it holds nothing, or only writes it refuses); what it cannot finish in time is counted as lost.
   */
  private void stopDiskWriter() {
    ThreadPoolExecutor disk = diskWriter;
    if (disk == null) {
      diskOpen = false;
      settleStopped();
      return;
    }
    disk.shutdown();
    boolean done = false;
    try {
      done = disk.awaitTermination(DISK_DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    diskOpen = false; // a write still under way now is the last one
    if (!done) {
      disk.shutdownNow();
    }
    settleStopped();
    for (Entry e : writing) {
      countEntry(e, DiscardReason.QUEUE_OVERFLOW);
    }
    writing.clear();
    for (Long seq : spilling.keySet()) {
      Spill s = spilling.remove(seq);
      if (s != null) {
        count(s.envelope.items(), DiscardReason.QUEUE_OVERFLOW); // never reached the disk
      }
    }
  }

  /** A write that ended after the worker stopped: on disk for the next start, or lost. */
  private void settleStopped(Object m) {
    Written w = null;
    if (m instanceof Spilled) {
      Spilled s = (Spilled) m;
      Spill task = spilling.remove(s.seq);
      if (task == null) {
        return; // settled already
      }
      w = s.written;
      if (w == null && s.refused) {
        count(task.envelope.items(), DiscardReason.QUEUE_OVERFLOW);
      }
    } else if (m instanceof Written) {
      w = (Written) m;
      writing.remove(w.entry);
    }
    if (w != null && w.path == null) {
      countEntry(w.entry, DiscardReason.QUEUE_OVERFLOW); // failed or refused: never on disk
    }
  }

  // ---------------------------------------------------------------- counting

  private void count(List<EnvelopeItem> items, DiscardReason reason) {
    for (EnvelopeItem item : items) {
      DataCategory c = item.category();
      if (c != DataCategory.INTERNAL) {
        recorder.record(reason, c, 1);
      }
    }
  }

  private void countEntry(Entry e, DiscardReason reason) {
    List<DataCategory> categories = e.categories;
    if (categories == null) {
      categories = readCategories(e);
    }
    for (DataCategory c : categories) {
      if (c != DataCategory.INTERNAL) {
        recorder.record(reason, c, 1);
      }
    }
  }

  private List<DataCategory> readCategories(Entry e) {
    try {
      return categoriesOf(EnvelopeParser.parse(read(e)).envelope().items());
    } catch (IOException | RuntimeException ex) {
      return Collections.singletonList(DataCategory.DEFAULT);
    }
  }

  private static List<DataCategory> categoriesOf(List<EnvelopeItem> items) {
    List<DataCategory> categories = new ArrayList<>(items.size());
    for (EnvelopeItem item : items) {
      categories.add(item.category());
    }
    return categories;
  }

  @Override
  public String toString() {
    return "AsyncTransport{" + config + '}';
  }

  // ---------------------------------------------------------------- messages

  /** An envelope from {@link #send}, waiting for the worker. */
  private static final class Queued {
    final Envelope envelope;
    final long estimate;
    final long seq;

    Queued(Envelope envelope, long estimate, long seq) {
      this.envelope = envelope;
      this.estimate = estimate;
      this.seq = seq;
    }
  }

  /** On the outbox thread: serializes and writes an envelope the memory queue had no room for. */
  private final class Spill implements Runnable {
    final Outbox outbox;
    final Envelope envelope;
    final long estimate;
    final long seq;

    Spill(Outbox outbox, Envelope envelope, long estimate, long seq) {
      this.outbox = outbox;
      this.envelope = envelope;
      this.estimate = estimate;
      this.seq = seq;
    }

    @Override
    public void run() {
      Written w = null;
      if (!diskOpen) {
        inbox.add(new Spilled(seq, null, true)); // the worker counts it
        return;
      }
      try {
        Entry e = serialize(envelope, seq);
        byte[] bytes = e != null ? e.bytes : null;
        if (e != null && bytes != null) {
          w = write(outbox, e, bytes);
        }
      } catch (RuntimeException ex) {
        count(envelope.items(), DiscardReason.INTERNAL_SDK_ERROR);
        Diagnostics.error("an envelope could not be prepared", ex);
      }
      inbox.add(new Spilled(seq, w, false));
    }
  }

  /**
   * A spilled envelope's write, done; or no write, when nothing was left to write (each item
   * counted) or when close had closed the disk before it began ({@code refused}, not yet counted).
   */
  private static final class Spilled {
    final long seq;
    final @Nullable Written written;
    final boolean refused;

    Spilled(long seq, @Nullable Written written, boolean refused) {
      this.seq = seq;
      this.written = written;
      this.refused = refused;
    }
  }

  /** A serialized envelope, on disk ({@code path}) or in memory ({@code bytes}). */
  private static final class Entry {
    final long seq;
    @Nullable Path path;
    byte @Nullable [] bytes;
    long size;
    @Nullable List<DataCategory> categories;
    int attempts;
    boolean reportOnly;

    /** Written by this transport: whole, without {@code sent_at}, its categories known. */
    boolean ours;

    /** Deleted by the thread that saw its request end. */
    volatile boolean fileDeleted;

    Entry(long seq) {
      this.seq = seq;
    }
  }

  /** A request on the wire and the discards its client report holds. */
  private static final class InFlight {
    final List<Outcome> report;
    @Nullable Call call;

    InFlight(List<Outcome> report) {
      this.report = report;
    }
  }

  /** An envelope's write to the outbox, done: its file, or why there is none. */
  private static final class Written {
    final Entry entry;
    final @Nullable Path path;
    final @Nullable IOException error;

    Written(Entry entry, @Nullable Path path, @Nullable IOException error) {
      this.entry = entry;
      this.path = path;
      this.error = error;
    }

    /** Not written because close had closed the disk. */
    boolean refused() {
      return path == null && error == null;
    }
  }

  private static final class Completion {
    final Entry entry;
    final HttpSender.Result result;

    Completion(Entry entry, HttpSender.Result result) {
      this.entry = entry;
      this.result = result;
    }
  }

  private static final class FlushRequest {
    final long target;
    final CountDownLatch done = new CountDownLatch(1);
    volatile boolean ok;

    FlushRequest(long target) {
      this.target = target;
    }
  }

  private enum Close {
    INSTANCE
  }
}
