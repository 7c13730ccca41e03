package io.sentryj.servlet.internal;

import io.sentryj.Sentry;
import io.sentryj.integration.SdkDiagnostics;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the initializers and context listeners of both namespaces decide the same way. */
public final class ContainerHooks {
  /** The context parameter ({@code web.xml}) that turns automatic registration off. */
  public static final String AUTO_PARAMETER = "io.sentryj.servlet.auto";

  /** The system property that turns automatic registration off for every application. */
  public static final String AUTO_PROPERTY = "sentryj.servlet.auto";

  /** The name the filter is registered under. */
  public static final String FILTER_NAME = "sentryj";

  private ContainerHooks() {}

  /** Whether to register the filter: unless the context parameter or property says false. */
  public static boolean autoRegistration(@Nullable String contextParameter) {
    String value = contextParameter != null ? contextParameter : System.getProperty(AUTO_PROPERTY);
    boolean off = value != null && value.trim().toLowerCase(Locale.ROOT).equals("false");
    if (off) {
      SdkDiagnostics.debug("servlet filter not registered automatically: %s=false", AUTO_PARAMETER);
    }
    return !off;
  }

  /**
   * Whether the SDK's classes came from this application's class loader (it bundles sentryj in
   * {@code WEB-INF/lib}): then its stop must close the SDK, so that its threads end and the class
   * loader can go. An SDK shared by the server (its classes above the application's) stays up.
   * Decided at start-up, where the container still answers {@code getClassLoader()}.
   */
  public static boolean sdkBelongsTo(@Nullable ClassLoader applicationLoader) {
    if (applicationLoader == null) {
      return false;
    }
    for (ClassLoader l = Sentry.class.getClassLoader(); l != null; l = l.getParent()) {
      if (l == applicationLoader) {
        return true;
      }
    }
    return false;
  }

  /** Called when an application whose class loader holds the SDK stops: closes the SDK. */
  public static void applicationStopped() {
    if (Sentry.isEnabled()) {
      SdkDiagnostics.debug("the application that holds the SDK stops: closing it");
      Sentry.close();
    }
  }
}
