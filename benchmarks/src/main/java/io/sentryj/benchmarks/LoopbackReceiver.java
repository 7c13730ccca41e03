package io.sentryj.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A minimal Sentry on the loopback interface: answers every envelope with 200 and counts the event
 * items it received, after gunzipping, as a server would.
 */
final class LoopbackReceiver implements AutoCloseable {
  private static final byte[] EVENT_ITEM = "\"type\":\"event\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OK = "{}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  LoopbackReceiver() throws IOException {
    // like a real server, answer headers and body in one packet: without it the body waits for
    // the client's delayed ACK (Nagle), and a client that reads it stalls 40 ms per request
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String dsn() {
    return "http://public@127.0.0.1:" + server.getAddress().getPort() + "/1";
  }

  long events() {
    return events.get();
  }

  long requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if ("gzip".equalsIgnoreCase(encoding)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    requests.incrementAndGet();
    events.addAndGet(count(body));
    exchange.sendResponseHeaders(200, OK.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(OK);
    }
  }

  private static int count(byte[] body) {
    int n = 0;
    outer:
    for (int i = 0; i + EVENT_ITEM.length <= body.length; i++) {
      for (int j = 0; j < EVENT_ITEM.length; j++) {
        if (body[i + j] != EVENT_ITEM[j]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
