package io.sentryj.servlet.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.sentryj.protocol.Request;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@code request} interface of an event (protocol section 3) from a request: what is
 * collected at all is decided here (credential and forwarding headers and session cookies never;
 * cookies, the client's address and bodies only with {@code sendDefaultPii}, bodies up to their
 * limit); sensitive values in what is collected are filtered later, with the rest of the event, by
 * the SDK's one scrub stage.
 */
public final class RequestData {
  /** Headers never sent: credentials, and the client's address (personal data, and spoofable). */
  private static final String[] DROPPED_HEADERS = {
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "x-csrf-token",
    "x-xsrf-token",
    "x-forwarded-for",
    "x-real-ip",
    "forwarded"
  };

  /** Session cookies of common containers and frameworks, never collected even with PII. */
  private static final Set<String> SESSION_COOKIES =
      new HashSet<>(
          Arrays.asList("jsessionid", "jsessionidsso", "phpsessid", "sid", "connect.sid"));

  private RequestData() {}

  /** The request's method, URL, query and allowed headers; cookies and env with PII. */
  public static Request build(HttpRequestView view, boolean sendDefaultPii) {
    return RequestSnapshot.take(view, sendDefaultPii).get();
  }

  /** Whether a header is never sent, whatever its case; no copy of the name is made. */
  static boolean isDroppedHeader(String name) {
    for (String dropped : DROPPED_HEADERS) {
      if (dropped.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** The cookies without session cookies, as one header value; or null. */
  static @Nullable String cookies(List<String> headerValues) {
    StringBuilder sb = new StringBuilder();
    for (String header : headerValues) {
      for (String cookie : header.split(";", -1)) {
        String trimmed = cookie.trim();
        int eq = trimmed.indexOf('=');
        String name = eq < 0 ? trimmed : trimmed.substring(0, eq);
        if (name.isEmpty() || SESSION_COOKIES.contains(name.toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(trimmed);
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Whether bodies of this content type are attached: forms and JSON. */
  static boolean isCapturedBody(@Nullable String contentType) {
    return isForm(contentType) || isJson(contentType);
  }

  static boolean isForm(@Nullable String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String lower = contentType.toLowerCase(Locale.ROOT);
    int semi = lower.indexOf(';');
    String mime = (semi < 0 ? lower : lower.substring(0, semi)).trim();
    return mime.equals("application/json") || mime.endsWith("+json");
  }

  /** The charset of a content type, UTF-8 when it names none or an unknown one. */
  static Charset charset(@Nullable String contentType) {
    if (contentType != null) {
      int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (at >= 0) {
        String name = contentType.substring(at + 8).trim();
        int end = name.indexOf(';');
        name = (end < 0 ? name : name.substring(0, end)).replace("\"", "").trim();
        try {
          return Charset.forName(name);
        } catch (RuntimeException e) {
          // an unknown charset: read as UTF-8 rather than drop the body
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** A JSON body as plain maps, lists and values, or null if it is not JSON. */
  static @Nullable Object json(String text) {
    try {
      return plain(JsonParser.parseString(text));
    } catch (JsonParseException | IllegalStateException e) {
      return null;
    }
  }

  private static @Nullable Object plain(JsonElement element) {
    if (element.isJsonObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : ((JsonObject) element).entrySet()) {
        map.put(e.getKey(), plain(e.getValue()));
      }
      return map;
    }
    if (element.isJsonArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      for (JsonElement e : (JsonArray) element) {
        list.add(plain(e));
      }
      return list;
    }
    if (element.isJsonNull()) {
      return null;
    }
    JsonPrimitive primitive = (JsonPrimitive) element;
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    return primitive.isNumber() ? primitive.getAsNumber() : primitive.getAsString();
  }

  /** An urlencoded form body as a map of its values. */
  static Map<String, Object> form(String text, Charset charset) {
    return parameters(parseForm(text, charset));
  }

  /** The pairs of an urlencoded text, values of a repeated name in order. */
  static Map<String, String[]> parseForm(String text, Charset charset) {
    Map<String, String[]> params = new LinkedHashMap<>();
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
      String[] old = params.get(key);
      String[] values = old == null ? new String[1] : Arrays.copyOf(old, old.length + 1);
      values[values.length - 1] = value;
      params.put(key, values);
    }
    return params;
  }

  /**
   * The parameters that came from the body: the container's map less the query string's values,
   * which it lists first for each name (Servlet 3.0 section 3.1). The query is decoded as UTF-8,
   * the URI encoding of every current container.
   */
  static Map<String, String[]> bodyParameters(
      Map<String, String[]> all, @Nullable String queryString) {
    if (queryString == null || queryString.isEmpty()) {
      return all;
    }
    Map<String, String[]> query = parseForm(queryString, StandardCharsets.UTF_8);
    Map<String, String[]> body = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : all.entrySet()) {
      String[] fromQuery = query.get(e.getKey());
      int skip = fromQuery == null ? 0 : Math.min(fromQuery.length, e.getValue().length);
      if (skip < e.getValue().length) {
        body.put(e.getKey(), Arrays.copyOfRange(e.getValue(), skip, e.getValue().length));
      }
    }
    return body;
  }

  /** Parameters as a map of values: one string, or a list when repeated. */
  static Map<String, Object> parameters(Map<String, String[]> params) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : params.entrySet()) {
      String[] values = e.getValue();
      data.put(e.getKey(), values.length == 1 ? values[0] : Arrays.asList(values));
    }
    return data;
  }

  private static String decode(String s, Charset charset) {
    try {
      return URLDecoder.decode(s, charset.name());
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return s;
    }
  }
}
