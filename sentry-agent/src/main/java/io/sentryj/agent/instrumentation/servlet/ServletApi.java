package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.servlet.internal.HttpRequestView;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One servlet API ({@code javax.servlet} or {@code jakarta.servlet}, as a web application's class
 * loader sees it) read by reflection, since the agent cannot link against it. The {@link Method}s
 * are looked up once per API and per request class (see {@link #of}); each call is then one
 * reflective invocation of a public interface method.
 */
final class ServletApi {
  private static final String[] REQUEST_INTERFACES = {
    "javax.servlet.http.HttpServletRequest", "jakarta.servlet.http.HttpServletRequest"
  };

  private static final ClassValue<ServletApi> BY_INTERFACE =
      new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestInterface) {
          try {
            return new ServletApi(requestInterface);
          } catch (ReflectiveOperationException | LinkageError e) {
            return UNUSABLE;
          }
        }
      };

  // one object stands for "not a request of a servlet API this agent reads"
  private static final ServletApi UNUSABLE = new ServletApi();

  private static final ClassValue<ServletApi> BY_REQUEST_CLASS =
      new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestClass) {
          Class<?> api = requestInterface(requestClass);
          return api == null ? UNUSABLE : BY_INTERFACE.get(api);
        }
      };

  private static final Object[] NO_ARGS = new Object[0];

  final String namespace;
  private final @Nullable Class<?> httpResponse;
  private final @Nullable Class<?> asyncListener;
  private final Method getMethod;
  private final Method getRequestUrl;
  private final Method getQueryString;
  private final Method getHeaderNames;
  private final Method getHeaders;
  private final Method getContentType;
  private final Method getContentLength;
  private final Method getRemoteAddr;
  private final Method getUserPrincipal;
  private final Method getServletPath;
  private final Method getPathInfo;
  private final Method getAttribute;
  private final Method setAttribute;
  private final Method getParameterMap;
  private final Method getInputStream;
  private final Method isAsyncStarted;
  private final Method getAsyncContext;
  private final Method getDispatcherType;
  private final Method getStatus;
  private final Method addListener;
  private final Method eventThrowable;
  private final Method eventSuppliedResponse;
  private final Method eventAsyncContext;
  // Servlet 4.0 and later only
  private final @Nullable Method getMapping;
  private final @Nullable Method mappingMatch;
  private final @Nullable Method mappingPattern;

  private ServletApi(Class<?> request) throws ReflectiveOperationException {
    String name = request.getName();
    namespace = name.substring(0, name.indexOf('.'));
    ClassLoader loader = request.getClassLoader();
    httpResponse = load(loader, "servlet.http.HttpServletResponse");
    asyncListener = load(loader, "servlet.AsyncListener");
    Class<?> asyncContext = load(loader, "servlet.AsyncContext");
    Class<?> asyncEvent = load(loader, "servlet.AsyncEvent");
    getMethod = request.getMethod("getMethod");
    getRequestUrl = request.getMethod("getRequestURL");
    getQueryString = request.getMethod("getQueryString");
    getHeaderNames = request.getMethod("getHeaderNames");
    getHeaders = request.getMethod("getHeaders", String.class);
    getContentType = request.getMethod("getContentType");
    getContentLength = contentLength(request);
    getRemoteAddr = request.getMethod("getRemoteAddr");
    getUserPrincipal = request.getMethod("getUserPrincipal");
    getServletPath = request.getMethod("getServletPath");
    getPathInfo = request.getMethod("getPathInfo");
    getAttribute = request.getMethod("getAttribute", String.class);
    setAttribute = request.getMethod("setAttribute", String.class, Object.class);
    getParameterMap = request.getMethod("getParameterMap");
    getInputStream = request.getMethod("getInputStream");
    isAsyncStarted = request.getMethod("isAsyncStarted");
    getAsyncContext = request.getMethod("getAsyncContext");
    getDispatcherType = request.getMethod("getDispatcherType");
    getStatus = httpResponse.getMethod("getStatus");
    addListener = asyncContext.getMethod("addListener", asyncListener);
    eventThrowable = asyncEvent.getMethod("getThrowable");
    eventSuppliedResponse = asyncEvent.getMethod("getSuppliedResponse");
    eventAsyncContext = asyncEvent.getMethod("getAsyncContext");
    Method mapping = optional(request, "getHttpServletMapping");
    getMapping = mapping;
    mappingMatch = mapping == null ? null : mapping.getReturnType().getMethod("getMappingMatch");
    mappingPattern = mapping == null ? null : mapping.getReturnType().getMethod("getPattern");
  }

  @SuppressWarnings("NullAway") // UNUSABLE's fields are never read: of() returns null for it
  private ServletApi() {
    namespace = "none";
    httpResponse = null;
    asyncListener = null;
    getMethod = getRequestUrl = getQueryString = getHeaderNames = getHeaders = null;
    getContentType = getContentLength = getRemoteAddr = getUserPrincipal = null;
    getServletPath = getPathInfo = getAttribute = setAttribute = getParameterMap = null;
    getInputStream = isAsyncStarted = getAsyncContext = getDispatcherType = getStatus = null;
    addListener = eventThrowable = eventSuppliedResponse = eventAsyncContext = null;
    getMapping = mappingMatch = mappingPattern = null;
  }

  /**
   * The API of an HTTP request and response pair, or null when they are not HTTP servlet requests
   * and responses of one API this agent reads.
   */
  static @Nullable ServletApi of(Object request, Object response) {
    ServletApi api = BY_REQUEST_CLASS.get(request.getClass());
    return api != UNUSABLE && api.isHttpResponse(response) ? api : null;
  }

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

  private Class<?> load(@Nullable ClassLoader loader, String name) throws ClassNotFoundException {
    return Class.forName(namespace + '.' + name, false, loader);
  }

  private static Method contentLength(Class<?> request) throws NoSuchMethodException {
    Method method = optional(request, "getContentLengthLong"); // Servlet 3.1
    return method != null ? method : request.getMethod("getContentLength");
  }

  private static @Nullable Method optional(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  String method(Object request) {
    return String.valueOf(call(getMethod, request));
  }

  String url(Object request) {
    return String.valueOf(call(getRequestUrl, request));
  }

  @Nullable String queryString(Object request) {
    return (String) call(getQueryString, request);
  }

  List<String> headerNames(Object request) {
    return list(call(getHeaderNames, request));
  }

  List<String> headers(Object request, String name) {
    return list(call(getHeaders, request, name));
  }

  /** Every header value, straight from the container's enumerations. */
  void forEachHeader(Object request, HttpRequestView.HeaderSink sink) {
    Enumeration<?> names = (Enumeration<?>) call(getHeaderNames, request);
    if (names == null) {
      return;
    }
    while (names.hasMoreElements()) {
      String name = (String) names.nextElement();
      Enumeration<?> values = (Enumeration<?>) call(getHeaders, request, name);
      if (values != null) {
        while (values.hasMoreElements()) {
          sink.header(name, (String) values.nextElement());
        }
      }
    }
  }

  @Nullable String contentType(Object request) {
    return (String) call(getContentType, request);
  }

  long contentLength(Object request) {
    Object length = call(getContentLength, request);
    return length instanceof Number ? ((Number) length).longValue() : -1;
  }

  @Nullable String remoteAddr(Object request) {
    return (String) call(getRemoteAddr, request);
  }

  @Nullable String userName(Object request) {
    Principal principal = (Principal) call(getUserPrincipal, request);
    return principal == null ? null : principal.getName();
  }

  /** The pattern of an exact, path or extension mapping; null for others or before Servlet 4.0. */
  @Nullable String mappingPattern(Object request) {
    Method get = getMapping;
    Method match = mappingMatch;
    Method pattern = mappingPattern;
    if (get == null || match == null || pattern == null) {
      return null;
    }
    Object mapping = call(get, request);
    if (mapping == null) {
      return null;
    }
    Object kind = call(match, mapping);
    String name = kind instanceof Enum ? ((Enum<?>) kind).name() : "";
    if (name.equals("EXACT") || name.equals("PATH") || name.equals("EXTENSION")) {
      return (String) call(pattern, mapping);
    }
    return null;
  }

  @Nullable String servletPath(Object request) {
    return (String) call(getServletPath, request);
  }

  @Nullable String pathInfo(Object request) {
    return (String) call(getPathInfo, request);
  }

  @Nullable Object attribute(Object request, String name) {
    return call(getAttribute, request, name);
  }

  void setAttribute(Object request, String name, Object value) {
    call(setAttribute, request, name, value);
  }

  @SuppressWarnings("unchecked")
  Map<String, String[]> parameters(Object request) {
    Object map = call(getParameterMap, request);
    return map == null ? Collections.<String, String[]>emptyMap() : (Map<String, String[]>) map;
  }

  InputStream inputStream(Object request) throws IOException {
    try {
      return (InputStream) getInputStream.invoke(request);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw unwrapped(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean isAsyncStarted(Object request) {
    return Boolean.TRUE.equals(call(isAsyncStarted, request));
  }

  /**
   * Whether this dispatch is the container's after an async cycle ({@code DispatcherType.ASYNC}).
   */
  boolean isAsyncDispatch(Object request) {
    Object type = call(getDispatcherType, request);
    return type instanceof Enum && ((Enum<?>) type).name().equals("ASYNC");
  }

  @Nullable Object asyncContext(Object request) {
    return call(getAsyncContext, request);
  }

  int status(Object response) {
    Object status = call(getStatus, response);
    return status instanceof Integer ? (Integer) status : 200;
  }

  boolean isHttpResponse(Object response) {
    Class<?> type = httpResponse;
    return type != null && type.isInstance(response);
  }

  Class<?> asyncListener() {
    Class<?> type = asyncListener;
    if (type == null) {
      throw new IllegalStateException("no servlet API");
    }
    return type;
  }

  void addListener(Object asyncContext, Object listener) {
    call(addListener, asyncContext, listener);
  }

  @Nullable Throwable eventThrowable(Object event) {
    return (Throwable) call(eventThrowable, event);
  }

  @Nullable Object eventSuppliedResponse(Object event) {
    return call(eventSuppliedResponse, event);
  }

  @Nullable Object eventAsyncContext(Object event) {
    return call(eventAsyncContext, event);
  }

  private static @Nullable Object call(Method method, Object target) {
    return call(method, target, NO_ARGS); // not a new empty array per call
  }

  private static @Nullable Object call(Method method, Object target, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw unwrapped(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RuntimeException unwrapped(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException(cause);
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(@Nullable Object enumeration) {
    return enumeration == null
        ? Collections.<String>emptyList()
        : Collections.list((Enumeration<String>) enumeration);
  }

  @Override
  public String toString() {
    return "ServletApi{" + namespace + '}';
  }
}
