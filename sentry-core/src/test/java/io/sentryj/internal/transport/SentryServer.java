package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.testing.Await;
import io.sentryj.testing.Envelopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A fake Sentry on a dynamic port (WireMock): answers the envelope endpoint of project 42 and reads
 * back what it received, gunzipped and split into envelopes, as a real server sees it.
 */
final class SentryServer implements AutoCloseable {
  static final String PATH = "/api/42/envelope/";

  final WireMockServer wireMock;

  SentryServer() {
    this(options().dynamicPort());
  }

  /** A server with these options: a port given back after a stop, or HTTPS. */
  SentryServer(WireMockConfiguration options) {
    wireMock = new WireMockServer(options);
    wireMock.start();
    respond(aResponse().withStatus(200).withBody("{\"id\":\"0\"}"));
  }

  String dsn() {
    return "http://public@localhost:" + wireMock.port() + "/42";
  }

  String url() {
    return "http://localhost:" + wireMock.port() + PATH;
  }

  /** The envelope endpoint over HTTPS, when the server was started with an HTTPS port. */
  String httpsUrl() {
    return "https://localhost:" + wireMock.httpsPort() + PATH;
  }

  /** Answers every envelope with this response from now on. */
  void respond(ResponseDefinitionBuilder response) {
    wireMock.resetMappings();
    wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(response));
  }

  /** Adds a mapping (for scenarios). */
  void stub(MappingBuilder mapping) {
    wireMock.stubFor(mapping);
  }

  List<LoggedRequest> requests() {
    return wireMock.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(PATH)));
  }

  /** Every request's envelope, in order, gunzipped when it was gzipped. */
  List<Envelopes.Parsed> envelopes() {
    List<Envelopes.Parsed> result = new ArrayList<>();
    for (LoggedRequest r : requests()) {
      result.add(Envelopes.parse(body(r)));
    }
    return result;
  }

  static byte[] body(LoggedRequest r) {
    return Envelopes.unzipped(r.getBody());
  }

  /** Event ids of the events in requests answered with this status, with repeats. */
  List<String> eventIdsAnswered(int status) {
    List<String> ids = new ArrayList<>();
    for (com.github.tomakehurst.wiremock.stubbing.ServeEvent e : wireMock.getAllServeEvents()) {
      if (e.getResponse() == null || e.getResponse().getStatus() != status) {
        continue;
      }
      if (e.getResponseDefinition() != null && e.getResponseDefinition().getFault() != null) {
        continue;
      }
      for (Envelopes.Item item : Envelopes.parse(body(e.getRequest())).items()) {
        if (item.type().equals("event")) {
          ids.add(item.json().get("event_id").getAsString());
        }
      }
    }
    return ids;
  }

  /** Event ids of every event item received, with repeats. */
  List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    for (Envelopes.Parsed p : envelopes()) {
      for (Envelopes.Item item : p.items()) {
        if (item.type().equals("event")) {
          ids.add(item.json().get("event_id").getAsString());
        }
      }
    }
    return ids;
  }

  /** How many items of that type were received. */
  int countItems(String type) {
    int n = 0;
    for (Envelopes.Parsed p : envelopes()) {
      for (Envelopes.Item item : p.items()) {
        if (item.type().equals(type)) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The sum of every client report accepted (answered 2xx; a rejected one is sent again), as
   * reason/category -> quantity.
   */
  Map<String, Long> clientReports() {
    Map<String, Long> sums = new HashMap<>();
    List<Envelopes.Parsed> accepted = new ArrayList<>();
    for (com.github.tomakehurst.wiremock.stubbing.ServeEvent e : wireMock.getAllServeEvents()) {
      boolean fault =
          e.getResponseDefinition() != null && e.getResponseDefinition().getFault() != null;
      if (!fault && e.getResponse() != null && e.getResponse().getStatus() / 100 == 2) {
        accepted.add(Envelopes.parse(body(e.getRequest())));
      }
    }
    for (Envelopes.Parsed p : accepted) {
      for (Envelopes.Item item : p.items()) {
        if (item.type().equals("client_report")) {
          for (JsonElement e : item.json().getAsJsonArray("discarded_events")) {
            JsonObject o = e.getAsJsonObject();
            String key = o.get("reason").getAsString() + "/" + o.get("category").getAsString();
            sums.merge(key, o.get("quantity").getAsLong(), Long::sum);
          }
        }
      }
    }
    return sums;
  }

  /** Polls until the condition holds, failing after the timeout. */
  static void await(String what, long timeoutMillis, BooleanSupplier condition) {
    Await.until(what, timeoutMillis, condition);
  }

  @Override
  public void close() {
    wireMock.stop();
  }
}
