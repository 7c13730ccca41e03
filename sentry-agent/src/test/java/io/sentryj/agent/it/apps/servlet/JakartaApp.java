package io.sentryj.agent.it.apps.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A jakarta.servlet application on Jetty 12 (ee10) with no SDK code; see {@link Workers}. */
public final class JakartaApp extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String[] PATHS = {
    "/orders/*",
    "/fail/*",
    "/forward",
    "/redispatch",
    "/async",
    "/status",
    "/pool",
    "/virtual",
    "/ok"
  };

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    for (String path : PATHS) {
      ServletHolder holder = new ServletHolder(new JakartaApp());
      holder.setAsyncSupported(true);
      context.addServlet(holder, path);
    }
    server.setHandler(context);
    server.start();
    Workers.serveUntilStdinCloses(connector.getLocalPort());
    server.stop();
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    String id = String.valueOf(req.getParameter("id"));
    switch (req.getServletPath()) {
      case "/orders" ->
          throw new IllegalStateException("no order " + req.getPathInfo().substring(1));
      case "/fail" -> throw new IllegalStateException("boom " + id);
      case "/forward" -> req.getRequestDispatcher("/fail/x?id=forwarded-" + id).forward(req, resp);
      case "/redispatch" -> req.startAsync().dispatch("/fail/x?id=dispatched-" + id);
      case "/async" -> {
        AsyncContext async = req.startAsync();
        async.start(
            () -> {
              ((HttpServletResponse) async.getResponse()).setStatus(504);
              async.complete();
            });
      }
      case "/status" -> resp.setStatus(503);
      case "/pool" -> {
        Workers.failOnPool(id);
        resp.setStatus(202);
      }
      case "/virtual" -> {
        try {
          resp.setStatus(Workers.failOnVirtualThread(id) ? 202 : 204);
        } catch (ReflectiveOperationException e) {
          throw new ServletException(e);
        }
      }
      default -> resp.setStatus(204);
    }
  }
}
