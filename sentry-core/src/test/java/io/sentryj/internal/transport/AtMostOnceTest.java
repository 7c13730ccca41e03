package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static io.sentryj.internal.transport.TransportFixtures.session;
import static io.sentryj.internal.transport.TransportFixtures.storedEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most once where it can be known: an envelope Sentry accepted is never sent again; one whose
 * answer was lost after the request went out whole is sent again only if it carries an {@code
 * event_id} (Sentry recognises the copy), else dropped and counted {@code network_error}.
 */
class AtMostOnceTest {
  private final SentryServer server = new SentryServer();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final List<DeliveryProcessor> transports = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    for (DeliveryProcessor t : transports) {
      t.close(0);
    }
    server.close();
  }

  private DeliveryProcessor start(TransportConfig c) {
    DeliveryProcessor t = new DeliveryProcessor(c, recorder);
    transports.add(t);
    return t;
  }

  @Test
  void anEnvelopeSentryAcceptedIsNeverSentAgainNotEvenByTheNextStart() {
    DeliveryProcessor first = start(config(server.url(), dir));
    Envelope e = event();
    first.send(e);
    assertThat(first.flush(10_000)).isTrue();
    first.close(1000);

    DeliveryProcessor next = start(config(server.url(), dir));
    next.send(session());
    assertThat(next.flush(10_000)).isTrue();
    assertThat(server.eventIds()).containsExactly(String.valueOf(e.eventId()));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aSessionWhoseAnswerIsLostIsNotSentAgainAndIsCounted() {
    server.respond(aResponse().withStatus(200).withFixedDelay(1500));
    TransportConfig c = config(server.url(), dir);
    c.readTimeoutMillis = 300; // the request goes out whole, the answer comes too late
    DeliveryProcessor t = start(c);
    t.send(session());
    await(
        "counted",
        10_000,
        () -> recorder.count(DiscardReason.NETWORK_ERROR, DataCategory.SESSION) == 1);
    assertThat(t.flush(5000)).isTrue();
    assertThat(storedEnvelopes(dir)).isZero();
    await("the server saw it", 10_000, () -> server.countItems("session") == 1);
    t.close(1000);
    assertThat(server.countItems("session")).as("sent once, never again").isEqualTo(1);
  }

  @Test
  void anEventWhoseAnswerIsLostIsSentAgainWithTheSameEventId() {
    server.respond(aResponse().withStatus(200).withFixedDelay(1500));
    TransportConfig c = config(server.url(), dir);
    c.readTimeoutMillis = 300;
    DeliveryProcessor t = start(c);
    Envelope e = event();
    t.send(e);
    await("sent again", 10_000, () -> server.eventIds().size() >= 2);
    assertThat(server.eventIds()).containsOnly(String.valueOf(e.eventId()));
    assertThat(recorder.total()).isZero();
  }

  @Test
  void closeKeepsTheEventsItCancelledForTheNextStartAndCountsTheRest() {
    server.respond(aResponse().withStatus(200).withFixedDelay(3000));
    TransportConfig c = config(server.url(), dir);
    c.readTimeoutMillis = 30_000;
    DeliveryProcessor t = start(c);
    Envelope e = event();
    t.send(e);
    t.send(session());
    await("both on the wire", 10_000, () -> server.requests().size() == 2);
    t.close(200);
    // the session went out whole and may have arrived: not sent again, but counted, and the count
    // written to the outbox for the next start
    assertThat(recorder.total()).isZero();
    assertThat(storedEnvelopes(dir)).as("the event and the count").isEqualTo(2);

    server.respond(aResponse().withStatus(200));
    DeliveryProcessor next = start(config(server.url(), dir));
    assertThat(next.flush(10_000)).isTrue();
    assertThat(server.eventIds()).containsOnly(String.valueOf(e.eventId()));
    assertThat(server.countItems("session")).isEqualTo(1);
    assertThat(server.clientReports()).containsEntry("network_error/session", 1L);
  }
}
