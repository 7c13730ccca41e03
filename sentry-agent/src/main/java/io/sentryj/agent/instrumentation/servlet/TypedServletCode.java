package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.agent.instrumentation.LinkedCode;
import io.sentryj.servlet.internal.RequestEntry;

/**
 * The servlet module's typed code of one servlet API ({@code javax.servlet} or {@code
 * jakarta.servlet}, as one class loader of the application holds it), linked against that API by a
 * {@link LinkedCode} loader of its own.
 */
final class TypedServletCode {
  private TypedServletCode() {}

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
    String typed = typedPackage(namespace);
    Class<?> entry =
        LinkedCode.load(
            apiLoader,
            new String[] {namespace + ".servlet."},
            typed,
            typed + ".internal.ServletEntry");
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
}
