package io.sentryj.internal.transport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.sentryj.internal.transport.SentryServer.await;
import static io.sentryj.internal.transport.TransportFixtures.config;
import static io.sentryj.internal.transport.TransportFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Sentry;
import io.sentryj.SentryId;
import io.sentryj.internal.pipeline.DiscardRecorder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to a server whose certificate is self-signed (made by the JDK's {@code keytool} for this
 * test): delivered with a custom trust, refused and accounted for without it.
 */
class TlsTrustTest {
  private static final String PASSWORD = "changeit";

  @TempDir Path dir;
  private SentryServer server;
  private Path keystore;
  private DeliveryProcessor transport;
  private final PrintStream originalErr = System.err;

  @BeforeEach
  void startHttpsServer() throws Exception {
    keystore = dir.resolve("server.p12");
    selfSignedKeystore(keystore);
    server =
        new SentryServer(
            options()
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
  }

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    if (transport != null) {
      transport.close(0);
    }
    Sentry.close();
    server.close();
  }

  @Test
  void aCustomTrustFromTheOptionsDeliversToASelfSignedServer() throws Exception {
    X509TrustManager trust = trustOnly(keystore);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new X509TrustManager[] {trust}, null);
    Sentry.init(
        o ->
            o.dsn("https://public@localhost:" + server.wireMock.httpsPort() + "/42")
                .outboxDir(dir.resolve("outbox").toString())
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .externalConfiguration(false)
                .enableShutdownHook(false));
    SentryId id = Sentry.captureException(new IllegalStateException("over TLS"));
    assertThat(Sentry.flush(5000)).isTrue();

    assertThat(server.eventIdsAnswered(200)).containsExactly(id.toString());
    assertThat(server.requests().get(0).getAbsoluteUrl()).startsWith("https://");
  }

  @Test
  void withoutTheTrustASendFailsAndIsCountedWithOneWarning() {
    ByteArrayOutputStream err = captureStderr();
    DiscardRecorder recorder = new DiscardRecorder(null);
    TransportConfig c = config(server.httpsUrl(), null); // memory only: nowhere to keep it
    c.memoryRetries = 1;
    transport = new DeliveryProcessor(c, recorder);
    transport.send(event());

    await(
        "counted",
        10_000,
        () -> recorder.count(DiscardReason.NETWORK_ERROR, DataCategory.ERROR) == 1);
    assertThat(server.requests()).isEmpty(); // the handshake failed before any request
    assertThat(transport.deliveredCount()).isZero();
    List<String> warnings = warnings(err);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("dropped").contains("SSL");
  }

  @Test
  void withoutTheTrustAndWithAnOutboxTheEnvelopeWaitsOnDiskWithOneWarning() throws Exception {
    ByteArrayOutputStream err = captureStderr();
    DiscardRecorder recorder = new DiscardRecorder(null);
    transport = new DeliveryProcessor(config(server.httpsUrl(), dir.resolve("outbox")), recorder);
    for (int i = 0; i < 3; i++) {
      transport.send(event());
    }

    await("several refused handshakes", 10_000, () -> warnings(err).size() == 1 && retried(3));
    assertThat(TransportFixtures.storedEnvelopes(dir.resolve("outbox")))
        .isEqualTo(3); // kept for a fixed trust
    assertThat(recorder.total()).isZero();
    assertThat(server.requests()).isEmpty();
    List<String> warnings = warnings(err);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("TLS").contains("SSL");
  }

  private boolean retried(int atLeast) {
    // each refused handshake is a failed attempt; the transport counts none of them
    return transport.failedAttempts() >= atLeast;
  }

  private ByteArrayOutputStream captureStderr() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    return captured;
  }

  private static List<String> warnings(ByteArrayOutputStream err) {
    return err.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("[sentryj] WARN"))
        .collect(Collectors.toList());
  }

  /** A PKCS12 keystore with a fresh self-signed EC certificate for localhost. */
  private static void selfSignedKeystore(Path file) throws Exception {
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(Files.size(file)).isPositive();
  }

  /** A trust manager that trusts the server's certificate and nothing else. */
  private static X509TrustManager trustOnly(Path keystoreFile) throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystoreFile)) {
      server.load(in, PASSWORD.toCharArray());
    }
    Certificate certificate = server.getCertificate("server");
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("server", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }
}
