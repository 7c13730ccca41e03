package io.sentryj.samples.servlet;

import io.sentryj.Sentry;
import io.sentryj.servlet.jakarta.SentryFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * A web application in embedded Jetty 12 (jakarta.servlet 6.0) behind the sentryj filter. It starts
 * on a free port, calls its own endpoints, and stops:
 *
 * <ul>
 *   <li>{@code GET /hello} answers; its breadcrumbs stay in its own request scope;
 *   <li>{@code POST /checkout} throws: the filter reports the exception with the request (method,
 *       URL, headers, query with {@code token} filtered, no {@code Authorization}) and rethrows it;
 *   <li>{@code GET /report} is asynchronous: the work runs on another thread with the request's
 *       scope, and reports a handled exception.
 * </ul>
 */
public final class ServletSample {
  private ServletSample() {}

  public static void main(String[] args) throws Exception {
    // The DSN (or an outbox to write to instead) comes from SENTRY_DSN, -Dsentry.dsn or
    // sentry.properties; the README's demo command passes -Dsentry.outbox-only=true.
    Sentry.init(
        options ->
            options
                .release("servlet-sample@1.0.0")
                .environment("demo")
                .addInAppInclude("io.sentryj.samples"));

    Server server = start();
    try {
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      callItself(URI.create("http://localhost:" + port));
    } finally {
      Sentry.flush(5_000);
      server.stop();
    }
  }

  /** Jetty on a free port, with the filter in front of every request and async dispatch. */
  static Server start() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    // In a servlet container the sentry-servlet jar registers this filter by itself (its
    // ServletContainerInitializer); embedded Jetty runs no initializers, so it is added here.
    FilterHolder filter = new FilterHolder(SentryFilter.class);
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    ServletHolder shop = new ServletHolder(new ShopServlet());
    shop.setAsyncSupported(true);
    context.addServlet(shop, "/*");
    server.setHandler(context);
    server.start();
    return server;
  }

  private static void callItself(URI base) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    send(client, HttpRequest.newBuilder(base.resolve("/hello")).GET());
    send(
        client,
        HttpRequest.newBuilder(base.resolve("/checkout?order=1234&token=s3cr3t"))
            .header("Authorization", "Bearer never-sent")
            .header("User-Agent", "servlet-sample")
            .POST(HttpRequest.BodyPublishers.noBody()));
    send(client, HttpRequest.newBuilder(base.resolve("/report?month=2026-11")).GET());
  }

  private static void send(HttpClient client, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
    System.out.println(
        built.method() + " " + built.uri().getPath() + " -> " + response.statusCode());
  }

  /** The application: plain servlet code; only {@code /report} calls the Sentry API. */
  static final class ShopServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      // scope data set during a request belongs to that request only
      Sentry.addBreadcrumb("handling " + req.getMethod() + " " + req.getRequestURI());
      switch (req.getRequestURI()) {
        case "/hello":
          resp.setContentType("text/plain");
          resp.getWriter().println("hello");
          return;
        case "/checkout":
          Sentry.setTag("order", String.valueOf(req.getParameter("order")));
          throw new IllegalStateException("payment service unavailable");
        case "/report":
          report(req);
          return;
        default:
          resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
    }

    private static void report(HttpServletRequest req) {
      AsyncContext async = req.startAsync();
      async.start(
          () -> {
            // another thread, yet the request's scope: its breadcrumbs and request data
            Sentry.addBreadcrumb("building the report on " + Thread.currentThread().getName());
            try {
              buildReport(req.getParameter("month"));
              ((HttpServletResponse) async.getResponse()).setStatus(200);
            } catch (IllegalArgumentException e) {
              Sentry.captureException(e);
              ((HttpServletResponse) async.getResponse()).setStatus(503);
            } finally {
              async.complete();
            }
          });
    }

    private static void buildReport(@Nullable String month) {
      throw new IllegalArgumentException("no sales data for " + month + " yet");
    }
  }
}
