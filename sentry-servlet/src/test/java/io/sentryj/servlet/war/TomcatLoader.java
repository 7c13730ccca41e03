package io.sentryj.servlet.war;

import io.sentryj.servlet.war.harness.TomcatHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Tomcat version's class loader, as {@code bin/bootstrap.jar} would make it: its jars over the
 * JDK's platform classes, nothing of the test class path (which holds Jetty and other servlet
 * APIs), except the harness classes, defined here, and the {@link TomcatControl} they implement.
 */
final class TomcatLoader extends URLClassLoader {
  private static final String HARNESS = TomcatHarness.class.getPackage().getName() + '.';

  private final String version;

  private TomcatLoader(String version, URL[] jars) {
    super(jars, ClassLoader.getPlatformClassLoader());
    this.version = version;
  }

  /**
   * A harness in a fresh loader of the Tomcat copied to {@code target/containers/tomcat-<version>}.
   */
  static TomcatControl harness(String version) throws Exception {
    Path dir =
        Paths.get(System.getProperty("sentryj.containers.dir", "target/containers"))
            .resolve("tomcat-" + version);
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException("no Tomcat in " + dir + ": run the build's test phase");
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = url(jars.get(i));
    }
    TomcatLoader loader = new TomcatLoader(version, urls);
    return (TomcatControl)
        loader.loadClass(TomcatHarness.class.getName()).getConstructor().newInstance();
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(jar.toString(), e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.equals(TomcatControl.class.getName())) {
      return TomcatControl.class;
    }
    if (!name.startsWith(HARNESS)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes = harnessClass(name);
        c = defineClass(name, bytes, 0, bytes.length);
      }
      return c;
    }
  }

  private static byte[] harnessClass(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = TomcatLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "TomcatLoader{" + version + '}';
  }
}
