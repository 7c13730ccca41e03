package io.sentryj.internal.transport;

import io.sentryj.Envelope;
import io.sentryj.internal.pipeline.DiscardRecorder.Outcome;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link DeliveryProcessor}'s worker is told, one message at a time and in order: the
 * worker alone changes the store, the policy and the flush waiters, so none of them needs a lock.
 */
abstract class Message {
  private Message() {}

  /** An envelope from {@code send}, waiting to be serialized and stored. */
  static final class Queued extends Message {
    final Envelope envelope;
    final long retainedBytes;
    final long seq;

    /** Counted down once the envelope is stored, for a caller that waits (a dying thread). */
    final @Nullable CountDownLatch stored;

    Queued(Envelope envelope, long retainedBytes, long seq, @Nullable CountDownLatch stored) {
      this.envelope = envelope;
      this.retainedBytes = retainedBytes;
      this.seq = seq;
      this.stored = stored;
    }
  }

  /** A request ended, or never started because there was nothing to send. */
  static final class Sent extends Message {
    /** Why a request did not start. */
    enum NotSent {
      /** The file was deleted from outside: nothing to send or count. */
      GONE,
      /** The file is not a whole envelope: set aside and counted. */
      CORRUPT,
      /** Every item is rate limited: each was counted as it was left out. */
      LIMITED
    }

    final StoredEnvelope envelope;
    final @Nullable SendResult result;
    final @Nullable NotSent notSent;

    /** The counts of the client report that rode along: given back unless it was delivered. */
    final List<Outcome> report;

    Sent(
        StoredEnvelope envelope,
        @Nullable SendResult result,
        @Nullable NotSent notSent,
        List<Outcome> report) {
      this.envelope = envelope;
      this.result = result;
      this.notSent = notSent;
      this.report = report;
    }
  }

  /** Envelopes an earlier run left in the outbox, now this outbox's. */
  static final class Adopted extends Message {
    final List<StoredEnvelope> envelopes;

    Adopted(List<StoredEnvelope> envelopes) {
      this.envelopes = envelopes;
    }
  }

  /** A caller of {@code flush}, waiting until everything captured up to {@code target} is done. */
  static final class Flush extends Message {
    final long target;
    final CountDownLatch done = new CountDownLatch(1);
    volatile boolean delivered;

    /** Set by the caller whose timeout passed: the worker forgets it. */
    volatile boolean abandoned;

    Flush(long target) {
      this.target = target;
    }
  }

  /** {@code close}: stop when all is sent or at {@code deadline}, the disk first. */
  static final class Close extends Message {
    final long deadline;
    final long diskDeadline;

    /** Set by the worker once the last client report is stored, to go before the deadline. */
    boolean reportStored;

    /** Set by the worker once what was on the wire is cancelled. */
    boolean cancelled;

    Close(long deadline, long diskDeadline) {
      this.deadline = deadline;
      this.diskDeadline = diskDeadline;
    }
  }
}
