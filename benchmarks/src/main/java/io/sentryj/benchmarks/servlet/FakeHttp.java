package io.sentryj.benchmarks.servlet;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request and response without a container, answering what the filter asks. Made with {@link
 * Proxy}: each call costs a reflective dispatch that a container's objects do not, so the measured
 * overhead is an upper bound.
 */
final class FakeHttp {
  private FakeHttp() {}

  /** A GET of {@code /orders/42?page=2} with the headers a browser sends. */
  static HttpServletRequest request() {
    Map<String, List<String>> headers = browserHeaders();
    Map<String, Object> attributes = new HashMap<>();
    HttpServletMapping mapping = mapping();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getMethod":
                  return "GET";
                case "getRequestURL":
                  return new StringBuffer("https://shop.example.com/orders/42");
                case "getRequestURI":
                  return "/orders/42";
                case "getQueryString":
                  return "page=2";
                case "getHeaderNames":
                  return Collections.enumeration(headers.keySet());
                case "getHeaders":
                  return Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                case "getHeader":
                  List<String> values = headers.get((String) args[0]);
                  return values == null ? null : values.get(0);
                case "getContentType":
                case "getPathInfo":
                case "getUserPrincipal":
                  return null;
                case "getContentLengthLong":
                  return -1L;
                case "getRemoteAddr":
                  return "192.0.2.1";
                case "getServletPath":
                  return "/orders";
                case "getHttpServletMapping":
                  return mapping;
                case "getAttribute":
                  return attributes.get((String) args[0]);
                case "setAttribute":
                  attributes.put((String) args[0], args[1]);
                  return null;
                case "removeAttribute":
                  attributes.remove((String) args[0]);
                  return null;
                case "isAsyncStarted":
                  return false;
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }

  /** The eight headers a browser sends with a page request, a cookie among them; a new map. */
  static Map<String, List<String>> browserHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("shop.example.com"));
    headers.put("User-Agent", List.of("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"));
    headers.put("Accept", List.of("text/html,application/xhtml+xml"));
    headers.put("Accept-Language", List.of("en-GB,en;q=0.5"));
    headers.put("Accept-Encoding", List.of("gzip, deflate, br"));
    headers.put("Cookie", List.of("JSESSIONID=abc123; theme=dark"));
    headers.put("Referer", List.of("https://shop.example.com/orders"));
    headers.put("Connection", List.of("keep-alive"));
    return headers;
  }

  static HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getStatus")) {
                return 200;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** The mapping of {@code /orders/*} that served {@code /orders/42}. */
  static HttpServletMapping mapping() {
    return new HttpServletMapping() {
      @Override
      public String getMatchValue() {
        return "42";
      }

      @Override
      public String getPattern() {
        return "/orders/*";
      }

      @Override
      public String getServletName() {
        return "orders";
      }

      @Override
      public MappingMatch getMappingMatch() {
        return MappingMatch.PATH;
      }
    };
  }
}
