package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.protocol.SentryEvent;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Keeps each event with probability {@code sampleRate}. */
final class SamplingStage implements Stage {
  private final double sampleRate;

  SamplingStage(double sampleRate) {
    this.sampleRate = sampleRate;
  }

  @Override
  public @Nullable SentryEvent apply(SentryEvent event, Capture capture) {
    return ThreadLocalRandom.current().nextDouble() < sampleRate ? event : null;
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.SAMPLE_RATE;
  }

  @Override
  public String toString() {
    return "SamplingStage{" + sampleRate + '}';
  }
}
