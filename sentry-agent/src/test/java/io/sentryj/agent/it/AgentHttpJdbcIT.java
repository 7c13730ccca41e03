package io.sentryj.agent.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.sentryj.agent.it.ForkedJvm.AGENT_JAR;
import static io.sentryj.agent.it.ForkedJvm.exitStatus;
import static io.sentryj.agent.it.ForkedJvm.stderr;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sentryj.agent.it.ForkedJvm.Jdk;
import io.sentryj.agent.it.apps.http.HttpClientsApp;
import io.sentryj.agent.it.apps.jdbc.JdbcApp;
import io.sentryj.testing.Envelopes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP and JDBC breadcrumbs and trace headers, from applications with no SDK code in JVMs of their
 * own. One WireMock server is both Sentry (the DSN points at it) and the server the applications
 * call: it shows which requests carried {@code sentry-trace} and {@code baggage}, and the events
 * the agent sent.
 */
class AgentHttpJdbcIT {
  private static final String ENVELOPE_PATH = "/api/1/envelope/";

  @TempDir Path work;
  private WireMockServer server;

  static List<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @BeforeEach
  void startServer() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    server.stubFor(
        any(urlPathEqualTo("/plain/urlconnection-missing"))
            .willReturn(aResponse().withStatus(404)));
    server.stubFor(
        any(urlPathEqualTo("/plain/javahttp-async")).willReturn(aResponse().withStatus(500)));
    server.stubFor(post(urlEqualTo(ENVELOPE_PATH)).willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  private List<String> jvmOptions(String... agentArgs) {
    StringBuilder args = new StringBuilder("dsn=http://public@localhost:" + server.port() + "/1");
    // the applications call out at once: wait for the agent rather than race it
    args.append(",outbox-dir=").append(work.resolve("outbox")).append(",agent.start=sync");
    for (String arg : agentArgs) {
      args.append(',').append(arg);
    }
    return List.of("-Djava.io.tmpdir=" + work, "-javaagent:" + AGENT_JAR + "=" + args);
  }

  private String base() {
    return "http://localhost:" + server.port();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void eachHttpClientLeavesOneBreadcrumbAndTraceHeadersGoOnlyToTargets(Jdk jdk) throws Exception {
    List<String> jars =
        ForkedJvm.testJars(
            "okhttp-",
            "okio",
            "kotlin-stdlib",
            "httpclient-",
            "httpcore-",
            "commons-logging-",
            "commons-codec-",
            "httpclient5-",
            "httpcore5-",
            "slf4j-api-");
    Process app =
        ForkedJvm.startApp(
            jdk,
            work,
            jars,
            jvmOptions("trace-propagation-targets=/traced/"),
            HttpClientsApp.class.getName(),
            base());

    assertThat(exitStatus(app)).as(stderr(work)).isEqualTo(1);
    String envelope = awaitEnvelope();
    JsonObject event = Envelopes.eventJson(envelope.getBytes(StandardCharsets.UTF_8));
    String traceId =
        event.getAsJsonObject("contexts").getAsJsonObject("trace").get("trace_id").getAsString();
    List<JsonObject> http = breadcrumbs(event, "http");
    List<String> urls = http.stream().map(b -> data(b, "url")).toList();
    assertThat(urls).as(stderr(work)).hasSize(10);
    assertThat(urls.subList(0, 9))
        .containsExactly(
            base() + "/traced/urlconnection",
            base() + "/plain/urlconnection-missing",
            base() + "/traced/urlconnection-post",
            base() + "/traced/javahttp",
            base() + "/plain/javahttp-async",
            base() + "/traced/okhttp",
            base() + "/traced/okhttp-baggage",
            base() + "/traced/apache4",
            base() + "/plain/apache5");
    for (JsonObject b : http) {
      assertThat(b.get("type").getAsString()).isEqualTo("http");
      assertThat(b.getAsJsonObject("data").has("duration")).as(b.toString()).isTrue();
    }
    assertThat(data(http.get(0), "method")).isEqualTo("GET");
    assertThat(data(http.get(0), "status_code")).isEqualTo("200");
    assertThat(data(http.get(0), "http.query")).isEqualTo("token=[Filtered]&page=2");
    assertThat(data(http.get(1), "status_code")).isEqualTo("404");
    assertThat(http.get(1).get("level").getAsString()).isEqualTo("warning");
    assertThat(data(http.get(2), "method")).isEqualTo("POST");
    assertThat(data(http.get(4), "status_code")).isEqualTo("500");
    assertThat(http.get(4).get("level").getAsString()).isEqualTo("error");
    JsonObject refused = http.get(http.size() - 1);
    assertThat(data(refused, "url")).endsWith("/refused");
    assertThat(refused.getAsJsonObject("data").has("status_code")).isFalse();
    assertThat(refused.get("level").getAsString()).isEqualTo("error");
    assertThat(envelope).doesNotContain("s3cret-token").doesNotContain("frag-secret");

    for (String path :
        List.of("urlconnection", "urlconnection-post", "javahttp", "okhttp", "apache4")) {
      LoggedRequest request = onlyRequest("/traced/" + path);
      assertThat(request.getHeader("sentry-trace")).as(path).startsWith(traceId + "-");
      assertThat(request.getHeaders().getHeader("sentry-trace").values()).as(path).hasSize(1);
      assertThat(request.getHeader("baggage"))
          .as(path)
          .contains("sentry-trace_id=" + traceId)
          .contains("sentry-public_key=public");
    }
    assertThat(onlyRequest("/traced/okhttp-baggage").getHeader("baggage"))
        .startsWith("vendor=kept,sentry-trace_id=" + traceId);
    for (String path : List.of("urlconnection-missing", "javahttp-async", "apache5")) {
      LoggedRequest request = onlyRequest("/plain/" + path);
      assertThat(request.containsHeader("sentry-trace")).as(path).isFalse();
      assertThat(request.containsHeader("baggage")).as(path).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void jdbcStatementsLeaveTheirSqlWithoutValues(Jdk jdk) throws Exception {
    Process app =
        ForkedJvm.startApp(
            jdk, work, ForkedJvm.testJars("h2-"), jvmOptions(), JdbcApp.class.getName());

    assertThat(exitStatus(app)).as(stderr(work)).isEqualTo(1);
    String envelope = awaitEnvelope();
    JsonObject event = Envelopes.eventJson(envelope.getBytes(StandardCharsets.UTF_8));
    List<JsonObject> queries = breadcrumbs(event, "query");
    assertThat(queries)
        .extracting(b -> b.get("message").getAsString())
        .containsExactly(
            "CREATE TABLE users(id INT PRIMARY KEY, name VARCHAR(?), secret VARCHAR(?))",
            "INSERT INTO users VALUES (?, ?, ?)",
            "INSERT INTO users(id, name, secret) VALUES (?, ?, ?)",
            "SELECT name FROM users WHERE id = ?",
            "SELECT * FROM missing_table");
    for (JsonObject q : queries) {
      assertThat(q.get("type").getAsString()).isEqualTo("query");
      assertThat(data(q, "db.system")).isEqualTo("h2");
      assertThat(q.getAsJsonObject("data").has("duration")).isTrue();
    }
    assertThat(queries.get(3).has("level")).isFalse();
    assertThat(queries.get(4).get("level").getAsString()).isEqualTo("error");
    assertThat(envelope)
        .doesNotContain("hunter2-bound-secret")
        .doesNotContain("literal-secret")
        .doesNotContain("alice");
  }

  private LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests =
        server.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).as(path).hasSize(1);
    return requests.get(0);
  }

  private static String data(JsonObject breadcrumb, String key) {
    JsonElement value = breadcrumb.getAsJsonObject("data").get(key);
    return value == null ? null : value.getAsString();
  }

  private static List<JsonObject> breadcrumbs(JsonObject event, String category) {
    List<JsonObject> found = new ArrayList<>();
    if (event.has("breadcrumbs")) {
      for (JsonElement b : event.getAsJsonObject("breadcrumbs").getAsJsonArray("values")) {
        JsonObject crumb = b.getAsJsonObject();
        if (crumb.has("category") && crumb.get("category").getAsString().equals(category)) {
          found.add(crumb);
        }
      }
    }
    return found;
  }

  /** The one envelope the application's uncaught exception sent, as text. */
  private String awaitEnvelope() throws Exception {
    ForkedJvm.awaitTrue(() -> !envelopes().isEmpty(), "an envelope");
    List<String> envelopes = envelopes();
    assertThat(envelopes).hasSize(1);
    return envelopes.get(0);
  }

  private List<String> envelopes() {
    List<String> bodies = new ArrayList<>();
    for (LoggedRequest r :
        server.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo(ENVELOPE_PATH)))) {
      bodies.add(new String(Envelopes.unzipped(r.getBody()), StandardCharsets.UTF_8));
    }
    return bodies;
  }
}
