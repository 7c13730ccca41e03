package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.envelope.EnvelopeFormatException;
import io.sentryj.internal.envelope.EnvelopeParser;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.envelope.ParsedEnvelope;
import io.sentryj.internal.envelope.Rfc3339;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.DiscardRecorder.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request, on a {@link Dispatcher} thread: reads the stored envelope (from memory or the
 * outbox), leaves out the items a rate limit covers now (each counted {@code ratelimit_backoff},
 * protocol section 4), sends it through the {@link Sender} with a client report riding along,
 * deletes its file as soon as Sentry accepted it (so that it is never sent again), and tells the
 * worker what became of it. Never throws: even an {@link OutOfMemoryError} is a failed attempt, and
 * the envelope stays for a retry.
 */
final class SendAttempt {
  private final TransportConfig config;
  private final Sender sender;
  private final @Nullable OutboxFiles files;
  private final RateLimiter limiter;
  private final DiscardRecorder recorder;
  private final MemoryBudget memory;
  private final EnvelopeWriter writer = new EnvelopeWriter();

  SendAttempt(
      TransportConfig config,
      Sender sender,
      @Nullable OutboxFiles files,
      RateLimiter limiter,
      DiscardRecorder recorder,
      MemoryBudget memory) {
    this.config = config;
    this.sender = sender;
    this.files = files;
    this.limiter = limiter;
    this.recorder = recorder;
    this.memory = memory;
  }

  /** Sends {@code e} once; what became of it, for the worker. */
  Message.Sent run(StoredEnvelope e, ClientReportWriter.@Nullable Report report) {
    List<Outcome> counts = report != null ? report.included() : DeliveryPolicy.none();
    try {
      return send(e, report != null ? itemBytes(report.payload()) : null, counts);
    } catch (Throwable t) { // an OutOfMemoryError included
      SendResult failed = SendResult.failed(new IOException(t.toString()), false);
      return new Message.Sent(e, failed, null, counts);
    }
  }

  private Message.Sent send(StoredEnvelope e, byte @Nullable [] reportItem, List<Outcome> counts) {
    byte[] stored = e.bytes;
    long read = 0;
    if (stored == null) {
      try {
        stored = readFile(e);
      } catch (NoSuchFileException gone) {
        return new Message.Sent(e, null, Message.Sent.NotSent.GONE, counts);
      } catch (IOException unreadable) {
        return new Message.Sent(e, null, Message.Sent.NotSent.CORRUPT, counts);
      }
      read = stored.length;
      memory.add(0, read); // read back for this request: memory held until it ends
    }
    try {
      byte[] body = withoutLimitedItems(stored);
      if (body == null) {
        return new Message.Sent(e, null, Message.Sent.NotSent.LIMITED, counts);
      }
      String sentAt = Rfc3339.format(System.currentTimeMillis());
      SendResult r = sender.send(body, sentAt, reportItem, !e.hasEventId);
      if (r.accepted()) {
        doneOnDisk(e); // at once: an envelope Sentry accepted is never sent again
      }
      return new Message.Sent(e, r, null, counts);
    } catch (EnvelopeFormatException corrupt) {
      return new Message.Sent(e, null, Message.Sent.NotSent.CORRUPT, counts);
    } finally {
      memory.release(0, read);
    }
  }

  private byte[] readFile(StoredEnvelope e) throws IOException {
    OutboxFiles f = files;
    Path p = e.path;
    Path batch = e.batch;
    if (f != null && p != null) {
      return f.read(p);
    }
    if (f != null && batch != null) {
      return f.readFromBatch(batch, e.batchOffset, (int) e.size);
    }
    throw new NoSuchFileException("no bytes and no file");
  }

  /**
   * Its file deleted, or its index in its batch acknowledged; if that fails the worker tries again
   * as it removes the envelope.
   */
  private void doneOnDisk(StoredEnvelope e) {
    OutboxFiles f = files;
    Path p = e.path;
    Path batch = e.batch;
    if (f != null && p != null) {
      f.delete(p);
      e.fileDeleted = true;
    } else if (f != null && batch != null) {
      try {
        f.ack(batch, e.batchIndex);
        e.fileDeleted = true;
      } catch (IOException ex) {
        io.sentryj.internal.diag.Diagnostics.debug("acknowledging failed: %s", ex);
      }
    }
  }

  /** The envelope without the items a rate limit covers now, or null when none is left. */
  private byte @Nullable [] withoutLimitedItems(byte[] stored) throws EnvelopeFormatException {
    if (!config.rateLimits || !limiter.isAnyLimited()) {
      return stored;
    }
    ParsedEnvelope parsed = EnvelopeParser.parse(stored);
    List<EnvelopeItem> items = parsed.envelope().items();
    List<EnvelopeItem> kept = new ArrayList<>(items.size());
    for (EnvelopeItem item : items) {
      DataCategory c = item.category();
      if (!limiter.isLimited(c)) {
        kept.add(item);
      } else if (c != DataCategory.INTERNAL) {
        recorder.record(DiscardReason.RATELIMIT_BACKOFF, c, 1);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    return kept.size() == items.size()
        ? stored
        : writer.toByteArray(parsed.envelope().withItems(kept), null);
  }

  /** A {@code client_report} item: its header line, the payload and the newline. */
  static byte[] itemBytes(byte[] payload) {
    byte[] header =
        ("{\"type\":\"client_report\",\"length\":" + payload.length + "}\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] item = new byte[header.length + payload.length + 1];
    System.arraycopy(header, 0, item, 0, header.length);
    System.arraycopy(payload, 0, item, header.length, payload.length);
    item[item.length - 1] = '\n';
    return item;
  }

  @Override
  public String toString() {
    return "SendAttempt{" + sender + '}';
  }
}
