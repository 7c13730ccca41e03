package io.sentryj.agent.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.sentryj.testing.Envelopes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** WireMock on a free port standing in for Sentry: answers every envelope with 200. */
final class SentryStub implements AutoCloseable {
  static final String ENVELOPES = "/api/1/envelope/";

  final WireMockServer server = new WireMockServer(options().dynamicPort());

  SentryStub() {
    server.start();
    server.stubFor(
        post(urlEqualTo(ENVELOPES)).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  String dsn() {
    return "http://key@localhost:" + server.port() + "/1";
  }

  /** The envelopes received, unzipped. */
  List<String> requestBodies() {
    return server.findAll(postRequestedFor(urlEqualTo(ENVELOPES))).stream()
        .map(SentryStub::body)
        .collect(Collectors.toList());
  }

  /** Every event item received, in order, read with the tests' own envelope parser. */
  List<JsonObject> events() {
    List<JsonObject> events = new ArrayList<>();
    for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo(ENVELOPES)))) {
      for (Envelopes.Item item : Envelopes.parse(Envelopes.unzipped(request.getBody())).items()) {
        if (item.type().equals("event")) {
          events.add(item.json());
        }
      }
    }
    return events;
  }

  private static String body(LoggedRequest request) {
    return new String(Envelopes.unzipped(request.getBody()), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop();
  }
}
