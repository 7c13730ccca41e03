package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.sentryj.Sentry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An outage lasting 8 s, while 500 events are captured through {@code Sentry}: the SDK probes on a
 * capped schedule while it lasts, and when Sentry answers again the backlog drains; one flush of 60
 * s returns true only once every event was accepted, each once.
 */
class OutageTest {
  private static final int EVENTS = 500;
  private static final long OUTAGE_MILLIS = 8_000;

  private final Outage outage = new Outage();
  private final SentryServer server = new SentryServer(options().dynamicPort().extensions(outage));
  @TempDir Path dir;

  @AfterEach
  void stop() {
    Sentry.close();
    server.close();
  }

  static Stream<Arguments> outages() {
    return Stream.of(
        Arguments.of("503 answers", ResponseDefinitionBuilder.responseDefinition().withStatus(503)),
        Arguments.of(
            "connection resets",
            ResponseDefinitionBuilder.responseDefinition()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  @ParameterizedTest(name = "8 s of {0}")
  @MethodSource("outages")
  void everyEventCapturedAcrossAnOutageIsDeliveredOnceWithinOneFlush(
      String name, ResponseDefinitionBuilder failure) {
    ResponseDefinition during = failure.build();
    outage.start(OUTAGE_MILLIS, during);
    Sentry.init(
        o ->
            o.dsn(server.dsn())
                .outboxDir(dir.toString())
                .externalConfiguration(false)
                .enableShutdownHook(false)
                .enableDeduplication(false)
                .serverName("outage-test"));
    List<String> captured = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      captured.add(Sentry.captureException(new IllegalStateException("event " + i)).toString());
    }

    assertThat(Sentry.flush(60_000)).as("flushed within 60 s").isTrue();
    assertThat(outage.isOver()).as("flush waited for the end of the outage").isTrue();
    List<String> delivered = server.eventIdsAnswered(200);
    assertThat(delivered).as("each once").hasSize(EVENTS);
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(captured);
    // probes, not a storm: one request at a time while it fails, a few seconds apart at most
    assertThat(outage.failedRequests()).as("requests during the outage").isLessThan(60);
  }
}
