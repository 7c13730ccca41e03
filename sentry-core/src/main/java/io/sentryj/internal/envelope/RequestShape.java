package io.sentryj.internal.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an event's request is laid out for the parsers that read events: Relay's schema, and
 * sentry-rust's protocol types (sentry-cli, {@code sentry-types/src/protocol/v7.rs}: {@code url} an
 * absolute {@code Url}, {@code headers} a map of strings, {@code cookies} and {@code data}
 * strings). Stateless.
 */
final class RequestShape {
  /** The CGI name of the request's path, where a URL that is not absolute goes. */
  static final String REQUEST_URI = "REQUEST_URI";

  private RequestShape() {}

  /** Whether {@code url} starts with a scheme and {@code //}, as a URL parser needs. */
  static boolean isAbsoluteUrl(String url) {
    int colon = url.indexOf("://");
    if (colon <= 0 || colon + 3 >= url.length()) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean other = i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
      if (!letter && !other) {
        return false;
      }
    }
    return !Character.isWhitespace(url.charAt(colon + 3));
  }

  /**
   * The headers as one object: values of a name met again joined with {@code ", "} (HTTP's rule for
   * combining header fields; {@code "; "} for {@code Cookie}), names matched ignoring case and
   * spelled as first met; the request's cookies as the {@code Cookie} header.
   */
  static Map<String, String> headers(
      List<Map.Entry<String, String>> headers, @Nullable String cookies) {
    if (headers.isEmpty() && cookies == null) {
      return Collections.emptyMap();
    }
    Map<String, String> byLowerName = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers) {
      add(byLowerName, spelling, String.valueOf(h.getKey()), String.valueOf(h.getValue()));
    }
    if (cookies != null && !cookies.isEmpty()) {
      byLowerName.remove("cookie"); // the cookies field is what the SDK kept of them
      add(byLowerName, spelling, "Cookie", cookies);
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byLowerName.entrySet()) {
      result.put(spelling.get(e.getKey()), e.getValue());
    }
    return result;
  }

  private static void add(
      Map<String, String> byLowerName, Map<String, String> spelling, String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    String previous = byLowerName.get(lower);
    if (previous == null) {
      byLowerName.put(lower, value);
      spelling.put(lower, name);
    } else {
      byLowerName.put(lower, previous + (lower.equals("cookie") ? "; " : ", ") + value);
    }
  }

  /** {@code env} with the request's URL as {@link #REQUEST_URI}. */
  static Map<String, String> withRequestUri(Map<String, String> env, String url) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(REQUEST_URI, url);
    return copy;
  }
}
