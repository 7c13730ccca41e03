package io.sentryj.servlet.war;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.servlet.war.WebappFiles.Namespace;
import io.sentryj.testing.Await;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A web application that bundles sentryj in {@code WEB-INF/lib}, deployed to a real Tomcat (one
 * version per subclass) over real HTTP, sending to a stand-in for Sentry: what a user of a WAR
 * gets, and what ten reloads leave behind, judged by Tomcat's own leak detection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TomcatWebappContract {
  private static final int RELOADS = 10;
  private static final String CONTEXT = "/shop";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private SentryStandIn sentry;
  private TomcatControl tomcat;
  private Leaks.Warnings warnings;
  private URI base;

  /** The Tomcat, as its directory under {@code target/containers} names it: {@code 10.1}. */
  abstract String version();

  abstract Namespace namespace();

  @BeforeAll
  void deploy() throws Exception {
    sentry = new SentryStandIn();
    Path dir = Paths.get("target/webapps/tomcat-" + version()).toAbsolutePath();
    WebappFiles.deleteRecursively(dir);
    Path webapp =
        WebappFiles.write(namespace(), dir.resolve("shop"), sentry.dsn(), dir.resolve("outbox"));
    warnings = new Leaks.Warnings("org.apache");
    tomcat = TomcatLoader.harness(version());
    int port = tomcat.start(dir.resolve("base").toString(), webapp.toString(), CONTEXT);
    base = URI.create("http://127.0.0.1:" + port + CONTEXT);
    assertThat(tomcat.serverInfo()).startsWith("Apache Tomcat/" + version());
  }

  @AfterAll
  void stop() throws Exception {
    try {
      tomcat.close();
    } finally {
      warnings.close();
      sentry.close();
    }
  }

  @Test
  @Order(1)
  void eachFailedRequestIsOneEventWithItsOwnRequestAndNothingIsDropped() throws Exception {
    assertThat(send(get("/fail/1", "X-Id", "f1")).statusCode()).isEqualTo(500);
    assertThat(send(get("/redispatch", "X-Id", "r1")).statusCode()).isEqualTo(500);
    assertThat(send(get("/async-fail", "X-Id", "t1")).statusCode()).isEqualTo(500);
    assertThat(send(get("/async-timeout")).statusCode()).isEqualTo(500);
    HttpRequest form =
        request("/form?source=ad&name=from-query")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("name=bob&password=hunter2"))
            .build();
    assertThat(send(form).statusCode()).isEqualTo(500);
    Await.until("the failed requests' events", 30_000, () -> sentry.events().size() >= 4);
    // the SDK closes as the application stops: what it counted or aggregated goes out then
    tomcat.reload();

    List<JsonObject> events = sentry.events();
    assertThat(events.stream().map(TomcatWebappContract::exceptionValue))
        .containsExactlyInAnyOrder(
            "boom f1", "boom r1", "task failed t1", "bad form from from-query");
    for (JsonObject event : events) {
      JsonObject mechanism = mainException(event).getAsJsonObject("mechanism");
      assertThat(mechanism.get("type").getAsString()).isEqualTo("auto.http.servlet");
      assertThat(mechanism.get("handled").getAsBoolean()).isFalse();
    }
    JsonObject task = only(events, "task failed t1");
    assertThat(task.getAsJsonObject("tags").get("id").getAsString()).isEqualTo("t1");
    assertThat(url(task)).isEqualTo(base + "/async-fail");
    assertThat(url(only(events, "boom r1"))).isEqualTo(base + "/redispatch");
    JsonObject data =
        com.google.gson.JsonParser.parseString(
                only(events, "bad form from from-query")
                    .getAsJsonObject("request")
                    .get("data")
                    .getAsString())
            .getAsJsonObject();
    assertThat(data.keySet()).containsExactly("name", "password");
    assertThat(sentry.items("client_report")).as("no drop was counted").isEmpty();
    assertThat(sessions()).as("exited, errored, crashed").containsExactly(0, 1, 4);
  }

  @Test
  @Order(2)
  void tenReloadsAndTheUndeployLeaveNoThreadThreadLocalOrClassLoaderBehind() throws Exception {
    sentry.reset();
    warnings.clear();
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int i = 0; i <= RELOADS; i++) {
      // every part of the SDK runs: capture, delivery over HTTP, sessions, scopes on Tomcat's
      // threads
      assertThat(send(get("/fail/" + i, "X-Id", "reload-" + i)).statusCode()).isEqualTo(500);
      int delivered = i + 1;
      Await.until(
          "the event of generation " + i, 30_000, () -> sentry.events().size() >= delivered);
      loaders.add(new WeakReference<>(tomcat.applicationLoader()));
      if (i < RELOADS) {
        tomcat.reload();
      }
    }
    tomcat.undeploy();

    assertThat(sentry.events()).as("each generation delivered its event").hasSize(RELOADS + 1);
    // Tomcat's verdicts, logged as it stopped each generation: a stop listener that failed (and so
    // left the SDK running); threads the application started and did not stop, ThreadLocals it
    // left, timers
    assertThat(warnings.from("org.apache.catalina.core.StandardContext")).isEmpty();
    assertThat(warnings.from("org.apache.catalina.loader")).isEmpty();
    assertThat(Leaks.threadsLeft(loaders, Duration.ofSeconds(30))).as("threads").isEmpty();
    Leaks.collectUntil(Duration.ofSeconds(30), () -> tomcat.leakingApplications().isEmpty());
    assertThat(tomcat.leakingApplications()).as("Tomcat's find leaks").isEmpty();
    assertThat(Leaks.uncollected(loaders, Duration.ofSeconds(10))).as("generations").isEmpty();
  }

  /** Exited, errored and crashed requests in the sessions aggregates received. */
  private List<Integer> sessions() {
    int[] counts = new int[3];
    for (JsonObject sessions : sentry.items("sessions")) {
      for (JsonElement a : sessions.getAsJsonArray("aggregates")) {
        JsonObject bucket = a.getAsJsonObject();
        counts[0] += bucket.has("exited") ? bucket.get("exited").getAsInt() : 0;
        counts[1] += bucket.has("errored") ? bucket.get("errored").getAsInt() : 0;
        counts[2] += bucket.has("crashed") ? bucket.get("crashed").getAsInt() : 0;
      }
    }
    return List.of(counts[0], counts[1], counts[2]);
  }

  private HttpRequest get(String path, String... headers) {
    HttpRequest.Builder b = request(path);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject only(List<JsonObject> events, String value) {
    List<JsonObject> matching =
        events.stream().filter(e -> value.equals(exceptionValue(e))).collect(Collectors.toList());
    assertThat(matching).as(value).hasSize(1);
    return matching.get(0);
  }

  private static String url(JsonObject event) {
    return event.getAsJsonObject("request").get("url").getAsString();
  }

  private static JsonObject mainException(JsonObject event) {
    var values = event.getAsJsonObject("exception").getAsJsonArray("values");
    return values.get(values.size() - 1).getAsJsonObject();
  }

  private static String exceptionValue(JsonObject event) {
    return mainException(event).get("value").getAsString();
  }
}
