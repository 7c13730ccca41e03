package io.sentryj.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The HTTP request an event happened in (protocol section 3, {@code request}). */
public final class Request {
  private @Nullable String method;
  private @Nullable String url;
  private @Nullable String queryString;
  private @Nullable Object data;
  private @Nullable String cookies;
  private List<Map.Entry<String, String>> headers = new ArrayList<>();
  private Map<String, String> env = new LinkedHashMap<>();

  public @Nullable String getMethod() {
    return method;
  }

  public void setMethod(@Nullable String method) {
    this.method = method;
  }

  /** The URL without its query string. */
  public @Nullable String getUrl() {
    return url;
  }

  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  public @Nullable String getQueryString() {
    return queryString;
  }

  public void setQueryString(@Nullable String queryString) {
    this.queryString = queryString;
  }

  /** The body: a String, or a Map / List of plain values. */
  public @Nullable Object getData() {
    return data;
  }

  public void setData(@Nullable Object data) {
    this.data = data;
  }

  /** The raw {@code Cookie} header, sent only with {@code sendDefaultPii}. */
  public @Nullable String getCookies() {
    return cookies;
  }

  public void setCookies(@Nullable String cookies) {
    this.cookies = cookies;
  }

  /** The headers in order, a name once per value (written as {@code [[name, value], ...]}). */
  public List<Map.Entry<String, String>> getHeaders() {
    return headers;
  }

  public void setHeaders(List<Map.Entry<String, String>> headers) {
    this.headers = new ArrayList<>(headers);
  }

  /** Adds one header value. */
  public void addHeader(String name, String value) {
    headers.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, value));
  }

  /** Server environment, such as {@code REMOTE_ADDR}. */
  public Map<String, String> getEnv() {
    return env;
  }

  public void setEnv(Map<String, String> env) {
    this.env = new LinkedHashMap<>(env);
  }

  @Override
  public String toString() {
    return "Request{" + method + " " + url + '}';
  }
}
