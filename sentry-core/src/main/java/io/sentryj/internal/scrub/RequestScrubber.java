package io.sentryj.internal.scrub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.sentryj.internal.event.JsonValues;
import io.sentryj.protocol.Request;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The privacy rules for an event's {@code request}: headers, cookies, URL, query string, body and
 * env. See {@link EventScrubber} for the rules; here is what is particular to HTTP: the cookie
 * header is split into cookies (session cookies of common servers are filtered like sensitive
 * names), the query string and a form body into parameters, and a JSON body is parsed so that its
 * keys can be matched. Thread-safe.
 */
final class RequestScrubber {
  /** Headers that carry the client's address: personal data, sent only with PII. */
  private static final Set<String> FORWARDING_HEADERS =
      lowerCase(
          "x-forwarded-for",
          "x-forwarded",
          "forwarded-for",
          "forwarded",
          "x-real-ip",
          "x-client-ip",
          "client-ip",
          "true-client-ip",
          "cf-connecting-ip",
          "fastly-client-ip",
          "x-cluster-client-ip",
          "x-original-forwarded-for",
          "x-envoy-external-address");

  /** Env keys that carry the client's address or cookies: sent only with PII. */
  private static final Set<String> PERSONAL_ENV =
      new HashSet<>(
          Arrays.asList(
              "REMOTE_ADDR",
              "REMOTE_HOST",
              "REMOTE_USER",
              "HTTP_COOKIE",
              "HTTP_X_FORWARDED_FOR",
              "HTTP_X_REAL_IP",
              "HTTP_FORWARDED",
              "HTTP_CLIENT_IP",
              "HTTP_TRUE_CLIENT_IP",
              "HTTP_CF_CONNECTING_IP"));

  /** Session cookies of common servers and frameworks, filtered like sensitive names. */
  private static final Set<String> SESSION_COOKIES =
      lowerCase("jsessionid", "jsessionidsso", "phpsessid", "sid", "connect.sid");

  private final EventScrubber values;
  private final SensitiveKeys keys;
  private final boolean sendDefaultPii;

  RequestScrubber(EventScrubber values, SensitiveKeys keys, boolean sendDefaultPii) {
    this.values = values;
    this.keys = keys;
    this.sendDefaultPii = sendDefaultPii;
  }

  private static Set<String> lowerCase(String... names) {
    return new HashSet<>(Arrays.asList(names));
  }

  /** Applies the rules to {@code r} in place; it must be the SDK's own copy. */
  void scrub(Request r) {
    r.setUrl(values.text(r.getUrl()));
    String query = r.getQueryString();
    if (query != null) {
      r.setQueryString(parameters(query));
    }
    String cookies = r.getCookies();
    r.setCookies(sendDefaultPii && cookies != null ? cookies(cookies) : null);
    Object data = r.getData();
    r.setData(sendDefaultPii && data != null ? body(data) : null);
    r.setHeaders(headers(r.getHeaders()));
    if (!sendDefaultPii) {
      Iterator<Map.Entry<String, String>> env = r.getEnv().entrySet().iterator();
      while (env.hasNext()) {
        if (PERSONAL_ENV.contains(env.next().getKey().toUpperCase(Locale.ROOT))) {
          env.remove();
        }
      }
    }
    values.stringMap(r.getEnv());
  }

  private List<Map.Entry<String, String>> headers(List<Map.Entry<String, String>> headers) {
    List<Map.Entry<String, String>> kept = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      String value;
      if (lower.equals("cookie") || lower.equals("set-cookie")) {
        value = sendDefaultPii ? cookies(h.getValue()) : null;
      } else if (FORWARDING_HEADERS.contains(lower)) {
        value = sendDefaultPii ? values.textNonNull(h.getValue()) : null;
      } else {
        Object v = values.value(name, h.getValue());
        value = v == null ? null : v.toString();
      }
      if (value != null) {
        kept.add(
            value.equals(h.getValue()) ? h : new AbstractMap.SimpleImmutableEntry<>(name, value));
      }
    }
    return kept;
  }

  /** A {@code Cookie} header with sensitive and session cookies filtered. */
  private String cookies(String header) {
    StringBuilder out = new StringBuilder(header.length());
    for (String cookie : header.split(";")) {
      String trimmed = cookie.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      String name = eq < 0 ? trimmed : trimmed.substring(0, eq).trim();
      String value = eq < 0 ? "" : trimmed.substring(eq + 1).trim();
      boolean session = SESSION_COOKIES.contains(name.toLowerCase(Locale.ROOT));
      Object scrubbed =
          session && !keys.isSafe(name) ? Scrubber.FILTERED : values.value(name, value);
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(name).append('=').append(scrubbed);
    }
    return out.toString();
  }

  /**
   * A query string or form body with the values of sensitive parameters, and values holding a
   * secret, replaced; names and order kept, the rest left encoded as it was.
   */
  String parameters(String query) {
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      String pair = query.substring(start, end);
      int eq = pair.indexOf('=');
      if (eq < 0) {
        out.append(pair);
      } else {
        String name = Scrubber.decode(pair.substring(0, eq));
        String raw = pair.substring(eq + 1);
        String decoded = Scrubber.decode(raw);
        Object value = values.value(name, decoded);
        out.append(pair, 0, eq + 1).append(value == decoded ? raw : Scrubber.FILTERED);
      }
      if (end < query.length()) {
        out.append('&');
      }
      start = end + 1;
    }
    return out.toString();
  }

  /** A body: structured data by its keys; text parsed as JSON or a form when it is one. */
  private @Nullable Object body(Object data) {
    if (!(data instanceof String)) {
      return values.value(data);
    }
    String text = (String) data;
    String trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return values.value(frozen(JsonParser.parseString(trimmed)));
      } catch (RuntimeException notJson) {
        return values.textNonNull(text);
      }
    }
    if (trimmed.indexOf('=') > 0 && trimmed.indexOf(' ') < 0 && trimmed.indexOf('\n') < 0) {
      return parameters(trimmed);
    }
    return values.textNonNull(text);
  }

  /** A parsed JSON body as a frozen value. */
  private static Object frozen(JsonElement json) {
    Object plain = plain(json);
    Object frozen = JsonValues.freeze(plain);
    return frozen != null ? frozen : "null";
  }

  private static @Nullable Object plain(JsonElement e) {
    if (e.isJsonObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : ((JsonObject) e).entrySet()) {
        map.put(entry.getKey(), plain(entry.getValue()));
      }
      return map;
    }
    if (e.isJsonArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      for (JsonElement item : (JsonArray) e) {
        list.add(plain(item));
      }
      return list;
    }
    if (e.isJsonNull()) {
      return null;
    }
    JsonPrimitive p = (JsonPrimitive) e;
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    return p.isNumber() ? p.getAsBigDecimal() : p.getAsString();
  }

  @Override
  public String toString() {
    return "RequestScrubber{sendDefaultPii=" + sendDefaultPii + '}';
  }
}
