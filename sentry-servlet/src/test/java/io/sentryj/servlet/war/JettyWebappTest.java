package io.sentryj.servlet.war;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web application that bundles sentryj, deployed and undeployed ten times in Jetty 12 (ee10) by
 * its web application context, which finds the module's initializer in {@code WEB-INF/lib} as
 * Jetty's annotations module does: no thread may stay, and every class loader must go.
 */
class JettyWebappTest {
  private static final int DEPLOYS = 10;

  private final HttpClient http = HttpClient.newHttpClient();
  private SentryStandIn sentry;
  private Server server;
  private ContextHandlerCollection contexts;
  private Path webapp;
  private int port;

  @BeforeEach
  void startJetty() throws Exception {
    sentry = new SentryStandIn();
    Path dir = Paths.get("target/webapps/jetty-12").toAbsolutePath();
    WebappFiles.deleteRecursively(dir);
    webapp =
        WebappFiles.write(
            Namespace.JAKARTA, dir.resolve("shop"), sentry.dsn(), dir.resolve("outbox"));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    contexts = new ContextHandlerCollection();
    server.setHandler(contexts);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterEach
  void stopJetty() throws Exception {
    try {
      server.stop();
    } finally {
      sentry.close();
    }
  }

  @Test
  void tenUndeploysLeaveNoThreadAndReleaseEveryClassLoader() throws Exception {
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int i = 0; i < DEPLOYS; i++) {
      loaders.add(deployUseAndUndeploy(i));
    }

    assertThat(sentry.events()).as("each deployment delivered its event").hasSize(DEPLOYS);
    assertThat(Leaks.threadsLeft(loaders, Duration.ofSeconds(30))).as("threads").isEmpty();
    // Jetty holds on to the last context it served (and its loader) until it serves another:
    // serve one that has nothing of the SDK, so that only the SDK's own leaks remain to be seen
    ServletContextHandler plain = new ServletContextHandler("/plain");
    plain.addServlet(new ServletHolder(new jakarta.servlet.http.HttpServlet() {}), "/*");
    contexts.addHandler(plain);
    plain.start();
    assertThat(get("/plain/x").statusCode()).isEqualTo(405);
    assertThat(Leaks.uncollected(loaders, Duration.ofSeconds(30))).as("deployments").isEmpty();
  }

  private WeakReference<ClassLoader> deployUseAndUndeploy(int i) throws Exception {
    WebAppContext context = new WebAppContext(webapp.toString(), "/shop");
    contexts.addHandler(context);
    context.start();
    ClassLoader loader = context.getClassLoader();
    assertThat(loader.loadClass("io.sentryj.Sentry"))
        .as("the application's own sentryj")
        .isNotSameAs(io.sentryj.Sentry.class);

    assertThat(get("/shop/fail/" + i).statusCode()).isEqualTo(500);
    Await.until("the event of deployment " + i, 30_000, () -> sentry.events().size() > i);

    context.stop();
    contexts.removeHandler(context);
    context.destroy();
    return new WeakReference<>(loader);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
