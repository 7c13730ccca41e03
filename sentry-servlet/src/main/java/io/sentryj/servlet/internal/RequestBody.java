package io.sentryj.servlet.internal;

import io.sentryj.integration.SdkDiagnostics;
import java.io.IOException;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;

/**
 * The body of a form or JSON request for an event (scrubbed later, with the whole event): what the
 * application read (copied as it read), or, when it never opened the body, read once the
 * application is done with it. Never takes bytes the application has yet to read, and nothing but
 * the body: not the query string.
 */
final class RequestBody {
  private RequestBody() {}

  /**
   * The body as plain values, or null for none.
   *
   * @param requestDone whether the application is done with the request, so that a body it did not
   *     read may be read now
   */
  static @Nullable Object read(HttpRequestView view, BodyRecorder recorder, boolean requestDone) {
    if (recorder.overflow()) {
      return null;
    }
    String contentType = view.contentType();
    Charset charset = RequestData.charset(contentType);
    String text;
    if (recorder.touched()) {
      text = recorder.text(charset);
    } else if (!requestDone) {
      return null;
    } else if (RequestData.isForm(contentType)) {
      // the container may have parsed the form for getParameter: the stream is gone, the map is
      // not; it holds the query string's parameters too, first (Servlet 3.0 section 3.1)
      return RequestData.parameters(
          RequestData.bodyParameters(view.parameters(), view.queryString()));
    } else {
      text = unread(view, recorder.limit(), charset);
    }
    if (text == null || text.isEmpty()) {
      return null;
    }
    return RequestData.isForm(contentType)
        ? RequestData.form(text, charset)
        : RequestData.json(text);
  }

  private static @Nullable String unread(HttpRequestView view, int limit, Charset charset) {
    try {
      byte[] bytes = view.readUnread(limit + 1);
      return bytes.length > limit ? null : new String(bytes, charset);
    } catch (IOException | RuntimeException e) {
      SdkDiagnostics.debug("request body not read for the event: %s", e);
      return null;
    }
  }
}
