package io.sentryj.internal.event;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * The package of the application's main class, which {@link InAppMatcher} counts as in-app ahead of
 * the frameworks' packages: many applications live under their framework's or company's prefix
 * ({@code org.springframework.samples.petclinic}, {@code com.google.cloud.demo}), which the default
 * excludes would otherwise leave out, and then culprit and grouping come from framework frames.
 *
 * <p>Found from the JVM's command ({@code sun.java.command}): the main class given on the command
 * line, or for {@code -jar}, the jar's {@code Start-Class} (Spring Boot's executable jars, whose
 * {@code Main-Class} is Boot's launcher) or {@code Main-Class}. A launcher's own package (Spring
 * Boot's loader, Tomcat's or Jetty's start classes, build tools, IDE runners), a package in the
 * default one and one no more specific than a default exclude ({@code com.}, {@code
 * org.springframework.}) are not taken.
 */
public final class ApplicationPackage {
  /** Main classes that start someone else's code: their package is not the application's. */
  private static final List<String> LAUNCHERS =
      Collections.unmodifiableList(
          Arrays.asList(
              "org.springframework.boot.loader.",
              "org.apache.catalina.startup.",
              "org.eclipse.jetty.start.",
              "org.jboss.modules.",
              "io.quarkus.bootstrap.",
              "org.apache.maven.",
              "org.codehaus.plexus.classworlds.",
              "org.gradle.",
              "worker.org.gradle.",
              "com.intellij.rt.",
              "org.jetbrains.",
              "org.junit.",
              String.join(".", "io", "sentryj", "agent", "")));

  private static final String SPRING_BOOT_LOADER = "org.springframework.boot.loader.";
  private static final String START_CLASS = "Start-Class";

  private final String prefix;
  private final String source;

  private ApplicationPackage(String prefix, String source) {
    this.prefix = prefix;
    this.source = source;
  }

  /** This JVM's application package, or null when none can be told; looked up once. */
  public static @Nullable ApplicationPackage detected() {
    return Holder.DETECTED;
  }

  /** The package as a prefix of class names, ending with a dot: {@code com.acme.shop.}. */
  public String prefix() {
    return prefix;
  }

  /** Where it was found, for {@code doctor}: {@code "Start-Class of /srv/shop.jar"}. */
  public String source() {
    return source;
  }

  /**
   * The package for a JVM command as {@code sun.java.command} gives it: a main class (or {@code
   * module/class}) or a jar, then the program's arguments.
   */
  public static @Nullable ApplicationPackage fromCommand(
      @Nullable String command, ClassLoader loader) {
    if (command == null || command.trim().isEmpty()) {
      return null;
    }
    String trimmed = command.trim();
    File jar = jarOf(trimmed);
    if (jar != null) {
      return fromJar(jar);
    }
    String first = trimmed.split("\\s+", 2)[0];
    String main = first.substring(first.lastIndexOf('/') + 1); // module/class
    if (!isClassName(main) || main.toLowerCase(Locale.ROOT).endsWith(".jar")) {
      return null; // a jar that is not there, or something else than a class
    }
    if (main.startsWith(SPRING_BOOT_LOADER)) {
      return fromSpringBootLayout(loader);
    }
    return fromMainClass(main, "main class " + main);
  }

  /** The jar a {@code -jar} command names (whose path may hold spaces), or null for a class. */
  private static @Nullable File jarOf(String command) {
    int end = command.toLowerCase(Locale.ROOT).indexOf(".jar");
    while (end >= 0) {
      File candidate = new File(command.substring(0, end + 4));
      if (candidate.isFile()) {
        return candidate;
      }
      end = command.toLowerCase(Locale.ROOT).indexOf(".jar", end + 4);
    }
    return null;
  }

  /** From a jar's {@code Start-Class}, else its {@code Main-Class}. */
  static @Nullable ApplicationPackage fromJar(File jar) {
    try (JarFile file = new JarFile(jar)) {
      Manifest manifest = file.getManifest();
      return manifest == null ? null : fromManifest(manifest, " of " + jar.getPath());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** An exploded Spring Boot application started with Boot's launcher: its manifest's class. */
  private static @Nullable ApplicationPackage fromSpringBootLayout(ClassLoader loader) {
    try {
      Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
      while (manifests.hasMoreElements()) {
        URL url = manifests.nextElement();
        try (InputStream in = url.openStream()) {
          Manifest manifest = new Manifest(in);
          if (manifest.getMainAttributes().getValue(START_CLASS) != null) {
            return fromManifest(manifest, " of " + url);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // no package then
    }
    return null;
  }

  private static @Nullable ApplicationPackage fromManifest(Manifest manifest, String where) {
    Attributes attributes = manifest.getMainAttributes();
    String start = attributes.getValue(START_CLASS);
    if (start != null && !start.trim().isEmpty()) {
      return fromMainClass(start.trim(), START_CLASS + where);
    }
    String main = attributes.getValue(Attributes.Name.MAIN_CLASS);
    return main == null ? null : fromMainClass(main.trim(), "Main-Class" + where);
  }

  /** The package of a main class, unless it is a launcher's or too broad to be an application's. */
  static @Nullable ApplicationPackage fromMainClass(String className, String source) {
    int lastDot = className.lastIndexOf('.');
    if (lastDot <= 0) {
      return null; // the default package
    }
    String prefix = className.substring(0, lastDot + 1);
    for (String launcher : LAUNCHERS) {
      if (prefix.startsWith(launcher)) {
        return null;
      }
    }
    for (String exclude : InAppMatcher.DEFAULT_EXCLUDES) {
      if (exclude.startsWith(prefix)) {
        return null; // com. or org.springframework.: that would take in libraries
      }
    }
    return new ApplicationPackage(prefix, source);
  }

  private static boolean isClassName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        return false;
      }
      for (int i = 1; i < part.length(); i++) {
        if (!Character.isJavaIdentifierPart(part.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return prefix + " (" + source + ")";
  }

  /** Looked up when first needed, on whichever thread first builds a stack frame. */
  private static final class Holder {
    static final @Nullable ApplicationPackage DETECTED = detect();

    private static @Nullable ApplicationPackage detect() {
      try {
        return fromCommand(
            System.getProperty("sun.java.command"), ClassLoader.getSystemClassLoader());
      } catch (RuntimeException e) { // SecurityException
        return null;
      }
    }
  }
}
