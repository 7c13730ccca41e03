package io.sentryj.servlet.internal;

import io.sentryj.protocol.Request;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code request} interface of an event is made of, copied from the request as it starts
 * (a request must not be read once its response is complete, and events may come later, from other
 * threads): method, URL, raw query and the header values, credential headers already left out. The
 * interface itself is built once, when an event first needs it (most requests capture none and
 * never pay for it), and scrubbed with the rest of each event by the SDK's scrub stage.
 */
public final class RequestSnapshot implements Supplier<Request> {
  private static final String[] NO_HEADERS = new String[0];

  private final String method;
  private final String url;
  private final @Nullable String query;
  private final boolean sendDefaultPii;
  private final @Nullable String remoteAddr;
  // name and value of each header value kept, in the container's order
  private String[] headers = NO_HEADERS;
  private int headerCount;
  // the Cookie header's values, kept only with sendDefaultPii
  private List<String> cookies = Collections.emptyList();
  private @Nullable Request built;

  private RequestSnapshot(HttpRequestView view, boolean sendDefaultPii) {
    this.method = view.method();
    this.url = view.url();
    this.query = view.queryString();
    this.sendDefaultPii = sendDefaultPii;
    this.remoteAddr = sendDefaultPii ? view.remoteAddr() : null;
  }

  /** Copies what the request's interface needs; reads the request on the calling thread only. */
  public static RequestSnapshot take(HttpRequestView view, boolean sendDefaultPii) {
    RequestSnapshot snapshot = new RequestSnapshot(view, sendDefaultPii);
    view.forEachHeader(snapshot.new Collector());
    return snapshot;
  }

  /** The request's method. */
  public String method() {
    return method;
  }

  /** The request's URL without query string. */
  public String url() {
    return url;
  }

  /** The first value of a header the event may carry, matched ignoring case, or null. */
  public @Nullable String firstHeader(String name) {
    for (int i = 0; i < headerCount; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** The event's {@code request} interface, built on the first call; the same one afterwards. */
  @Override
  public synchronized Request get() {
    Request request = built;
    if (request == null) {
      request = build();
      built = request;
    }
    return request;
  }

  private Request build() {
    Request request = new Request();
    request.setMethod(method);
    request.setUrl(url);
    String q = query;
    if (q != null && !q.isEmpty()) {
      request.setQueryString(q);
    }
    for (int i = 0; i < headerCount; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    if (sendDefaultPii) {
      String cookieHeader = RequestData.cookies(cookies);
      if (cookieHeader != null) {
        request.setCookies(cookieHeader);
      }
      if (remoteAddr != null) {
        request.getEnv().put("REMOTE_ADDR", remoteAddr);
      }
    }
    return request;
  }

  @Override
  public String toString() {
    return "RequestSnapshot{" + method + ' ' + url + '}';
  }

  /** Takes the header values as the view gives them, while the snapshot is made. */
  private final class Collector implements HttpRequestView.HeaderSink {
    @Override
    public void header(String name, String value) {
      if (RequestData.isDroppedHeader(name)) {
        if (sendDefaultPii && name.equalsIgnoreCase("cookie")) {
          if (cookies.isEmpty()) {
            cookies = new ArrayList<>(1);
          }
          cookies.add(value);
        }
        return;
      }
      if (headerCount + 2 > headers.length) {
        headers = Arrays.copyOf(headers, Math.max(32, headers.length * 2));
      }
      headers[headerCount++] = name;
      headers[headerCount++] = value;
    }
  }
}
