package io.sentryj.servlet.war;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.sentryj.testing.Envelopes;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentry for the web applications' own SDKs: WireMock on a free loopback port, answering every
 * envelope with 200, and reading back the items it received.
 */
final class SentryStandIn implements AutoCloseable {
  private static final String ENVELOPES = "/api/1/envelope/";

  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  SentryStandIn() {
    server.start();
    server.stubFor(
        post(urlEqualTo(ENVELOPES)).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  String dsn() {
    return "http://key@127.0.0.1:" + server.port() + "/1";
  }

  /** The payloads of every item of this type received so far, in order, as JSON. */
  List<JsonObject> items(String type) {
    List<JsonObject> items = new ArrayList<>();
    for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo(ENVELOPES)))) {
      for (Envelopes.Item item : Envelopes.parse(Envelopes.unzipped(request.getBody())).items()) {
        if (item.type().equals(type)) {
          items.add(item.json());
        }
      }
    }
    return items;
  }

  List<JsonObject> events() {
    return items("event");
  }

  /** Forgets what was received. */
  void reset() {
    server.resetRequests();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String toString() {
    return "SentryStandIn{" + server.port() + '}';
  }
}
