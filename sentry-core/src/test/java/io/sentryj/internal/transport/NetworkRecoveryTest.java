package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Envelope;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outage in one running SDK: the server goes away (connections refused), comes back answering
 * 503, then recovers. What was captured meanwhile waits in the outbox and arrives once, with no
 * restart.
 */
class NetworkRecoveryTest {
  private static final int EVENTS = 20;

  @TempDir Path dir;
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private SentryServer server = new SentryServer();
  private DeliveryProcessor transport;

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close(0);
    }
    server.close();
  }

  @Test
  void eventsCapturedDuringAnOutageAreDeliveredOnceWhenTheServerIsBack() {
    int port = server.wireMock.port();
    String url = server.url();
    server.close(); // from now on, connections to the port are refused
    TransportConfig c = config(url, dir);
    c.retryInitialMillis = 50;
    c.retryMaxMillis = 200;
    transport = new DeliveryProcessor(c, recorder);

    List<String> sent = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      Envelope e = event();
      sent.add(e.eventId().toString());
      transport.send(e);
    }
    await("all in the outbox", 10_000, () -> TransportFixtures.storedEnvelopes(dir) == EVENTS);
    long refusedSoFar = transport.failedAttempts();
    await("refused again", 10_000, () -> transport.failedAttempts() >= refusedSoFar + 3);

    // back on the same port, but unavailable for a while
    server = new SentryServer(options().port(port));
    server.respond(aResponse().withStatus(503));
    await("503s answered", 10_000, () -> server.requests().size() >= 3);
    assertThat(server.eventIdsAnswered(200)).isEmpty();
    assertThat(TransportFixtures.storedEnvelopes(dir)).isEqualTo(EVENTS); // nothing given up

    server.respond(aResponse().withStatus(200));
    await("all delivered", 20_000, () -> server.eventIdsAnswered(200).size() >= EVENTS);
    await("idle", 5_000, transport::isIdle);
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent); // once
    assertThat(transport.deliveredCount()).isEqualTo(EVENTS);
    assertThat(TransportFixtures.storedEnvelopes(dir)).isZero();
    assertThat(recorder.total()).isZero();
    assertThat(transport.isHealthy()).isTrue();
  }
}
