package io.sentryj.servlet.javax.internal;

import io.sentryj.servlet.internal.HttpRequestView;
import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.MappingMatch;
import org.jspecify.annotations.Nullable;

/** A {@code javax.servlet} request seen through {@link HttpRequestView}. */
final class ServletRequestView implements HttpRequestView {
  // false once the container turned out to predate Servlet 4.0's getHttpServletMapping
  private static volatile boolean hasMapping = true;

  private final HttpServletRequest request;

  ServletRequestView(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String url() {
    return request.getRequestURL().toString();
  }

  @Override
  public @Nullable String queryString() {
    return request.getQueryString();
  }

  @Override
  public List<String> headerNames() {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? Collections.<String>emptyList() : Collections.list(names);
  }

  @Override
  public List<String> headers(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? Collections.<String>emptyList() : Collections.list(values);
  }

  /** Straight from the container's enumerations: no list per header, on every request. */
  @Override
  public void forEachHeader(HeaderSink sink) {
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) {
      return;
    }
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        sink.header(name, values.nextElement());
      }
    }
  }

  @Override
  public @Nullable String contentType() {
    return request.getContentType();
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  @Override
  public @Nullable String remoteAddr() {
    return request.getRemoteAddr();
  }

  @Override
  public @Nullable String userName() {
    Principal principal = request.getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  @Override
  public @Nullable String mappingPattern() {
    if (!hasMapping) {
      return null;
    }
    HttpServletMapping mapping;
    try {
      mapping = request.getHttpServletMapping();
    } catch (LinkageError | UnsupportedOperationException e) {
      // a Servlet 3.1 container: no mapping to tell, ever
      hasMapping = false;
      return null;
    }
    if (mapping == null) {
      return null;
    }
    MappingMatch match = mapping.getMappingMatch();
    if (match == MappingMatch.EXACT
        || match == MappingMatch.PATH
        || match == MappingMatch.EXTENSION) {
      return mapping.getPattern();
    }
    return null;
  }

  @Override
  public String path() {
    return HttpRequestView.path(request.getServletPath(), request.getPathInfo());
  }

  @Override
  public @Nullable Object attribute(String name) {
    return request.getAttribute(name);
  }

  @Override
  public Map<String, String[]> parameters() {
    return request.getParameterMap();
  }

  @Override
  public byte[] readUnread(int max) throws IOException {
    return HttpRequestView.readAtMost(request.getInputStream(), max);
  }

  @Override
  public String toString() {
    return "ServletRequestView{" + request.getMethod() + ' ' + request.getRequestURI() + '}';
  }
}
