package io.sentryj.servlet.jakarta;

import io.sentryj.servlet.internal.HttpRequestView;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@code jakarta.servlet} request seen through {@link HttpRequestView}. */
final class ServletRequestView implements HttpRequestView {
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
    HttpServletMapping mapping = request.getHttpServletMapping();
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
