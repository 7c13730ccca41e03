package io.sentryj.jul;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sentryj.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK reading {@code logging.properties} at start ({@code -Djava.util.logging.config.file}) in
 * a JVM of its own, sending over real HTTP to a server on a free port.
 */
class SentryHandlerForkedJvmTest {
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aJvmConfiguredOnlyByLoggingPropertiesSendsItsSevereLine(@TempDir Path dir) throws Exception {
    int port = startServer();
    Path config = dir.resolve("logging.properties");
    Files.write(
        config,
        Arrays.asList(
            "handlers = io.sentryj.jul.SentryHandler",
            ".level = INFO",
            "io.sentryj.jul.SentryHandler.dsn = http://public@127.0.0.1:" + port + "/42",
            "io.sentryj.jul.SentryHandler.environment = forked",
            "io.sentryj.jul.SentryHandler.flushTimeoutMillis = 10000"),
        StandardCharsets.UTF_8);

    Process jvm =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + config,
                "-cp",
                System.getProperty("java.class.path"),
                ForkedJulApp.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("jvm.out").toFile())
            .start();

    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the forked JVM exits").isTrue();
    Await.until(
        "the forked JVM's event",
        30_000,
        () -> bodies.stream().anyMatch(b -> b.contains("forked order failed")));
    String event = bodies.stream().filter(b -> b.contains("forked order failed")).findFirst().get();
    assertThat(event).contains("\"environment\":\"forked\"", "\"forked {0} failed\"");
    assertThat(event).contains("\"message\":\"starting\""); // the breadcrumb
    assertThat(jvm.exitValue()).isZero();
  }

  private int startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/42/envelope/",
        exchange -> {
          byte[] body = readAll(exchange.getRequestBody());
          String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
          if ("gzip".equalsIgnoreCase(encoding)) {
            body = readAll(new GZIPInputStream(new ByteArrayInputStream(body)));
          }
          bodies.add(new String(body, StandardCharsets.UTF_8));
          byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
