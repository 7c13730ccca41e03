package io.sentryj.servlet.jakarta;

import io.sentryj.servlet.AbstractFilterTest;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The filter in Jetty 12's jakarta.servlet 6.0 environment (ee10), registered by its initializer.
 */
class JakartaEe10FilterTest extends AbstractFilterTest {
  private Server server;

  @Override
  protected int startServer() throws Exception {
    server = new Server(new QueuedThreadPool(400));
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer(new SentryServletContainerInitializer());
    for (String path : APP_PATHS) {
      ServletHolder holder = new ServletHolder(TestApp.class);
      holder.setAsyncSupported(true);
      context.addServlet(holder, path);
    }
    server.setHandler(context);
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
