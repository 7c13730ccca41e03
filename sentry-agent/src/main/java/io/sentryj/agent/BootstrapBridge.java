package io.sentryj.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Puts the classes of {@code io.sentryj.agent.bootstrap} on the bootstrap class path. The agent's
 * jar is appended itself: its root holds only those, the entry class and its class loader (the rest
 * lies under {@code inst/} as {@code .classdata}, which no class loader but the agent's reads), so
 * the bootstrap loader finds the bridge and nothing else of the agent's, and nothing is written
 * anywhere. Run from a build's class directory or module jar (tests, benchmarks), the bridge
 * classes are copied into a small temporary jar, appended instead.
 *
 * <p>Must run before anything loads the bridge: the agent's own class loader cannot load it until
 * then (the bridge is not under the jar's {@code inst/}), and the application class loader would
 * load it from the jar's root, out of reach of the JDK classes that call it.
 */
final class BootstrapBridge {
  static final String BRIDGE_DIR = "io/sentryj/agent/bootstrap/";

  // in the agent's jar it lies under inst/: at the root, the jar is a build's module jar
  private static final String AGENT_CLASS_AT_ROOT = "io/sentryj/agent/AgentInstaller.class";

  private BootstrapBridge() {}

  static void appendToBootstrapPath(Instrumentation instrumentation) throws IOException {
    Path location = agentLocation();
    JarFile agentJar = Files.isDirectory(location) ? null : new JarFile(location.toFile(), false);
    if (agentJar != null && agentJar.getEntry(AGENT_CLASS_AT_ROOT) == null) {
      instrumentation.appendToBootstrapClassLoaderSearch(agentJar);
    } else {
      if (agentJar != null) {
        agentJar.close();
      }
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(copyOfBridge(location)));
    }
    if (!AgentHooks.bridgeOnBootstrapPath()) {
      throw new IllegalStateException("the bridge was loaded before it reached the bootstrap path");
    }
  }

  private static Path agentLocation() throws IOException {
    CodeSource source = BootstrapBridge.class.getProtectionDomain().getCodeSource();
    URL url = source != null ? source.getLocation() : null;
    if (url == null) {
      throw new IOException("cannot tell where the agent's classes are");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static File copyOfBridge(Path location) throws IOException {
    File jar = File.createTempFile("sentryj-agent-bridge-", ".jar");
    jar.deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      copyBridgeClasses(location, out);
    }
    return jar;
  }

  /** From a class directory or a module jar. */
  private static void copyBridgeClasses(Path location, JarOutputStream out) throws IOException {
    int copied = 0;
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location.resolve(BRIDGE_DIR))) {
        for (Path file : (Iterable<Path>) files::iterator) {
          copied += copy(BRIDGE_DIR + file.getFileName(), Files.newInputStream(file), out);
        }
      }
    } else {
      try (JarFile agent = new JarFile(location.toFile())) {
        for (Enumeration<JarEntry> e = agent.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          if (entry.getName().startsWith(BRIDGE_DIR)) {
            copied += copy(entry.getName(), agent.getInputStream(entry), out);
          }
        }
      }
    }
    if (copied == 0) {
      throw new IOException("no bridge classes under " + BRIDGE_DIR + " in " + location);
    }
  }

  private static int copy(String name, InputStream in, JarOutputStream out) throws IOException {
    if (!name.endsWith(".class")) {
      in.close();
      return 0;
    }
    out.putNextEntry(new JarEntry(name));
    try (InputStream source = in) {
      transfer(source, out);
    }
    out.closeEntry();
    return 1;
  }

  private static void transfer(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
  }
}
