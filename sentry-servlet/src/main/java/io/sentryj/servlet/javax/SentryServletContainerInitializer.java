package io.sentryj.servlet.javax;

import io.sentryj.servlet.internal.ContainerHooks;
import java.util.EnumSet;
import java.util.Set;
import javax.servlet.DispatcherType;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import org.jspecify.annotations.Nullable;

/**
 * Registers {@link SentryFilter} first on {@code /*} of every {@code javax.servlet} application
 * that has sentryj on its class path, and closes the SDK when an application that bundles it stops.
 * Turn the filter's registration off with the context parameter {@code
 * io.sentryj.servlet.auto=false} or the system property {@code sentryj.servlet.auto=false}; the SDK
 * is closed at the stop either way.
 */
public final class SentryServletContainerInitializer implements ServletContainerInitializer {
  /** An initializer; containers find it through {@code META-INF/services}. */
  public SentryServletContainerInitializer() {}

  @Override
  public void onStartup(@Nullable Set<Class<?>> classes, ServletContext context) {
    if (ContainerHooks.autoRegistration(context.getInitParameter(ContainerHooks.AUTO_PARAMETER))) {
      FilterRegistration.Dynamic filter =
          context.addFilter(ContainerHooks.FILTER_NAME, SentryFilter.class);
      if (filter != null) { // null: the application registered one under that name itself
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
      }
    }
    // Decided here: a listener added by an initializer may not ask the context for its class
    // loader (Servlet 3.0 section 4.4; Tomcat throws), and it needs nothing else from it.
    if (ContainerHooks.sdkBelongsTo(applicationLoader(context))) {
      context.addListener(new StopListener());
    }
  }

  private static @Nullable ClassLoader applicationLoader(ServletContext context) {
    try {
      return context.getClassLoader();
    } catch (RuntimeException e) {
      // a security manager said no: containers start applications with their loader as context
      return Thread.currentThread().getContextClassLoader();
    }
  }

  @Override
  public String toString() {
    return "SentryServletContainerInitializer{javax.servlet}";
  }

  /** Closes the SDK when the application that holds its classes stops. */
  static final class StopListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      // nothing: the application starts the SDK with Sentry.init
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      ContainerHooks.applicationStopped(); // never the event's context: see onStartup
    }

    @Override
    public String toString() {
      return "StopListener";
    }
  }
}
