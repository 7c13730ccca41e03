package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HTTP proxy that asks for credentials, played by WireMock. */
class ProxyTest {
  private final SentryServer proxy = new SentryServer();
  @TempDir Path dir;
  private DeliveryProcessor transport;

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close(0);
    }
    proxy.close();
  }

  @Test
  void requestsGoThroughTheProxyWithItsCredentials() {
    String expected = Credentials.basic("scott", "tiger");
    proxy.wireMock.resetMappings();
    proxy.stub(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"p\"")));
    proxy.stub(
        any(anyUrl())
            .atPriority(1)
            .withHeader("Proxy-Authorization", equalTo(expected))
            .willReturn(aResponse().withStatus(200)));
    // a host that does not resolve: only the proxy can reach it
    TransportConfig c = config("http://sentry.invalid/api/42/envelope/", dir);
    c.proxy = new TransportConfig.ProxyConfig("localhost", proxy.wireMock.port(), "scott", "tiger");
    transport = new DeliveryProcessor(c, new DiscardRecorder(null));
    transport.send(event());
    assertThat(transport.flush(5000)).isTrue();

    List<LoggedRequest> requests =
        proxy.wireMock.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(2); // challenged, then answered with credentials
    assertThat(requests.get(1).getHeader("Proxy-Authorization")).isEqualTo(expected);
    assertThat(requests.get(1).getAbsoluteUrl()).contains("sentry.invalid");
    assertThat(transport.deliveredCount()).isEqualTo(1);
  }
}
