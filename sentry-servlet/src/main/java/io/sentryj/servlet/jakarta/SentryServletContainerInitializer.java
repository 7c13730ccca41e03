package io.sentryj.servlet.jakarta;

import io.sentryj.servlet.internal.ContainerHooks;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Registers {@link SentryFilter} first on {@code /*} of every {@code jakarta.servlet} application
 * that has sentryj on its class path, and closes the SDK when an application that bundles it stops.
 * Turn it off with the context parameter {@code io.sentryj.servlet.auto=false} or the system
 * property {@code sentryj.servlet.auto=false}.
 */
public final class SentryServletContainerInitializer implements ServletContainerInitializer {
  /** An initializer; containers find it through {@code META-INF/services}. */
  public SentryServletContainerInitializer() {}

  @Override
  public void onStartup(@Nullable Set<Class<?>> classes, ServletContext context) {
    if (!ContainerHooks.autoRegistration(context.getInitParameter(ContainerHooks.AUTO_PARAMETER))) {
      return;
    }
    FilterRegistration.Dynamic filter =
        context.addFilter(ContainerHooks.FILTER_NAME, SentryFilter.class);
    if (filter != null) { // null: the application registered one under that name itself
      filter.setAsyncSupported(true);
      filter.addMappingForUrlPatterns(
          EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }
    context.addListener(new StopListener());
  }

  @Override
  public String toString() {
    return "SentryServletContainerInitializer{jakarta.servlet}";
  }

  /** Closes the SDK when the application that holds its classes stops. */
  static final class StopListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      // nothing: the application starts the SDK with Sentry.init
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      ContainerHooks.applicationStopped(event.getServletContext().getClassLoader());
    }
  }
}
