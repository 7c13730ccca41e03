package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.internal.envelope.ClientReportWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** What each answer means (protocol sections 4 and 5), and when the next request may go. */
class DeliveryPolicyTest {
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final TransportConfig config = new TransportConfig();
  private final DeliveryPolicy policy = new DeliveryPolicy(config, recorder);

  private static StoredEnvelope envelope(boolean hasEventId) {
    return new StoredEnvelope(
        1,
        Paths.get("x.envelope"),
        null,
        10,
        Collections.singletonList(hasEventId ? DataCategory.ERROR : DataCategory.SESSION),
        hasEventId,
        false);
  }

  private DeliveryPolicy.Verdict judge(int status, boolean hasEventId) {
    return policy.judge(envelope(hasEventId), SendResult.answered(status, null, null, null));
  }

  @Test
  void eachAnswerHasItsVerdict() {
    assertThat(judge(200, true)).isEqualTo(DeliveryPolicy.Verdict.DELIVERED);
    assertThat(judge(202, false)).isEqualTo(DeliveryPolicy.Verdict.DELIVERED);
    assertThat(judge(429, true)).isEqualTo(DeliveryPolicy.Verdict.LIMITED);
    assertThat(judge(400, true)).isEqualTo(DeliveryPolicy.Verdict.REJECTED);
    assertThat(judge(413, true)).isEqualTo(DeliveryPolicy.Verdict.REJECTED);
    assertThat(judge(500, true)).isEqualTo(DeliveryPolicy.Verdict.REJECTED);
    assertThat(judge(502, false)).isEqualTo(DeliveryPolicy.Verdict.RETRY);
    assertThat(judge(503, false)).isEqualTo(DeliveryPolicy.Verdict.RETRY);
    assertThat(judge(504, true)).isEqualTo(DeliveryPolicy.Verdict.RETRY);
  }

  @Test
  void noAnswerBeforeTheRequestWasWrittenIsRetriedWhateverItCarries() {
    SendResult refused = SendResult.failed(new IOException("refused"), false);
    assertThat(policy.judge(envelope(false), refused)).isEqualTo(DeliveryPolicy.Verdict.RETRY);
    assertThat(policy.judge(envelope(true), refused)).isEqualTo(DeliveryPolicy.Verdict.RETRY);
  }

  @Test
  void noAnswerAfterTheRequestWasWrittenIsRetriedOnlyWithAnEventId() {
    SendResult lost = SendResult.failed(new IOException("timed out"), true);
    assertThat(policy.judge(envelope(true), lost)).isEqualTo(DeliveryPolicy.Verdict.RETRY);
    assertThat(policy.judge(envelope(false), lost)).isEqualTo(DeliveryPolicy.Verdict.LOST);
  }

  @Test
  void afterAFailureOneProbeAtATimeOnACappedScheduleThenFullSpeedAgain() {
    long now = DeliveryPolicy.now();
    assertThat(policy.mayStart(config.maxInFlight - 1, now)).isTrue();
    assertThat(policy.mayStart(config.maxInFlight, now)).isFalse();
    for (int i = 0; i < 30; i++) {
      judge(503, true);
      assertThat(policy.nextStartAt() - DeliveryPolicy.now())
          .as("never more than the cap")
          .isLessThanOrEqualTo(TransportConfig.RETRY_MAX_MILLIS);
    }
    long after = policy.nextStartAt();
    assertThat(policy.mayStart(0, after - 1)).isFalse();
    assertThat(policy.mayStart(0, after)).as("one probe").isTrue();
    assertThat(policy.mayStart(1, after)).as("only one").isFalse();
    assertThat(policy.isHealthy()).isFalse();

    judge(200, true);
    assertThat(policy.takeRecovered()).isTrue();
    assertThat(policy.takeRecovered()).as("once").isFalse();
    assertThat(policy.mayStart(config.maxInFlight - 1, DeliveryPolicy.now())).isTrue();
    assertThat(policy.isHealthy()).isTrue();
  }

  @Test
  void aRetryAfterOnA503IsHonoured() {
    long before = DeliveryPolicy.now();
    policy.judge(envelope(true), SendResult.answered(503, null, "30", null));
    assertThat(policy.nextStartAt() - before).isGreaterThanOrEqualTo(30_000);
  }

  @Test
  void rateLimitsAreReadFromEveryAnswerAndCoverTheirCategories() {
    judge(200, true);
    policy.judge(envelope(true), SendResult.answered(200, "60:error:key", null, null));
    assertThat(policy.allLimited(Collections.singletonList(DataCategory.ERROR))).isTrue();
    assertThat(policy.allLimited(Collections.singletonList(DataCategory.SESSION))).isFalse();
    assertThat(policy.isHealthy()).isFalse();
  }

  @Test
  void aReportTakesTheCountsAndGivesThemBackIfNotDelivered() {
    recorder.record(DiscardReason.SAMPLE_RATE, DataCategory.ERROR, 3);
    ClientReportWriter.Report r = policy.takeReport(false);
    assertThat(r).isNotNull();
    assertThat(recorder.total()).isZero();
    policy.restore(r.included());
    assertThat(recorder.count(DiscardReason.SAMPLE_RATE, DataCategory.ERROR)).isEqualTo(3);
  }

  @Test
  void noReportWhileEverythingIsLimitedButOneForTheNextStart() {
    recorder.record(DiscardReason.SAMPLE_RATE, DataCategory.ERROR, 1);
    policy.judge(envelope(true), SendResult.answered(429, null, "60", null));
    assertThat(policy.takeReport(false)).isNull();
    assertThat(policy.takeReport(true)).isNotNull();
  }
}
