package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.sentryj.internal.envelope.EnvelopeWriter;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP behind the {@link Sender} interface: its own timeouts, and no repeat it was not asked for.
 */
class OkHttpSenderTest {
  private final SentryServer server = new SentryServer();
  private OkHttpSender sender;

  @AfterEach
  void stop() {
    if (sender != null) {
      sender.close(1000);
    }
    server.close();
  }

  private static byte[] event() {
    return new EnvelopeWriter().toByteArray(TransportFixtures.event(), null);
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutEndsTheRequestAtThatTimeoutAfterItWasWritten() {
    server.respond(aResponse().withStatus(200).withFixedDelay(5000));
    TransportConfig c = config(server.url(), null);
    c.readTimeoutMillis = 300;
    sender = new OkHttpSender(server.url(), c);
    long start = System.nanoTime();
    SendResult r = sender.send(event(), "2026-01-01T00:00:00Z", null, false);
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(r.error).isInstanceOf(SocketTimeoutException.class);
    assertThat(r.requestSent).as("written whole: Sentry may have it").isTrue();
    // the read phase's own time, not the sum of all phases (5 s to connect, 5 s to write)
    assertThat(took).isLessThan(4000);
  }

  @Test
  void aRequestRefusedBeforeItWasWrittenSaysSo() {
    sender = new OkHttpSender(TransportFixtures.refusingUrl(), config(server.url(), null));
    SendResult r = sender.send(event(), "2026-01-01T00:00:00Z", null, true);
    assertThat(r.error).isNotNull();
    assertThat(r.requestSent).isFalse();
  }

  @Test
  void aOneShotRequestIsNotRepeatedByTheClientAfterAReset() {
    server.respond(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    sender = new OkHttpSender(server.url(), config(server.url(), null));
    SendResult r = sender.send(event(), "2026-01-01T00:00:00Z", null, true);
    assertThat(r.error).isNotNull();
    await("the server saw it", 5000, () -> server.requests().size() >= 1);
    assertThat(server.requests()).as("written once").hasSize(1);
  }

  @Test
  void closeCancelsARequestThatWaitsAndRefusesNewOnes() throws Exception {
    server.respond(aResponse().withStatus(200).withFixedDelay(20_000));
    TransportConfig c = config(server.url(), null);
    c.readTimeoutMillis = 30_000;
    sender = new OkHttpSender(server.url(), c);
    SendResult[] result = new SendResult[1];
    Thread t =
        new Thread(() -> result[0] = sender.send(event(), "2026-01-01T00:00:00Z", null, false));
    t.start();
    await("on the wire", 10_000, () -> server.requests().size() == 1);
    sender.close(1000);
    t.join(5000);
    assertThat(t.isAlive()).isFalse();
    assertThat(result[0].error).isNotNull();
    assertThat(sender.send(event(), "2026-01-01T00:00:00Z", null, false).error).isNotNull();
  }
}
