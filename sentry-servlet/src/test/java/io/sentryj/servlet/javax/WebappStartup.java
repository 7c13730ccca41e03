package io.sentryj.servlet.javax;

import io.sentryj.Sentry;
import io.sentryj.SentryOptions.RequestBodySize;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;

/**
 * The web application's own start-up code (a listener of its web.xml): it bundles sentryj and
 * starts it with the defaults that install JVM-wide hooks (uncaught exception handler, shutdown
 * hook). It never closes the SDK: the module's initializer does that when the application stops.
 */
public class WebappStartup implements ServletContextListener {
  /** The context parameter with the DSN of the tests' stand-in for Sentry. */
  public static final String DSN_PARAMETER = "sentryj.test.dsn";

  /** The context parameter with the outbox directory, which takes part in the undeploy checks. */
  public static final String OUTBOX_PARAMETER = "sentryj.test.outbox";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    Sentry.init(
        o ->
            o.dsn(context.getInitParameter(DSN_PARAMETER))
                .release("webapp@1.0")
                .outboxDir(context.getInitParameter(OUTBOX_PARAMETER))
                .externalConfiguration(false)
                // what a stop sends may wait for a loaded build machine
                .shutdownTimeoutMillis(10_000)
                .sendDefaultPii(true)
                .maxRequestBodySize(RequestBodySize.SMALL));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    // the initializer's stop listener closes the SDK
  }
}
