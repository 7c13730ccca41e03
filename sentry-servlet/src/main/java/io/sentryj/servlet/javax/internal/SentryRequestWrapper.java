package io.sentryj.servlet.javax.internal;

import io.sentryj.servlet.internal.BodyRecorder;
import io.sentryj.servlet.internal.RecordingReader;
import io.sentryj.servlet.internal.RequestScope;
import java.io.BufferedReader;
import java.io.IOException;
import javax.servlet.AsyncContext;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The request as the application sees it: its body copied (up to the limit) as the application
 * reads it, and async work started through it carrying the request's scope.
 */
final class SentryRequestWrapper extends HttpServletRequestWrapper {
  private final HttpServletResponse response;
  private final RequestScope scope;
  private @Nullable ServletInputStream stream;
  private @Nullable BufferedReader reader;

  SentryRequestWrapper(
      HttpServletRequest request, HttpServletResponse response, RequestScope scope) {
    super(request);
    this.response = response;
    this.scope = scope;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    BodyRecorder body = scope.body();
    if (body == null) {
      return super.getInputStream();
    }
    ServletInputStream s = stream;
    if (s == null) {
      s = new RecordingInputStream(super.getInputStream(), body);
      stream = s;
    }
    return s;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    BodyRecorder body = scope.body();
    if (body == null) {
      return super.getReader();
    }
    BufferedReader r = reader;
    if (r == null) {
      r = new BufferedReader(new RecordingReader(super.getReader(), body));
      reader = r;
    }
    return r;
  }

  @Override
  public AsyncContext startAsync() {
    return scoped(super.startAsync());
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    return scoped(super.startAsync(request, response));
  }

  @Override
  public AsyncContext getAsyncContext() {
    return new ScopedAsyncContext(super.getAsyncContext(), scope);
  }

  private AsyncContext scoped(AsyncContext context) {
    SentryAsyncListener.attach(context, scope, response);
    return new ScopedAsyncContext(context, scope);
  }

  @Override
  public String toString() {
    return "SentryRequestWrapper{" + getRequest() + '}';
  }

  /** The container's stream, with a copy of what is read going to the recorder. */
  private static final class RecordingInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final BodyRecorder recorder;

    RecordingInputStream(ServletInputStream in, BodyRecorder recorder) {
      this.in = in;
      this.recorder = recorder;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      recorder.recordByte(b);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      recorder.recordBytes(b, off, n);
      return n;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener readListener) {
      in.setReadListener(readListener);
    }
  }
}
