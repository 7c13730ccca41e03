package io.sentryj.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.SentryId;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.envelope.LogWriter;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.EventDefaults;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.testing.Await;
import io.sentryj.testing.Envelopes;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogBatcherTest {
  private static final long NEVER = TimeUnit.HOURS.toMillis(1);

  private final SentryOptions options =
      SentryOptions.builder().environment("staging").release("shop@1.0").build();
  private final EventDefaults defaults =
      new EventDefaults(
          new SdkVersion("sentryj.java", "0.1.0"),
          () -> "host-1",
          Collections.emptyMap(),
          Collections.emptyMap());
  private final RecordingTransport transport = new RecordingTransport();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private LogBatcher batcher;

  @AfterEach
  void tearDown() {
    if (batcher != null) {
      batcher.close(1000);
    }
  }

  @Test
  void aHundredQueuedLogsAreSentWithoutWaitingForTheTimer() {
    batcher = LogBatcher.start(options, defaults, transport, recorder, NEVER);

    for (int i = 0; i < 100; i++) {
      batcher.add(record("log " + i));
    }

    awaitEnvelopes(1);
    Envelopes.Item item = onlyItem(transport.envelopes().get(0));
    assertThat(item.header().get("item_count").getAsInt()).isEqualTo(100);
    assertThat(item.json().getAsJsonArray("items")).hasSize(100);
  }

  @Test
  void queuedLogsAreSentWhenTheIntervalPasses() {
    batcher = LogBatcher.start(options, defaults, transport, recorder, 20);

    batcher.add(record("lonely"));

    awaitEnvelopes(1);
    assertThat(onlyItem(transport.envelopes().get(0)).header().get("item_count").getAsInt())
        .isEqualTo(1);
  }

  @Test
  void flushSendsEverythingInEnvelopesOfAtMostAHundred() {
    batcher = new LogBatcher(options, defaults, transport, recorder, NEVER); // no worker

    for (int i = 0; i < 250; i++) {
      batcher.add(record("log " + i));
    }
    batcher.flush(100);

    assertThat(transport.envelopes())
        .extracting(e -> onlyItem(e).header().get("item_count").getAsInt())
        .containsExactly(100, 100, 50);
  }

  @Test
  void hugeLogsAreCutAndSplitSoNoItemPassesOneMebibyte() throws Exception {
    batcher = new LogBatcher(options, defaults, transport, recorder, NEVER); // no worker
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 100_000) {
      huge.append("0123456789");
    }
    java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>();
    for (int a = 0; a < 20; a++) {
      attributes.put("param." + a, huge.toString());
    }
    for (int i = 0; i < 100; i++) {
      batcher.add(
          new LogWriter.Record(
              System.currentTimeMillis(),
              SentryId.random(),
              null,
              LogWriter.Level.INFO,
              huge.toString(),
              attributes));
    }
    batcher.flush(100);

    assertThat(transport.envelopes()).hasSizeGreaterThan(1);
    int logs = 0;
    for (io.sentryj.Envelope envelope : transport.envelopes()) {
      byte[] payload = envelope.items().get(0).payload();
      assertThat(payload.length).isLessThanOrEqualTo(1024 * 1024);
      logs += onlyItem(envelope).header().get("item_count").getAsInt();
    }
    assertThat(logs).isEqualTo(100);
  }

  @Test
  void closeSendsWhatIsLeftAndLaterLogsAreCountedAsDropped() {
    batcher = LogBatcher.start(options, defaults, transport, recorder, NEVER);
    batcher.add(record("before close"));

    batcher.close(1000);
    batcher.add(record("after close"));

    assertThat(transport.envelopes()).hasSize(1);
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.LOG_ITEM)).isEqualTo(1);
  }

  @Test
  void overflowBeyondAThousandIsCountedAsLogItemsAndLogBytes() {
    batcher = new LogBatcher(options, defaults, transport, recorder, NEVER); // no worker

    for (int i = 0; i < 1005; i++) {
      batcher.add(record("log " + i));
    }

    assertThat(batcher.queued()).isEqualTo(1000);
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.LOG_ITEM)).isEqualTo(5);
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.LOG_BYTE))
        .isGreaterThan(5 * 8);
  }

  @Test
  void logsCarryTheDefaultAttributesAndTheEnvelopeNoTraceHeader() {
    batcher = new LogBatcher(options, defaults, transport, recorder, NEVER);
    batcher.add(record("with defaults"));
    batcher.flush(100);

    Envelope envelope = transport.envelopes().get(0);
    Envelopes.Parsed parsed = Envelopes.parse(new EnvelopeWriter().toByteArray(envelope, null));
    assertThat(parsed.header().has("trace")).isFalse();
    assertThat(parsed.header().getAsJsonObject("sdk").get("name").getAsString())
        .isEqualTo("sentryj.java");
    JsonObject attrs =
        parsed
            .only("log")
            .json()
            .getAsJsonArray("items")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("attributes");
    assertThat(value(attrs, "sentry.environment")).isEqualTo("staging");
    assertThat(value(attrs, "sentry.release")).isEqualTo("shop@1.0");
    assertThat(value(attrs, "sentry.sdk.name")).isEqualTo("sentryj.java");
    assertThat(value(attrs, "sentry.sdk.version")).isEqualTo("0.1.0");
    assertThat(value(attrs, "server.address")).isEqualTo("host-1");
  }

  private static String value(JsonObject attrs, String key) {
    return attrs.getAsJsonObject(key).get("value").getAsString();
  }

  private static Envelopes.Item onlyItem(Envelope envelope) {
    Envelopes.Parsed parsed = Envelopes.parse(new EnvelopeWriter().toByteArray(envelope, null));
    assertThat(parsed.items()).hasSize(1);
    return parsed.only("log");
  }

  private static LogWriter.Record record(String body) {
    return new LogWriter.Record(
        System.currentTimeMillis(),
        SentryId.random(),
        null,
        LogWriter.Level.INFO,
        body,
        Collections.emptyMap());
  }

  private void awaitEnvelopes(int count) {
    Await.until(count + " envelopes", 30_000, () -> transport.envelopes().size() >= count);
    assertThat(transport.envelopes()).hasSizeGreaterThanOrEqualTo(count);
  }
}
