package io.sentryj.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionAggregatorTest {
  private static final long MINUTE = Instant.parse("2026-11-24T10:15:00Z").toEpochMilli();

  private final RecordingTransport transport = new RecordingTransport();
  private SessionAggregator aggregator;

  @AfterEach
  void close() {
    if (aggregator != null) {
      aggregator.close();
    }
  }

  @Test
  void whenCloseReturnsTheTimersThreadHasEnded() {
    for (int i = 0; i < 20; i++) { // the thread's end raced close's return; try it a few times
      SessionAggregator a = new SessionAggregator(transport, "shop@1.0", "staging", 1);
      a.record(MINUTE, false, false); // starts the timer, which flushes every millisecond
      a.close();
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().equals("sentryj-sessions") && t.isAlive());
    }
  }

  @Test
  void requestsAreCountedPerMinuteOfTheirStartAndSentAtClose() throws Exception {
    aggregator = new SessionAggregator(transport, "shop@1.0", "staging", 60_000);
    aggregator.record(MINUTE + 1_000, false, false);
    aggregator.record(MINUTE + 59_999, false, false);
    aggregator.record(MINUTE + 30_000, true, false);
    aggregator.record(MINUTE + 60_000, true, true); // crashed wins over errored
    aggregator.record(MINUTE + 61_000, false, false);

    aggregator.close();

    JsonObject payload = onlySessionsPayload();
    JsonArray aggregates = payload.getAsJsonArray("aggregates");
    assertThat(aggregates).hasSize(2);
    JsonObject first = aggregates.get(0).getAsJsonObject();
    assertThat(first.get("started").getAsString()).startsWith("2026-11-24T10:15:00");
    assertThat(first.get("exited").getAsInt()).isEqualTo(2);
    assertThat(first.get("errored").getAsInt()).isEqualTo(1);
    assertThat(first.has("crashed")).isFalse();
    JsonObject second = aggregates.get(1).getAsJsonObject();
    assertThat(second.get("started").getAsString()).startsWith("2026-11-24T10:16:00");
    assertThat(second.get("exited").getAsInt()).isEqualTo(1);
    assertThat(second.get("crashed").getAsInt()).isEqualTo(1);
    assertThat(second.has("errored")).isFalse();
    JsonObject attrs = payload.getAsJsonObject("attrs");
    assertThat(attrs.get("release").getAsString()).isEqualTo("shop@1.0");
    assertThat(attrs.get("environment").getAsString()).isEqualTo("staging");
  }

  @Test
  void theTimerSendsAggregatesAndStopsWithClose() throws Exception {
    aggregator = new SessionAggregator(transport, "shop@1.0", "production", 20);
    assertThat(sessionThreads()).isEmpty(); // no request yet, no thread

    aggregator.record(System.currentTimeMillis(), false, false);
    assertThat(sessionThreads()).isNotEmpty();
    Await.until("the first aggregate", 30_000, () -> !transport.envelopes().isEmpty());
    assertThat(onlySessionsPayload().getAsJsonArray("aggregates")).hasSize(1);
    assertThat(aggregator.pending()).isZero();

    aggregator.close();
    Await.until("the session timer to end", 30_000, () -> sessionThreads().isEmpty());
    assertThat(sessionThreads()).isEmpty();
    aggregator.record(System.currentTimeMillis(), false, false);
    assertThat(aggregator.pending()).isZero();
  }

  @Test
  void nothingIsSentWhenNothingWasCounted() {
    aggregator = new SessionAggregator(transport, "shop@1.0", "production", 60_000);
    aggregator.close();
    assertThat(transport.envelopes()).isEmpty();
  }

  private JsonObject onlySessionsPayload() throws Exception {
    List<EnvelopeItem> items = new ArrayList<>();
    for (Envelope e : transport.envelopes()) {
      items.addAll(e.items());
    }
    assertThat(items).hasSize(1);
    assertThat(items.get(0).type()).isEqualTo("sessions");
    return JsonParser.parseString(new String(items.get(0).payload(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static List<Thread> sessionThreads() {
    List<Thread> threads = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("sentryj-sessions") && t.isAlive()) {
        threads.add(t);
      }
    }
    return threads;
  }
}
