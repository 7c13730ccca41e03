package io.sentryj.agent.instrumentation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.ProtectionDomain;
import org.jspecify.annotations.Nullable;

/**
 * Code of the agent's that is compiled against a library of the application (the servlet API,
 * Logback, Log4j, JBoss LogManager), defined in a class loader of its own for each loader of that
 * library: it links the library's names against the application's copy, and everything else, the
 * SDK included, against the agent's classes. Nothing is added to the application's class loaders,
 * and nothing of the agent holds this loader but a {@code ClassValue} on one of the library's
 * types, which goes with that type's loader.
 */
public final class LinkedCode extends ClassLoader {
  private static final ProtectionDomain DOMAIN = LinkedCode.class.getProtectionDomain();

  static {
    registerAsParallelCapable();
  }

  private final @Nullable ClassLoader library;
  private final String[] libraryPrefixes;
  private final String linkedPrefix;

  private LinkedCode(@Nullable ClassLoader library, String[] libraryPrefixes, String linkedPrefix) {
    super(LinkedCode.class.getClassLoader());
    this.library = library;
    this.libraryPrefixes = libraryPrefixes.clone();
    this.linkedPrefix = linkedPrefix;
  }

  /**
   * The class {@code className} of the agent, under {@code linkedPackage}, linked against the
   * library classes of {@code library}: those whose names start with one of {@code
   * libraryPrefixes}.
   */
  public static Class<?> load(
      @Nullable ClassLoader library,
      String[] libraryPrefixes,
      String linkedPackage,
      String className)
      throws ClassNotFoundException {
    return new LinkedCode(library, libraryPrefixes, linkedPackage + '.').loadClass(className);
  }

  /** An instance of such a class, made with its public constructor without arguments. */
  public static Object instantiate(
      @Nullable ClassLoader library,
      String[] libraryPrefixes,
      String linkedPackage,
      String className)
      throws ReflectiveOperationException {
    return load(library, libraryPrefixes, linkedPackage, className).getConstructor().newInstance();
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    for (String prefix : libraryPrefixes) {
      if (name.startsWith(prefix)) {
        return Class.forName(name, false, library);
      }
    }
    if (!name.startsWith(linkedPrefix)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes = bytes(name);
        c = defineClass(name, bytes, 0, bytes.length, DOMAIN);
      }
      return c;
    }
  }

  /** The class file as the agent's own loader serves it (from the agent jar's hidden entries). */
  private byte[] bytes(String name) throws ClassNotFoundException {
    ClassLoader agent = getParent();
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in =
        agent != null
            ? agent.getResourceAsStream(resource)
            : ClassLoader.getSystemResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "LinkedCode{" + linkedPrefix + " over " + library + '}';
  }
}
