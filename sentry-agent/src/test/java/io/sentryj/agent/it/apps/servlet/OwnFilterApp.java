package io.sentryj.agent.it.apps.servlet;

import io.sentryj.Sentry;
import io.sentryj.servlet.jakarta.SentryFilter;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A jakarta.servlet application that bundles sentryj itself: it starts the SDK with release {@code
 * own} and registers the module's filter, so the agent must leave its requests to that filter.
 * System property {@code ownapp.dsn}: the DSN.
 */
public final class OwnFilterApp {
  private OwnFilterApp() {}

  public static void main(String[] args) throws Exception {
    Sentry.init(options -> options.dsn(System.getProperty("ownapp.dsn")).release("own"));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    FilterHolder filter = new FilterHolder(new SentryFilter());
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    ServletHolder holder = new ServletHolder(new JakartaApp());
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/orders/*");
    server.setHandler(context);
    server.start();
    Workers.serveUntilStdinCloses(connector.getLocalPort());
    server.stop();
    Sentry.close();
  }
}
