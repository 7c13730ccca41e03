package io.sentryj.internal.scope;

import io.sentryj.SentryId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The trace an isolation scope belongs to when no span is active (protocol section 7): every error
 * event carries it as {@code contexts.trace}, and outgoing requests propagate it. Immutable; a new
 * one is made when a scope starts or continues a trace.
 */
public final class PropagationContext {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SentryId traceId;
  private final String spanId;
  private final @Nullable String parentSpanId;
  private final @Nullable Boolean sampled;
  private final double sampleRand;
  private final @Nullable Map<String, String> frozenDsc;

  PropagationContext(
      SentryId traceId,
      String spanId,
      @Nullable String parentSpanId,
      @Nullable Boolean sampled,
      double sampleRand,
      @Nullable Map<String, String> frozenDsc) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.sampled = sampled;
    this.sampleRand = sampleRand;
    this.frozenDsc = frozenDsc;
  }

  /** A new trace with random ids and deferred sampling. */
  public static PropagationContext newTrace() {
    return new PropagationContext(
        SentryId.random(),
        randomSpanId(),
        null,
        null,
        ThreadLocalRandom.current().nextDouble(),
        null);
  }

  /**
   * Continues an incoming trace: same trace id, the caller's span as parent, a new span id.
   *
   * @param sampleRand the incoming {@code sentry-sample_rand}, or null to draw one
   */
  public static PropagationContext continueTrace(
      SentryId traceId,
      String parentSpanId,
      @Nullable Boolean sampled,
      @Nullable Double sampleRand) {
    return continueTrace(traceId, parentSpanId, sampled, sampleRand, null);
  }

  /**
   * Continues an incoming trace whose caller sent its dynamic sampling context in {@code baggage}:
   * that context is frozen (protocol section 7) and becomes the {@code trace} header of envelopes.
   *
   * @param frozenDsc the caller's {@code sentry-*} baggage values, keys without the prefix
   */
  public static PropagationContext continueTrace(
      SentryId traceId,
      String parentSpanId,
      @Nullable Boolean sampled,
      @Nullable Double sampleRand,
      @Nullable Map<String, String> frozenDsc) {
    double rand = sampleRand != null ? sampleRand : ThreadLocalRandom.current().nextDouble();
    Map<String, String> dsc =
        frozenDsc == null || frozenDsc.isEmpty()
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(frozenDsc));
    return new PropagationContext(traceId, randomSpanId(), parentSpanId, sampled, rand, dsc);
  }

  /** A random 16-hex-digit span id. */
  public static String randomSpanId() {
    long value = ThreadLocalRandom.current().nextLong();
    if (value == 0L) {
      value = 1L;
    }
    char[] chars = new char[16];
    for (int i = 15; i >= 0; i--) {
      chars[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return new String(chars);
  }

  public SentryId traceId() {
    return traceId;
  }

  public String spanId() {
    return spanId;
  }

  public @Nullable String parentSpanId() {
    return parentSpanId;
  }

  /** The caller's sampling decision, or null when deferred. */
  public @Nullable Boolean sampled() {
    return sampled;
  }

  /** The random number in [0, 1) that sampling decisions of this trace compare against. */
  public double sampleRand() {
    return sampleRand;
  }

  /** The caller's dynamic sampling context, frozen, or null when this SDK makes its own. */
  public @Nullable Map<String, String> frozenDsc() {
    return frozenDsc;
  }

  @Override
  public String toString() {
    return "PropagationContext{" + traceId + "-" + spanId + '}';
  }
}
