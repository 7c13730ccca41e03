package io.sentryj.agent.it.apps.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * An application with no SDK code that calls a server with each HTTP client the agent knows, then
 * dies of an uncaught exception. Paths under {@code /traced/} are the propagation targets the test
 * configures; those under {@code /plain/} are not.
 */
public final class HttpClientsApp {
  private HttpClientsApp() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    urlConnection(base + "/traced/urlconnection?token=s3cret-token&page=2#frag-secret");
    urlConnection(base + "/plain/urlconnection-missing");
    urlConnectionPost(base + "/traced/urlconnection-post");

    HttpClient javaHttp = HttpClient.newHttpClient();
    javaHttp.send(
        HttpRequest.newBuilder(URI.create(base + "/traced/javahttp")).build(),
        HttpResponse.BodyHandlers.ofString());
    javaHttp
        .sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/plain/javahttp-async")).build(),
            HttpResponse.BodyHandlers.ofString())
        .join();

    OkHttpClient okHttp = new OkHttpClient();
    try (Response r =
        okHttp.newCall(new Request.Builder().url(base + "/traced/okhttp").build()).execute()) {
      r.body().string();
    }
    OkHttpClient copied = okHttp.newBuilder().build();
    Request withBaggage =
        new Request.Builder()
            .url(base + "/traced/okhttp-baggage")
            .header("baggage", "vendor=kept")
            .build();
    try (Response r = copied.newCall(withBaggage).execute()) {
      r.body().string();
    }

    try (org.apache.http.impl.client.CloseableHttpClient apache4 =
            HttpClientBuilder.create().build();
        CloseableHttpResponse r =
            apache4.execute(new org.apache.http.client.methods.HttpGet(base + "/traced/apache4"))) {
      org.apache.http.util.EntityUtils.consume(r.getEntity());
    }
    try (CloseableHttpClient apache5 = HttpClients.createDefault()) {
      apache5.execute(
          new HttpGet(base + "/plain/apache5"), r -> EntityUtils.toString(r.getEntity()));
    }

    // a port bound by a socket that never listens: refused, and nothing else can take it meanwhile
    try (Socket held = new Socket()) {
      held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String host = InetAddress.getLoopbackAddress().getHostAddress();
      urlConnection("http://" + host + ":" + held.getLocalPort() + "/refused");
    } catch (IOException expected) {
      System.out.println("refused as expected: " + expected);
    }
    throw new IllegalStateException("http done");
  }

  private static void urlConnection(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    int status = c.getResponseCode();
    InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
    if (in != null) {
      in.readAllBytes();
      in.close();
    }
  }

  private static void urlConnectionPost(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setDoOutput(true);
    c.getOutputStream().write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (InputStream in = c.getInputStream()) {
      in.readAllBytes();
    }
  }
}
