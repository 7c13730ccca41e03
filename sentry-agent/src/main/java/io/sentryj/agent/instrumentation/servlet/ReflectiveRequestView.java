package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.servlet.internal.HttpRequestView;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request of either servlet API seen through the servlet module's {@link HttpRequestView}, read
 * by reflection: the agent gets the same request data, scrubbing and route names as the filter.
 */
final class ReflectiveRequestView implements HttpRequestView {
  private final ServletApi api;
  private final Object request;

  ReflectiveRequestView(ServletApi api, Object request) {
    this.api = api;
    this.request = request;
  }

  @Override
  public String method() {
    return api.method(request);
  }

  @Override
  public String url() {
    return api.url(request);
  }

  @Override
  public @Nullable String queryString() {
    return api.queryString(request);
  }

  @Override
  public List<String> headerNames() {
    return api.headerNames(request);
  }

  @Override
  public List<String> headers(String name) {
    return api.headers(request, name);
  }

  @Override
  public void forEachHeader(HeaderSink sink) {
    api.forEachHeader(request, sink);
  }

  @Override
  public @Nullable String contentType() {
    return api.contentType(request);
  }

  @Override
  public long contentLength() {
    return api.contentLength(request);
  }

  @Override
  public @Nullable String remoteAddr() {
    return api.remoteAddr(request);
  }

  @Override
  public @Nullable String userName() {
    return api.userName(request);
  }

  @Override
  public @Nullable String mappingPattern() {
    return api.mappingPattern(request);
  }

  @Override
  public String path() {
    return HttpRequestView.path(api.servletPath(request), api.pathInfo(request));
  }

  @Override
  public @Nullable Object attribute(String name) {
    return api.attribute(request, name);
  }

  @Override
  public Map<String, String[]> parameters() {
    return api.parameters(request);
  }

  @Override
  public byte[] readUnread(int max) throws IOException {
    return HttpRequestView.readAtMost(api.inputStream(request), max);
  }

  @Override
  public String toString() {
    return "ReflectiveRequestView{" + api.namespace + '}';
  }
}
