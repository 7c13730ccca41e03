package io.sentryj.servlet.war;

import io.sentryj.Sentry;
import io.sentryj.servlet.ServletIntegrationContract;
import io.sentryj.servlet.internal.RequestScope;
import io.sentryj.servlet.javax.WebappStartup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A web application laid out as a container unpacks a WAR: {@code WEB-INF/lib} with sentryj and the
 * libraries it needs (so that its class loader, not the test's, loads them, and what leaks is
 * real), {@code WEB-INF/classes} with {@code TestApp} and {@code WebappStartup} of one servlet
 * namespace, and a web.xml that maps them.
 */
final class WebappFiles {
  /** Where the build copied sentryj's runtime libraries (Gson, OkHttp, Okio, Kotlin). */
  private static final Path LIBRARIES =
      Paths.get(System.getProperty("sentryj.webapp.libs", "target/webapp-libs"));

  private static final Path BUILT = Paths.get("target/webapp-jars");

  private static List<Path> jars;

  private WebappFiles() {}

  /** One servlet namespace's application classes and deployment descriptor. */
  enum Namespace {
    JAVAX("javax", "http://xmlns.jcp.org/xml/ns/javaee", "4.0"),
    JAKARTA("jakarta", "https://jakarta.ee/xml/ns/jakartaee", "5.0");

    final String name;
    final String schema;
    final String version;

    Namespace(String name, String schema, String version) {
      this.name = name;
      this.schema = schema;
      this.version = version;
    }

    String appPackage() {
      return "io.sentryj.servlet." + name;
    }
  }

  /** Lays the application out anew in {@code dir}, sending to {@code dsn}. */
  static Path write(Namespace namespace, Path dir, String dsn, Path outbox) throws IOException {
    deleteRecursively(dir);
    Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
    for (Path jar : jars()) {
      Files.copy(jar, lib.resolve(jar.getFileName()));
    }
    copyApplicationClasses(namespace, dir.resolve("WEB-INF/classes"));
    Files.writeString(dir.resolve("WEB-INF/web.xml"), webXml(namespace, dsn, outbox));
    return dir;
  }

  /** sentry-core and sentry-servlet as jars, as a WAR has them, and their libraries; made once. */
  private static synchronized List<Path> jars() throws IOException {
    if (jars == null) {
      Files.createDirectories(BUILT);
      List<Path> all = new ArrayList<>();
      all.add(asJar(codeSource(Sentry.class), BUILT.resolve("sentry-core.jar")));
      all.add(asJar(codeSource(RequestScope.class), BUILT.resolve("sentry-servlet.jar")));
      try (Stream<Path> libraries = Files.list(LIBRARIES)) {
        all.addAll(libraries.sorted().collect(Collectors.toList()));
      }
      jars = all;
    }
    return jars;
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar itself, or the classes directory (of a build not yet packaged) zipped into one. */
  private static Path asJar(Path source, Path target) throws IOException {
    if (Files.isRegularFile(source)) {
      return source;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(source.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return target;
  }

  private static void copyApplicationClasses(Namespace namespace, Path classes) throws IOException {
    String dir = namespace.appPackage().replace('.', '/');
    Path from = codeSource(WebappFiles.class).resolve(dir);
    Path to = Files.createDirectories(classes.resolve(dir));
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith("TestApp") || name.startsWith("WebappStartup")) {
          Files.copy(file, to.resolve(name));
        }
      }
    }
  }

  private static String webXml(Namespace namespace, String dsn, Path outbox) {
    String app = namespace.appPackage();
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<web-app xmlns=\"")
        .append(namespace.schema)
        .append("\" version=\"")
        .append(namespace.version)
        .append("\" metadata-complete=\"true\">\n");
    parameter(xml, WebappStartup.DSN_PARAMETER, dsn);
    parameter(xml, WebappStartup.OUTBOX_PARAMETER, outbox.toAbsolutePath().toString());
    xml.append("  <listener><listener-class>")
        .append(app)
        .append(".WebappStartup</listener-class></listener>\n")
        .append("  <servlet><servlet-name>app</servlet-name><servlet-class>")
        .append(app)
        .append(".TestApp</servlet-class><async-supported>true</async-supported></servlet>\n")
        .append("  <servlet-mapping><servlet-name>app</servlet-name>\n");
    for (String path : ServletIntegrationContract.APP_PATHS) {
      xml.append("    <url-pattern>").append(path).append("</url-pattern>\n");
    }
    return xml.append("  </servlet-mapping>\n</web-app>\n").toString();
  }

  private static void parameter(StringBuilder xml, String name, String value) {
    xml.append("  <context-param><param-name>")
        .append(name)
        .append("</param-name><param-value>")
        .append(value)
        .append("</param-value></context-param>\n");
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
