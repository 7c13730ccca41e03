package io.sentryj.benchmarks.servlet;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as a container's own class answers it: plain virtual methods over fields, so that the
 * only reflection measured is the SDK's own (the agent reads requests reflectively). A {@code GET
 * /orders/42?page=2&sort=date} with ten headers a browser sends, a cookie among them. Whatever the
 * capture does not ask goes to {@link FakeHttp}'s proxy, which refuses it.
 */
final class ContainerRequest extends HttpServletRequestWrapper {
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final Map<String, Object> attributes = new HashMap<>();
  private final HttpServletMapping mapping = FakeHttp.mapping();

  ContainerRequest() {
    super(FakeHttp.request());
    headers.putAll(FakeHttp.browserHeaders());
    headers.put("Upgrade-Insecure-Requests", List.of("1"));
    headers.put("Sec-Fetch-Mode", List.of("navigate"));
  }

  /** A response that says 200, as after a servlet that wrote its page. */
  static HttpServletResponse response() {
    return new HttpServletResponseWrapper(FakeHttp.response()) {
      @Override
      public int getStatus() {
        return 200;
      }
    };
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer(48).append("https://shop.example.com").append(getRequestURI());
  }

  @Override
  public String getRequestURI() {
    return "/orders/42";
  }

  @Override
  public String getQueryString() {
    return "page=2&sort=date";
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.enumeration(headers.keySet());
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Collections.enumeration(e.getValue());
      }
    }
    return Collections.emptyEnumeration();
  }

  @Override
  public String getHeader(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  @Override
  public String getContentType() {
    return null;
  }

  @Override
  public int getContentLength() {
    return -1;
  }

  @Override
  public long getContentLengthLong() {
    return -1L;
  }

  @Override
  public String getRemoteAddr() {
    return "192.0.2.1";
  }

  @Override
  public Principal getUserPrincipal() {
    return null;
  }

  @Override
  public String getServletPath() {
    return "/orders";
  }

  @Override
  public String getPathInfo() {
    return "/42";
  }

  @Override
  public HttpServletMapping getHttpServletMapping() {
    return mapping;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object o) {
    attributes.put(name, o);
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public boolean isAsyncStarted() {
    return false;
  }

  @Override
  public jakarta.servlet.DispatcherType getDispatcherType() {
    return jakarta.servlet.DispatcherType.REQUEST;
  }
}
