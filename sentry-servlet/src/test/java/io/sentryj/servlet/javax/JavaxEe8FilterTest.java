package io.sentryj.servlet.javax;

import io.sentryj.servlet.AbstractFilterTest;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The filter in Jetty 12's javax.servlet 4.0 environment (ee8), registered by its initializer. */
class JavaxEe8FilterTest extends AbstractFilterTest {
  private Server server;

  @Override
  protected int startServer() throws Exception {
    server = new Server(new QueuedThreadPool(400));
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServletContainerInitializer(new SentryServletContainerInitializer());
    for (String path : APP_PATHS) {
      ServletHolder holder = new ServletHolder(TestApp.class);
      holder.setAsyncSupported(true);
      context.addServlet(holder, path);
    }
    server.setHandler(context.get());
    server.start();
    return connector.getLocalPort();
  }

  @Override
  protected void stopServer() throws Exception {
    server.stop();
  }

  @Override
  protected void together(int count) {
    TestApp.together = new CountDownLatch(count);
  }
}
