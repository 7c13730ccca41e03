package io.sentryj.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.SecureClassLoader;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * The agent's own class loader: defines the agent and everything it bundles from the entries under
 * {@code inst/} of the agent's jar, where classes are stored as {@code .classdata} so that the
 * application class loader, which serves the jar's root, never finds them. Its parent is the
 * platform class loader (the extension loader on Java 8), so it sees the JDK and, once appended to
 * the bootstrap path, the bridge, but nothing of the application. Classes get the jar as their code
 * source. Resources come from {@code inst/} too, {@code .class} lookups included, which is how the
 * agent reads the class files of its code linked against the application's libraries.
 *
 * <p>Depends on nothing but the JDK: it is loaded by the application class loader from the jar's
 * root, before anything else of the agent exists.
 */
final class AgentClassLoader extends SecureClassLoader {
  static final String INST = "inst/";
  static final String CLASS_DATA = ".classdata";

  static {
    registerAsParallelCapable();
  }

  private final JarFile jar;
  private final URL jarUrl;
  private final CodeSource codeSource;

  AgentClassLoader(File jarFile, @Nullable ClassLoader parent) throws IOException {
    super(parent);
    this.jar = new JarFile(jarFile, false);
    this.jarUrl = jarFile.toURI().toURL();
    this.codeSource = new CodeSource(jarUrl, (Certificate[]) null);
  }

  /**
   * The platform class loader on Java 9 and later, else the extension loader: the top of the system
   * loader's chain below the bootstrap loader. Found by walking the chain: calling {@code
   * getPlatformClassLoader} reflectively would make the JVM read its annotations to see that it is
   * caller-sensitive, which costs a JVM's start some 30 ms of class loading.
   */
  static @Nullable ClassLoader platformLoader() {
    ClassLoader loader = ClassLoader.getSystemClassLoader();
    while (loader != null && loader.getParent() != null) {
      loader = loader.getParent();
    }
    return loader;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JarEntry entry = jar.getJarEntry(INST + name.replace('.', '/') + CLASS_DATA);
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = readAll(in, (int) entry.getSize());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, codeSource);
  }

  /** Java 8 leaves {@code Class.getPackage()} null for a package nobody defined. */
  @SuppressWarnings("deprecation") // getPackage: getDefinedPackage is Java 9
  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot <= 0) {
      return;
    }
    String pkg = className.substring(0, dot);
    if (getPackage(pkg) == null) {
      try {
        definePackage(pkg, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException e) {
        // defined meanwhile by another thread
      }
    }
  }

  @Override
  protected @Nullable URL findResource(String name) {
    String entryName = entryName(name);
    if (entryName == null || jar.getEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL("jar:" + jarUrl + "!/" + entryName);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null
        ? Collections.<URL>emptyEnumeration()
        : Collections.enumeration(Collections.singletonList(url));
  }

  /** Straight from the open jar, without a URL connection: ByteBuddy reads every advice so. */
  @Override
  public @Nullable InputStream getResourceAsStream(String name) {
    ClassLoader parent = getParent();
    if (parent == null) {
      return super.getResourceAsStream(name);
    }
    InputStream fromParent = parent.getResourceAsStream(name);
    if (fromParent != null) {
      return fromParent;
    }
    String entryName = entryName(name);
    JarEntry entry = entryName != null ? jar.getJarEntry(entryName) : null;
    if (entry == null) {
      return null;
    }
    try {
      return jar.getInputStream(entry);
    } catch (IOException e) {
      return null;
    }
  }

  private static @Nullable String entryName(String name) {
    String path = name.startsWith("/") ? name.substring(1) : name;
    if (path.isEmpty() || path.contains("..")) {
      return null;
    }
    return path.endsWith(".class")
        ? INST + path.substring(0, path.length() - ".class".length()) + CLASS_DATA
        : INST + path;
  }

  private static byte[] readAll(InputStream in, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 ? size : 8192);
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "sentryj agent class loader (" + jarUrl + ')';
  }
}
