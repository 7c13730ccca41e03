package io.sentryj.internal.transport;

import io.sentryj.DataCategory;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.DiscardRecorder.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of delivery: what an answer means for an envelope and for the requests after it, when
 * the next request may start, and the client reports (protocol sections 4 and 5).
 *
 * <ul>
 *   <li>2xx: delivered. 429: dropped, not counted (Sentry counted it). Other 4xx and 5xx: dropped,
 *       counted {@code send_error}, never retried; but 502, 503 and 504 are an outage and retried.
 *   <li>No answer: retried, unless the request had been written whole and the envelope carries no
 *       {@code event_id}: Sentry may have it already and could not tell the copy from a new one (a
 *       session update or logs would count twice), so it is dropped, counted {@code network_error}.
 *       An event is sent again with the same id.
 *   <li>Rate limits are read from every answer, 200 included ({@link RateLimiter}).
 *   <li>After a failure only one request at a time probes, on the {@link Backoff} schedule; the
 *       first success brings back {@code maxInFlight} requests at once.
 * </ul>
 *
 * <p>Drops that a closed SDK counts after its last report (a capture racing {@code Sentry.init} or
 * {@code close}) are reported by the next SDK to start in the JVM: each closing policy retires its
 * recorder here, and the next one drains it with its own.
 *
 * <p>Owned by the processor's worker, apart from {@link #limiter} and {@link #isHealthy}.
 */
final class DeliveryPolicy {
  /** What an answer means for the envelope. */
  enum Verdict {
    DELIVERED,
    RETRY,
    /** Dropped and counted {@code send_error}. */
    REJECTED,
    /** Dropped and not counted: a 429. */
    LIMITED,
    /** Dropped and counted {@code network_error}: in doubt, and not safe to send twice. */
    LOST
  }

  private static final AtomicReference<@Nullable DiscardRecorder> RETIRED = new AtomicReference<>();

  private final TransportConfig config;
  private final DiscardRecorder recorder;
  private final RateLimiter limiter = new RateLimiter(DeliveryPolicy::now);
  private final Backoff backoff;
  private boolean recovered;
  private boolean warnedTls;

  DeliveryPolicy(TransportConfig config, DiscardRecorder recorder) {
    this.config = config;
    this.recorder = recorder;
    this.backoff = new Backoff(config.retryInitialMillis, config.retryMaxMillis);
  }

  /** The clock of delivery: milliseconds that only go forward. */
  static long now() {
    return System.nanoTime() / 1_000_000L;
  }

  RateLimiter limiter() {
    return limiter;
  }

  /** What the answer means; updates the rate limits and the backoff. */
  Verdict judge(StoredEnvelope e, SendResult r) {
    if (r.status != 0 && config.rateLimits) {
      limiter.update(r.status, r.rateLimits, r.retryAfter); // on every answer, 200 included
    }
    int s = r.status;
    if (r.accepted() || s == 429 || (s != 0 && s != 502 && s != 503 && s != 504)) {
      recovered |= backoff.succeeded(); // Sentry answered
      if (r.accepted()) {
        return Verdict.DELIVERED;
      }
      if (s == 429) {
        return Verdict.LIMITED;
      }
      String why = r.sentryError != null ? ": " + r.sentryError : "";
      Diagnostics.warn("Sentry rejected an envelope with HTTP %d%s; dropped", s, why);
      return Verdict.REJECTED;
    }
    long delay = backoff.failed(now(), s != 0 ? RateLimiter.retryAfterMillis(r.retryAfter) : -1);
    if (s == 0 && r.requestSent && !e.hasEventId) {
      return Verdict.LOST;
    }
    if (e.isStored() && isTls(r.error) && !warnedTls) {
      // kept on disk and retried, yet no retry helps until the trust is fixed: say so, once
      warnedTls = true;
      Diagnostics.warn(
          "TLS with Sentry failed (%s); envelopes wait in the outbox. Is the server's certificate"
              + " trusted? (option sslSocketFactory)",
          r);
    } else {
      Diagnostics.debug("sending failed (%s); retrying in %d ms", r, delay);
    }
    return Verdict.RETRY;
  }

  private static boolean isTls(@Nullable Throwable error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  /** Whether a request may start now, with {@code running} on the wire. */
  boolean mayStart(int running, long now) {
    if (backoff.isWaiting(now)) {
      return false;
    }
    return backoff.isFailing() ? running == 0 : running < config.maxInFlight;
  }

  /** When a request may start, if one may not now. */
  long nextStartAt() {
    return backoff.until();
  }

  /** Whether the last answer ended a run of failures (once): the network is back. */
  boolean takeRecovered() {
    boolean r = recovered;
    recovered = false;
    return r;
  }

  /** Whether every one of these categories is rate limited now. */
  boolean allLimited(List<DataCategory> categories) {
    if (!config.rateLimits || !limiter.isAnyLimited()) {
      return false;
    }
    for (DataCategory c : categories) {
      if (!limiter.isLimited(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether delivery is normal: not rate limited, not waiting after a failure. */
  boolean isHealthy() {
    return !limiter.isAnyLimited() && !backoff.isWaiting(now());
  }

  /** Whether there are counts to report. */
  boolean hasCounts() {
    DiscardRecorder retired = retired();
    return recorder.total() > 0 || (retired != null && retired.total() > 0);
  }

  /** A closed SDK's recorder whose late counts this one reports, or null. */
  private @Nullable DiscardRecorder retired() {
    DiscardRecorder retired = config.carryOverDrops ? RETIRED.get() : null;
    return retired != recorder ? retired : null;
  }

  /**
   * The counted discards as a client report item (at most 4 KiB), or null when there are none or
   * reports may not go now; what does not fit stays for the next one.
   *
   * @param forNextStart for the outbox at close: a rate limit now does not hold it back
   */
  ClientReportWriter.@Nullable Report takeReport(boolean forNextStart) {
    boolean limited = !forNextStart && limiter.isLimited(DataCategory.INTERNAL);
    if (!config.sendClientReports || limited) {
      return null;
    }
    List<Outcome> outcomes = drainCounts();
    if (outcomes.isEmpty()) {
      return null;
    }
    ClientReportWriter.Report r = ClientReportWriter.write(outcomes, System.currentTimeMillis());
    recorder.restore(r.leftOver());
    return r.isEmpty() ? null : r;
  }

  private List<Outcome> drainCounts() {
    List<Outcome> outcomes = recorder.drain();
    DiscardRecorder retired = retired();
    if (retired != null && retired.total() > 0) {
      List<Outcome> all = new ArrayList<>(outcomes);
      all.addAll(retired.drain());
      return all;
    }
    return outcomes;
  }

  /** Counts one envelope's items (client reports aside) as dropped for {@code reason}. */
  void count(List<DataCategory> categories, io.sentryj.DiscardReason reason) {
    for (DataCategory c : categories) {
      if (c != DataCategory.INTERNAL) {
        recorder.record(reason, c, 1);
      }
    }
  }

  /** Gives back the counts of a report that was not delivered. */
  void restore(List<Outcome> report) {
    recorder.restore(report);
  }

  /**
   * At close, after the last report: drops counted from now on wait for the next SDK to start in
   * this JVM. Only the SDK's own transport retires its recorder.
   */
  void retire() {
    if (config.carryOverDrops) {
      DiscardRecorder previous = RETIRED.getAndSet(recorder);
      if (previous != null && previous != recorder) {
        recorder.restore(previous.drain());
      }
    }
  }

  @Override
  public String toString() {
    return "DeliveryPolicy{" + limiter + ", " + backoff + '}';
  }

  static List<Outcome> none() {
    return Collections.emptyList();
  }
}
