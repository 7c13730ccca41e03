package io.sentryj.internal.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.EnvelopeItem;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.DiscardRecorder.Outcome;
import io.sentryj.testing.TestEvents;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientReportWriterTest {
  @Test
  void writesTimestampAndDiscardedEvents() {
    List<Outcome> outcomes =
        List.of(
            new Outcome(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR, 3),
            new Outcome(DiscardReason.RATELIMIT_BACKOFF, DataCategory.ATTACHMENT, 1));

    ClientReportWriter.Report report = ClientReportWriter.write(outcomes, TestEvents.TIMESTAMP);

    assertThat(new String(report.payload(), UTF_8))
        .isEqualTo(
            "{\"timestamp\":\"2026-11-24T10:15:30.123Z\",\"discarded_events\":["
                + "{\"reason\":\"queue_overflow\",\"category\":\"error\",\"quantity\":3},"
                + "{\"reason\":\"ratelimit_backoff\",\"category\":\"attachment\",\"quantity\":1}]}");
    assertThat(report.included()).isEqualTo(outcomes);
    assertThat(report.leftOver()).isEmpty();
    assertThat(report.isEmpty()).isFalse();
  }

  @Test
  void everyPossibleOutcomeAtOnceIsCutTo4KiBAndTheRestLeftOverForLater() {
    DiscardRecorder recorder = new DiscardRecorder(null);
    for (DiscardReason reason : DiscardReason.values()) {
      for (DataCategory category : DataCategory.values()) {
        recorder.record(reason, category, Long.MAX_VALUE / 2);
      }
    }
    List<Outcome> drained = recorder.drain();
    long total = sum(drained);

    ClientReportWriter.Report report = ClientReportWriter.write(drained, TestEvents.TIMESTAMP);
    recorder.restore(report.leftOver());

    assertThat(report.payload().length).isLessThanOrEqualTo(ClientReportWriter.MAX_BYTES);
    assertThat(report.leftOver()).isNotEmpty();
    JsonArray events = parse(report.payload()).getAsJsonArray("discarded_events");
    assertThat(events).hasSize(report.included().size());
    assertThat(sum(report.included()) + recorder.total()).isEqualTo(total);
    // It is full: the first left-over entry (and its comma) would not have fit.
    Outcome next = report.leftOver().get(0);
    String nextEntry =
        String.format(
            ",{\"reason\":\"%s\",\"category\":\"%s\",\"quantity\":%d}",
            next.reason.protocolName(), next.category.protocolName(), next.quantity);
    assertThat(report.payload().length + nextEntry.length())
        .isGreaterThan(ClientReportWriter.MAX_BYTES);
  }

  @Test
  void zeroQuantitiesAreLeftOutAndNothingToReportIsEmpty() {
    ClientReportWriter.Report report =
        ClientReportWriter.write(
            List.of(new Outcome(DiscardReason.SAMPLE_RATE, DataCategory.ERROR, 0)), 0L);

    assertThat(report.isEmpty()).isTrue();
    assertThat(report.leftOver()).isEmpty();
    assertThat(new String(report.payload(), UTF_8)).endsWith("\"discarded_events\":[]}");
  }

  @Test
  void itemIsAClientReport() throws IOException {
    ClientReportWriter.Report report =
        ClientReportWriter.write(
            List.of(new Outcome(DiscardReason.BEFORE_SEND, DataCategory.ERROR, 1)), 0L);

    EnvelopeItem item = report.toItem();

    assertThat(item.type()).isEqualTo("client_report");
    assertThat(item.category()).isEqualTo(DataCategory.INTERNAL);
    assertThat(item.payload()).isEqualTo(report.payload());
  }

  private static long sum(List<Outcome> outcomes) {
    long sum = 0;
    for (Outcome o : outcomes) {
      sum += o.quantity;
    }
    return sum;
  }

  private static JsonObject parse(byte[] json) {
    return JsonParser.parseString(new String(json, UTF_8)).getAsJsonObject();
  }
}
