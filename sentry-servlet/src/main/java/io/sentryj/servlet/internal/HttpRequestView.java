package io.sentryj.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the integration reads from an HTTP request, the same for {@code javax.servlet} and {@code
 * jakarta.servlet}: each namespace implements it over its own request type.
 */
public interface HttpRequestView {
  /** The method, for example {@code GET}. */
  String method();

  /** The URL without query string: scheme, host, port and path. */
  String url();

  /** The raw query string, or null. */
  @Nullable String queryString();

  /** The header names, in the order the container gives them. */
  List<String> headerNames();

  /** Every value of one header, in order. */
  List<String> headers(String name);

  /**
   * Passes every header value to the sink, as {@link #headerNames()} and {@link #headers} give
   * them; a view may do it without the lists.
   */
  default void forEachHeader(HeaderSink sink) {
    for (String name : headerNames()) {
      for (String value : headers(name)) {
        sink.header(name, value);
      }
    }
  }

  /** The content type, or null. */
  @Nullable String contentType();

  /** The declared body length, or -1 when unknown. */
  long contentLength();

  /** The client's address as the container sees it. */
  @Nullable String remoteAddr();

  /** The name of the authenticated user, or null. */
  @Nullable String userName();

  /**
   * The route the container mapped the request to ({@code /orders/*}, {@code *.do}, {@code
   * /status}), or null when it cannot tell (Servlet 3.1) or the default servlet serves it.
   */
  @Nullable String mappingPattern();

  /** The path inside the application: servlet path plus path info. */
  String path();

  /** A request attribute, or null. */
  @Nullable Object attribute(String name);

  /** The request parameters (query and form), parsed by the container. */
  Map<String, String[]> parameters();

  /**
   * At most {@code max} bytes of a body the application did not open, read when it is done with the
   * request.
   */
  byte[] readUnread(int max) throws IOException;

  /** Receives a request's headers one value at a time. */
  interface HeaderSink {
    /** One value of the header {@code name}. */
    void header(String name, String value);
  }

  /** The path inside the application from the servlet path and path info, {@code /} for none. */
  static String path(@Nullable String servletPath, @Nullable String pathInfo) {
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  /** At most {@code max} bytes of a stream, for {@link #readUnread}. */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[Math.min(max, 8192)];
    int n;
    while (out.size() < max
        && (n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
