package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.envelopeFiles;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static io.sentryj.internal.transport.TransportFixtures.refusingUrl;
import static io.sentryj.internal.transport.TransportFixtures.session;
import static io.sentryj.internal.transport.TransportFixtures.storedEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.internal.pipeline.DiscardRecorder;
import io.sentryj.internal.pipeline.SdkInfo;
import io.sentryj.testing.Envelopes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryProcessorTest {
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

  private DeliveryProcessor start(TransportConfig config) {
    DeliveryProcessor t = new DeliveryProcessor(config, recorder);
    transports.add(t);
    return t;
  }

  private DeliveryProcessor start() {
    return start(config(server.url(), dir));
  }

  @Test
  void requestCarriesAuthUserAgentGzipAndOneSentAt() {
    DeliveryProcessor t = start();
    Envelope e = bigEvent();
    t.send(e);
    assertThat(t.flush(5000)).isTrue();

    LoggedRequest r = server.requests().get(0);
    String version = SdkInfo.VERSION;
    assertThat(r.getHeader("X-Sentry-Auth"))
        .isEqualTo(
            "Sentry sentry_version=7, sentry_client=sentryj.java/"
                + version
                + ", sentry_key=public");
    assertThat(r.getHeader("User-Agent")).isEqualTo("sentryj.java/" + version);
    assertThat(r.getHeader("Content-Type")).startsWith("application/x-sentry-envelope");
    assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
    byte[] body = SentryServer.body(r); // WireMock gunzips
    // what went over the wire was much smaller than the envelope: it was compressed
    assertThat(Integer.parseInt(r.getHeader("Content-Length"))).isLessThan(body.length / 4);
    String header = new String(body, StandardCharsets.UTF_8).split("\n", 2)[0];
    assertThat(header.split("\"sent_at\"", -1)).hasSize(2); // exactly once
    Envelopes.Parsed parsed = Envelopes.parse(body);
    assertThat(parsed.header().get("event_id").getAsString()).isEqualTo(e.eventId().toString());
    assertThat(parsed.header().get("sent_at").getAsString()).endsWith("Z");
    assertThat(parsed.only("event").header().get("length").getAsInt())
        .isEqualTo(parsed.only("event").payload().length);
    assertThat(storedEnvelopes(dir)).isZero(); // deleted once delivered
  }

  private static Envelope bigEvent() {
    io.sentryj.SentryId id = io.sentryj.SentryId.random();
    String json = "{\"event_id\":\"" + id + "\",\"extra\":{\"a\":\"" + "x".repeat(20_000) + "\"}}";
    return new Envelope(
        id,
        java.util.Collections.<String, Object>emptyMap(),
        java.util.Collections.singletonList(
            io.sentryj.EnvelopeItem.of(
                "event",
                java.util.Collections.<String, Object>emptyMap(),
                json.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theCallerNeverSerializes() {
    DeliveryProcessor t = start();
    java.util.concurrent.atomic.AtomicReference<Thread> serializedOn =
        new java.util.concurrent.atomic.AtomicReference<>();
    io.sentryj.EnvelopeItem lazy =
        io.sentryj.EnvelopeItem.lazy(
            "event",
            java.util.Collections.<String, Object>emptyMap(),
            () -> {
              serializedOn.set(Thread.currentThread());
              return "{}".getBytes(StandardCharsets.UTF_8);
            });
    t.send(
        new Envelope(
            io.sentryj.SentryId.random(),
            java.util.Collections.<String, Object>emptyMap(),
            java.util.Collections.singletonList(lazy)));
    assertThat(t.flush(5000)).isTrue();
    assertThat(serializedOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
    assertThat(server.countItems("event")).isEqualTo(1);
  }

  @Test
  void authHeaderCarriesTheSecretOnlyWhenTheDsnHasOne() {
    assertThat(TransportConfig.authHeader(io.sentryj.internal.config.Dsn.parse("http://k@h/1")))
        .doesNotContain("sentry_secret");
    assertThat(TransportConfig.authHeader(io.sentryj.internal.config.Dsn.parse("http://k:s@h/1")))
        .endsWith(", sentry_key=k, sentry_secret=s");
  }

  @Test
  void storedEnvelopeHasNoSentAtAndTheSentOneHasIt() throws Exception {
    TransportConfig c = config(refusingUrl(), dir);
    DeliveryProcessor down = start(c);
    down.send(event());
    await("stored while the server is down", 5000, () -> storedEnvelopes(dir) == 1);
    assertThat(down.flush(300)).as("stored is not delivered").isFalse();
    List<Path> files = envelopeFiles(dir);
    assertThat(files).hasSize(1);
    assertThat(new String(Files.readAllBytes(files.get(0)), StandardCharsets.UTF_8))
        .doesNotContain("sent_at");
    await("the refused send", 10_000, () -> !down.isHealthy());
  }

  @Test
  void rateLimitOnA200DropsThatCategoryAndCountsIt() {
    server.respond(aResponse().withStatus(200).withHeader("X-Sentry-Rate-Limits", "60:error:key"));
    DeliveryProcessor t = start();
    t.send(event());
    assertThat(t.flush(5000)).isTrue();
    assertThat(t.isHealthy()).isFalse();

    t.send(event()); // dropped before sending
    t.send(session()); // still sent, carrying the report
    assertThat(t.flush(5000)).isTrue();

    assertThat(server.countItems("event")).isEqualTo(1);
    assertThat(server.countItems("session")).isEqualTo(1);
    assertThat(server.clientReports()).containsEntry("ratelimit_backoff/error", 1L);
  }

  @Test
  void a429WithRetryAfterLimitsEverythingAndIsNotCounted() {
    server.respond(aResponse().withStatus(429).withHeader("Retry-After", "30"));
    DeliveryProcessor t = start();
    t.send(event());
    assertThat(t.flush(5000)).isTrue();
    assertThat(t.isHealthy()).isFalse();
    t.send(event());
    t.send(session());
    assertThat(t.flush(5000)).isTrue();

    assertThat(server.requests()).hasSize(1);
    assertThat(recorder.count(DiscardReason.SEND_ERROR, DataCategory.ERROR)).isZero();
    assertThat(recorder.count(DiscardReason.RATELIMIT_BACKOFF, DataCategory.ERROR)).isEqualTo(1);
    assertThat(recorder.count(DiscardReason.RATELIMIT_BACKOFF, DataCategory.SESSION)).isEqualTo(1);
  }

  @Test
  void categoryLimitsFromA429DropErrorsButSessionsAreStillSent() {
    server.respond(
        aResponse()
            .withStatus(429)
            .withHeader("X-Sentry-Rate-Limits", "60:error;made_up:organization, 1:error"));
    DeliveryProcessor t = start();
    t.send(event());
    assertThat(t.flush(5000)).isTrue();
    server.respond(aResponse().withStatus(200));

    t.send(event());
    t.send(session());
    assertThat(t.flush(5000)).isTrue();

    assertThat(server.countItems("event")).isEqualTo(1); // only the one answered 429
    assertThat(server.countItems("session")).isEqualTo(1);
    assertThat(server.clientReports()).containsEntry("ratelimit_backoff/error", 1L);
    assertThat(server.clientReports()).doesNotContainKey("send_error/error");
  }

  @Test
  void aServerErrorIsDroppedAsSendErrorWithoutRetry() {
    server.respond(
        aResponse().withStatus(500).withHeader("X-Sentry-Error", "something broke upstream"));
    DeliveryProcessor t = start();
    t.send(event());
    assertThat(t.flush(5000)).isTrue();
    assertThat(server.requests()).hasSize(1);
    assertThat(recorder.count(DiscardReason.SEND_ERROR, DataCategory.ERROR)).isEqualTo(1);
    assertThat(storedEnvelopes(dir)).isZero();
  }

  @Test
  void a413IsDroppedAsSendError() {
    server.respond(aResponse().withStatus(413).withHeader("X-Sentry-Error", "too large"));
    DeliveryProcessor t = start();
    t.send(event());
    assertThat(t.flush(5000)).isTrue();
    server.respond(aResponse().withStatus(200));
    t.send(session());
    assertThat(t.flush(5000)).isTrue();
    assertThat(server.requests()).hasSize(2);
    assertThat(server.clientReports()).containsEntry("send_error/error", 1L);
  }

  @Test
  void unavailableThenRecoveryDeliversEverythingOnce() {
    cycleThen(
        aResponse().withStatus(503),
        aResponse().withStatus(502),
        aResponse().withStatus(504),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
        aResponse().withFault(Fault.EMPTY_RESPONSE));
    TransportConfig c = config(server.url(), dir);
    c.readTimeoutMillis = 500; // random data may leave the client waiting for the rest
    // one request at a time: WireMock may answer 404 to a request that races a scenario change
    // (wiremock/wiremock#3506), which the transport rightly drops as a send error
    c.maxInFlight = 1;
    DeliveryProcessor t = start(c);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Envelope e = event();
      sent.add(e.eventId().toString());
      t.send(e);
    }
    await("all delivered", 20_000, () -> server.eventIdsAnswered(200).size() >= 5);
    await("idle", 5_000, t::isIdle);
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(recorder.total()).isZero();
    assertThat(t.deliveredCount()).isEqualTo(5);
  }

  @Test
  void aServerSlowerThanTheReadTimeoutIsRetried() {
    TransportConfig c = config(server.url(), dir);
    c.readTimeoutMillis = 200;
    cycleThen(aResponse().withStatus(200).withFixedDelay(1500));
    DeliveryProcessor t = start(c);
    Envelope e = event();
    t.send(e);
    await("retried and delivered", 10_000, () -> t.deliveredCount() == 1);
    assertThat(server.requests().size()).isGreaterThanOrEqualTo(2);
    assertThat(recorder.total()).isZero();
  }

  @Test
  void refusedConnectionsKeepEnvelopesOnDiskUntilTheNextStart() {
    DeliveryProcessor down = start(config(refusingUrl(), dir));
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Envelope e = event();
      sent.add(e.eventId().toString());
      down.send(e);
    }
    await("all on disk", 5000, () -> storedEnvelopes(dir) == 3);
    assertThat(down.flush(300)).as("stored is not delivered").isFalse();
    down.close(200);
    assertThat(storedEnvelopes(dir)).isEqualTo(3);

    DeliveryProcessor up = start();
    await("resent at start", 10_000, () -> server.eventIdsAnswered(200).size() == 3);
    assertThat(server.eventIdsAnswered(200)).containsExactlyInAnyOrderElementsOf(sent);
    await("outbox emptied", 5_000, () -> storedEnvelopes(dir) == 0);
    assertThat(recorder.total()).isZero();
    assertThat(up.isHealthy()).isTrue();
  }

  @Test
  void withoutAnOutboxRefusedEnvelopesAreCountedAsNetworkErrors() {
    TransportConfig c = config(refusingUrl(), null);
    c.memoryRetries = 2;
    DeliveryProcessor t = start(c);
    for (int i = 0; i < 3; i++) {
      t.send(event());
    }
    await(
        "all counted",
        10_000,
        () -> recorder.count(DiscardReason.NETWORK_ERROR, DataCategory.ERROR) == 3);
  }

  @Test
  void corruptAndTruncatedFilesAreSetAsideAndCounted() throws Exception {
    Files.write(
        dir.resolve("0000000000001-000000001-00000000.0000000000000001.envelope"),
        "not an envelope".getBytes(StandardCharsets.UTF_8));
    Files.write(
        dir.resolve("0000000000002-000000001-00000000.0000000000000001.envelope"),
        "{}\n{\"type\":\"event\",\"length\":500}\n{\"event_id\"".getBytes(StandardCharsets.UTF_8));
    Envelope good = event();
    Files.write(
        dir.resolve("0000000000003-000000001-00000000.0000000000000001.envelope"),
        new io.sentryj.internal.envelope.EnvelopeWriter().toByteArray(good, null));

    DeliveryProcessor t = start();
    await("good one sent", 10_000, () -> t.deliveredCount() == 1);
    assertThat(server.eventIds()).containsExactly(good.eventId().toString());
    // counted, and the count rode along with the good envelope
    assertThat(server.clientReports()).containsEntry("internal_sdk_error/default", 2L);
    try (Stream<Path> aside = Files.list(dir.resolve("corrupt"))) {
      assertThat(aside.count()).isEqualTo(2);
    }
  }

  @Test
  void theOldestAreEvictedBeyondTheOutboxBoundsAndCounted() {
    TransportConfig c = config(refusingUrl(), dir);
    c.outboxMaxItems = 3;
    c.retryInitialMillis = 60_000; // stay in backoff after the first failure
    DeliveryProcessor t = start(c);
    for (int i = 0; i < 5; i++) {
      t.send(event());
    }
    await(
        "the two oldest evicted",
        5000,
        () -> recorder.count(DiscardReason.CACHE_OVERFLOW, DataCategory.ERROR) == 2);
    assertThat(TransportFixtures.storedEnvelopes(dir)).isEqualTo(3);
    assertThat(recorder.count(DiscardReason.CACHE_OVERFLOW, DataCategory.ERROR)).isEqualTo(2);
  }

  @Test
  void twoTransportsSharingAnOutboxNeverSendAFileTwice() throws Exception {
    io.sentryj.internal.envelope.EnvelopeWriter writer =
        new io.sentryj.internal.envelope.EnvelopeWriter();
    for (int i = 0; i < 30; i++) {
      String name = String.format("%013d-%09d-00000000.00000000000000aa.envelope", i, i);
      Files.write(dir.resolve(name), writer.toByteArray(event(), null));
    }
    DeliveryProcessor a = start();
    DeliveryProcessor b = start();
    await("all sent", 10_000, () -> a.deliveredCount() + b.deliveredCount() == 30);
    List<String> ids = server.eventIds();
    assertThat(ids).hasSize(30);
    assertThat(new HashSet<>(ids)).hasSize(30);
  }

  @Test
  void aDurableWriteIsOnDiskWhenSendReturns() {
    TransportConfig c = config(refusingUrl(), dir);
    c.retryInitialMillis = 60_000;
    DeliveryProcessor t = start(c);
    DurableWrite.run(() -> t.send(event()));
    assertThat(TransportFixtures.storedEnvelopes(dir)).isEqualTo(1);
  }

  @Test
  void discardsRideAlongWithTheNextEnvelope() {
    DeliveryProcessor t = start();
    recorder.record(DiscardReason.SAMPLE_RATE, DataCategory.ERROR, 3);
    t.send(event());
    assertThat(t.flush(5000)).isTrue();
    Envelopes.Parsed only = server.envelopes().get(0);
    assertThat(only.items()).extracting(Envelopes.Item::type).contains("event", "client_report");
    assertThat(server.clientReports()).containsEntry("sample_rate/error", 3L);
    assertThat(recorder.total()).isZero();
  }

  @Test
  void discardsAreSentAloneOnATimerWhenNothingElseGoes() {
    TransportConfig c = config(server.url(), dir);
    c.clientReportIntervalMillis = 50;
    start(c);
    recorder.record(DiscardReason.BEFORE_SEND, DataCategory.ERROR, 2);
    await("report sent", 5_000, () -> server.clientReports().containsKey("before_send/error"));
    assertThat(server.envelopes().get(0).header().keySet()).containsExactly("sent_at");
    assertThat(server.clientReports()).containsEntry("before_send/error", 2L);
  }

  @Test
  void discardsLeftAtCloseAreSent() {
    DeliveryProcessor t = start();
    recorder.record(DiscardReason.EVENT_PROCESSOR, DataCategory.ERROR, 1);
    t.close(5000);
    assertThat(server.clientReports()).containsEntry("event_processor/error", 1L);
  }

  @Test
  void closeIsIdempotentAndLaterSendsAreCounted() {
    DeliveryProcessor t = start();
    t.close(1000);
    t.close(1000);
    t.send(event());
    assertThat(recorder.count(DiscardReason.QUEUE_OVERFLOW, DataCategory.ERROR)).isEqualTo(1);
    assertThat(t.flush(100)).isTrue();
  }

  static Stream<Arguments> faultPatterns() {
    return Stream.of(
        Arguments.of("500 every third", new int[] {500, 200, 200}),
        Arguments.of("503 every other", new int[] {503, 200}),
        Arguments.of("413 every fourth", new int[] {413, 200, 200, 200}),
        Arguments.of("429 on errors every third", new int[] {429, 200, 200}),
        Arguments.of("reset every other", new int[] {-1, 200}),
        Arguments.of("empty response every other", new int[] {-2, 200}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faultPatterns")
  void everyEnvelopeIsDeliveredOrCounted(String name, int[] pattern) {
    ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[pattern.length];
    for (int i = 0; i < pattern.length; i++) {
      responses[i] =
          pattern[i] == -1
              ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
              : pattern[i] == -2
                  ? aResponse().withFault(Fault.EMPTY_RESPONSE)
                  : pattern[i] == 429
                      ? aResponse().withStatus(429).withHeader("X-Sentry-Rate-Limits", "0.05:error")
                      : aResponse().withStatus(pattern[i]);
    }
    cycle(responses);
    DeliveryProcessor t = start();
    int n = 40;
    for (int i = 0; i < n; i++) {
      t.send(event());
    }
    await("settled", 20_000, t::isIdle);
    server.respond(aResponse().withStatus(200));
    t.close(5000); // sends the last client report

    int delivered = new HashSet<>(server.eventIdsAnswered(200)).size();
    assertThat(server.eventIdsAnswered(200)).hasSize(delivered); // never twice
    int limited = server.eventIdsAnswered(429).size(); // counted by the server, not by us
    long reported = 0;
    for (Map.Entry<String, Long> e : server.clientReports().entrySet()) {
      if (e.getKey().endsWith("/error")) {
        reported += e.getValue();
      }
    }
    assertThat(delivered + limited + reported).as(name).isEqualTo(n);
    assertThat(recorder.total()).isZero();
  }

  /** Answers with these responses in turn, forever. */
  private void cycle(ResponseDefinitionBuilder... responses) {
    server.wireMock.resetMappings();
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "s" + i;
      String next = i + 1 == responses.length ? Scenario.STARTED : "s" + (i + 1);
      server.stub(
          post(urlEqualTo(SentryServer.PATH))
              .inScenario("cycle")
              .whenScenarioStateIs(state)
              .willReturn(responses[i])
              .willSetStateTo(next));
    }
  }

  /** Answers with these responses in turn, then 200 forever. */
  private void cycleThen(ResponseDefinitionBuilder... responses) {
    server.wireMock.resetMappings();
    for (int i = 0; i <= responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "s" + i;
      server.stub(
          post(urlEqualTo(SentryServer.PATH))
              .inScenario("then")
              .whenScenarioStateIs(state)
              .willReturn(i < responses.length ? responses[i] : aResponse().withStatus(200))
              .willSetStateTo(i < responses.length ? "s" + (i + 1) : state));
    }
  }
}
