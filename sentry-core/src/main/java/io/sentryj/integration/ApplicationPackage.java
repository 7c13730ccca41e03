package io.sentryj.integration;

import org.jspecify.annotations.Nullable;

/**
 * The application's own package, which the SDK counts as in-app when {@code in-app-includes} is not
 * set: found from the JVM's command (the main class, or a jar's {@code Start-Class} or {@code
 * Main-Class}), never a launcher's. For tools that show what the SDK detected.
 */
public final class ApplicationPackage {
  private final io.sentryj.internal.event.ApplicationPackage detected;

  private ApplicationPackage(io.sentryj.internal.event.ApplicationPackage detected) {
    this.detected = detected;
  }

  private static @Nullable ApplicationPackage of(
      io.sentryj.internal.event.@Nullable ApplicationPackage detected) {
    return detected == null ? null : new ApplicationPackage(detected);
  }

  /** This JVM's application package, or null when none can be told. */
  public static @Nullable ApplicationPackage detected() {
    return of(io.sentryj.internal.event.ApplicationPackage.detected());
  }

  /**
   * The package for a JVM command as {@code sun.java.command} gives it (a main class or a jar, then
   * the program's arguments), or null when none can be told.
   */
  public static @Nullable ApplicationPackage fromCommand(
      @Nullable String command, ClassLoader loader) {
    return of(io.sentryj.internal.event.ApplicationPackage.fromCommand(command, loader));
  }

  /** The package as a prefix of class names, ending with a dot: {@code com.acme.shop.}. */
  public String prefix() {
    return detected.prefix();
  }

  /** Where it was found: {@code "Start-Class of /srv/shop.jar"}. */
  public String source() {
    return detected.source();
  }

  /** {@code com.acme.shop. (Start-Class of /srv/shop.jar)}. */
  @Override
  public String toString() {
    return detected.toString();
  }
}
