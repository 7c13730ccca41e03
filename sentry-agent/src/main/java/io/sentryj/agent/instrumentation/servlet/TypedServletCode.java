package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.servlet.internal.RequestEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.ProtectionDomain;
import org.jspecify.annotations.Nullable;

/**
 * The servlet module's typed code of one servlet API ({@code javax.servlet} or {@code
 * jakarta.servlet}, as one class loader of the application holds it), defined in a class loader of
 * its own: it links the typed classes against that API and everything else, the SDK included,
 * against the agent's classes. Nothing is added to the application's class loaders, and nothing of
 * the agent holds this loader: the {@code ClassValue} on the API's request type that keeps it goes
 * with that type's loader.
 */
final class TypedServletCode extends ClassLoader {
  private static final ProtectionDomain DOMAIN = TypedServletCode.class.getProtectionDomain();

  static {
    registerAsParallelCapable();
  }

  private final @Nullable ClassLoader api;
  private final String apiPrefix;
  private final String typedPrefix;

  private TypedServletCode(@Nullable ClassLoader api, String namespace) {
    super(TypedServletCode.class.getClassLoader());
    this.api = api;
    this.apiPrefix = namespace + ".servlet.";
    this.typedPrefix = typedPackage(namespace) + '.';
  }

  /**
   * The servlet module's entry for requests of the API whose {@code HttpServletRequest} is {@code
   * requestType}, which passes requests on as they came; throws when that API is older than Servlet
   * 3.0 or incomplete.
   */
  static RequestEntry entryFor(Class<?> requestType) throws ReflectiveOperationException {
    String name = requestType.getName();
    String namespace = name.substring(0, name.indexOf('.'));
    ClassLoader apiLoader = requestType.getClassLoader();
    // the async API the typed code links against: Servlet 3.0 and later
    Class.forName(namespace + ".servlet.AsyncListener", false, apiLoader);
    Class.forName(namespace + ".servlet.DispatcherType", false, apiLoader);
    TypedServletCode loader = new TypedServletCode(apiLoader, namespace);
    Class<?> entry = loader.loadClass(typedPackage(namespace) + ".internal.ServletEntry");
    return (RequestEntry) entry.getMethod("passing").invoke(null);
  }

  /**
   * The typed package of a namespace, {@code io.sentryj.servlet.javax}, as the agent's relocation
   * names it: beside the neutral package the agent links against.
   */
  private static String typedPackage(String namespace) {
    String neutral = RequestEntry.class.getName(); // ...servlet.internal.RequestEntry
    String servlet = neutral.substring(0, neutral.lastIndexOf(".internal."));
    return servlet + '.' + namespace;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(apiPrefix)) {
      return Class.forName(name, false, api);
    }
    if (!name.startsWith(typedPrefix)) {
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
      return readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "TypedServletCode{" + typedPrefix + " over " + api + '}';
  }
}
