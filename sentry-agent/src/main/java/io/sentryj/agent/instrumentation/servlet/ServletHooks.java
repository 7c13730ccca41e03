package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.agent.bootstrap.ServletBridge;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.servlet.internal.RequestEntry;
import org.jspecify.annotations.Nullable;

/**
 * The agent's side of the {@link ServletBridge}: hands each request to the servlet module's own
 * typed {@code ServletEntry} of the request's servlet API, the code {@code SentryFilter} runs,
 * loaded beside that API (see {@link TypedServletCode}). Any advice with a request and a response
 * in hand ({@code HttpServlet.service}, a filter chain) enters through the same bridge: the first
 * entry of a request starts its scope, entries inside it only make it current.
 *
 * <p>The requests are passed on as they came (the advice does not replace them); a request the
 * application's own {@code SentryFilter} handles is left to it.
 */
public final class ServletHooks implements ServletBridge.Hooks {
  private static final String[] REQUEST_INTERFACES = {
    "javax.servlet.http.HttpServletRequest", "jakarta.servlet.http.HttpServletRequest"
  };

  // one object stands for "not a request of a servlet API the typed code runs on"
  private static final RequestEntry NONE = (request, response) -> null;

  private static final ClassValue<RequestEntry> BY_API =
      new ClassValue<RequestEntry>() {
        @Override
        protected RequestEntry computeValue(Class<?> requestInterface) {
          try {
            return TypedServletCode.entryFor(requestInterface);
          } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Diagnostics.debug("servlet API of %s left alone: %s", requestInterface, e);
            return NONE;
          }
        }
      };

  private static final ClassValue<RequestEntry> BY_REQUEST_CLASS =
      new ClassValue<RequestEntry>() {
        @Override
        protected RequestEntry computeValue(Class<?> requestClass) {
          Class<?> api = requestInterface(requestClass);
          return api == null ? NONE : BY_API.get(api);
        }
      };

  ServletHooks() {}

  /** Connects the bridge the servlet advice calls. */
  public static void install() {
    ServletBridge.install(new ServletHooks());
  }

  @Override
  public @Nullable Object enter(Object request, Object response) {
    return BY_REQUEST_CLASS.get(request.getClass()).enter(request, response);
  }

  @Override
  public boolean isFor(Object entered, Object request) {
    return ((RequestEntry.Entered) entered).request() == request;
  }

  @Override
  public void exit(Object entered, @Nullable Throwable thrown) {
    ((RequestEntry.Entered) entered).exit(thrown);
  }

  /** The {@code HttpServletRequest} interface a request class implements, or null. */
  private static @Nullable Class<?> requestInterface(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> each : c.getInterfaces()) {
        Class<?> found = matchingInterface(each);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static @Nullable Class<?> matchingInterface(Class<?> type) {
    for (String name : REQUEST_INTERFACES) {
      if (type.getName().equals(name)) {
        return type;
      }
    }
    for (Class<?> parent : type.getInterfaces()) {
      Class<?> found = matchingInterface(parent);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ServletHooks";
  }
}
