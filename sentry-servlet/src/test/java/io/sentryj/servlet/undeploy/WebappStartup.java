package io.sentryj.servlet.undeploy;

import io.sentryj.Sentry;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * A web application's own start-up code: it bundles sentryj and starts it, with the defaults that
 * install JVM-wide hooks (uncaught exception handler, shutdown hook). Loaded by the application's
 * class loader in {@link UndeployTest}.
 */
public class WebappStartup implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    Sentry.init(
        o ->
            o.dsn("https://key@127.0.0.1:9/1")
                .release("webapp@1.0")
                // the outbox's threads and files take part in the undeploy check; keep its
                // files in the build directory, not the machine's shared temporary one
                .outboxDir("target/undeploy-outbox")
                .externalConfiguration(false)
                .sendDefaultPii(true));
  }
}
