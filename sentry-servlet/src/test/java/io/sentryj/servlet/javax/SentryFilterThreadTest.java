package io.sentryj.servlet.javax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentryj.ScopeToken;
import io.sentryj.Sentry;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.SdkInternals;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the filter leaves on a thread, on every exit path, with container objects faked so that the
 * filter runs on the test's own thread.
 */
class SentryFilterThreadTest {
  private final RecordingTransport transport = new RecordingTransport();
  private final SentryFilter filter = new SentryFilter();
  private final Map<String, Object> attributes = new HashMap<>();
  private final List<AsyncListener> listeners = new ArrayList<>();
  private boolean asyncStarted;
  private DispatcherType dispatcherType = DispatcherType.REQUEST;
  private java.security.Principal principal;

  @BeforeEach
  void init() {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .transportFactory(x -> transport));
  }

  @AfterEach
  void close() {
    Sentry.close();
  }

  @Test
  void anExceptionIsRethrownUnchangedAndTheThreadKeepsNothing() throws Exception {
    ServletException failure = new ServletException("db down");
    FilterChain chain =
        (req, res) -> {
          assertThat(SdkInternals.threadScopes()).isNotNull();
          throw failure;
        };

    assertThatThrownBy(() -> filter.doFilter(request(), response(), chain)).isSameAs(failure);

    assertThat(SdkInternals.threadScopes()).isNull();
    SentryEvent event = transport.onlyEvent();
    assertThat(event.getRequest().getUrl()).isEqualTo("http://localhost/orders/1");
  }

  @Test
  void theThreadsPreviousScopesComeBackAfterTheRequest() throws Exception {
    try (ScopeToken outer = Sentry.pushIsolationScope()) {
      Object before = SdkInternals.threadScopes();

      filter.doFilter(request(), response(), (req, res) -> Sentry.setTag("request", "only"));

      assertThat(SdkInternals.threadScopes()).isSameAs(before);
      Sentry.captureMessage("after the request");
      assertThat(transport.onlyEvent().getTags()).doesNotContainKey("request");
    }
    assertThat(SdkInternals.threadScopes()).isNull();
  }

  @Test
  void anAsyncRequestIsEndedByItsListenerOnAnotherThread() throws Exception {
    filter.doFilter(
        request(),
        response(),
        (req, res) -> {
          asyncStarted = true;
          Sentry.setTag("async", "yes");
        });
    assertThat(SdkInternals.threadScopes()).isNull();
    assertThat(listeners).hasSize(1);

    IllegalStateException failure = new IllegalStateException("async failure");
    CompletableFuture.runAsync(
            () -> {
              try {
                listeners.get(0).onError(new AsyncEvent(asyncContext(), failure));
                assertThat(SdkInternals.threadScopes()).isNull();
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .get();

    SentryEvent event = transport.onlyEvent();
    assertThat(event.getTags()).containsEntry("async", "yes");
    assertThat(event.getExceptions().get(0).getMechanism().getHandled()).isFalse();
  }

  @Test
  void aFailureTheAsyncListenerReportedFirstIsNotReportedAgainWhenTheFilterSeesItWrapped()
      throws Exception {
    HttpServletRequest request = request();
    filter.doFilter(request, response(), (req, res) -> asyncStarted = true);
    IllegalStateException failure = new IllegalStateException("async failure");
    listeners.get(0).onError(new AsyncEvent(asyncContext(), failure));

    asyncStarted = false;
    dispatcherType = DispatcherType.ASYNC;
    ServletException wrapped = new ServletException(failure);
    FilterChain rethrowing =
        (req, res) -> {
          throw wrapped;
        };
    assertThatThrownBy(() -> filter.doFilter(request, response(), rethrowing)).isSameAs(wrapped);

    assertThat(transport.onlyEvent().getExceptions()).isNotEmpty();
  }

  @Test
  void theSignedInUserIsTheEventsUserOnlyWithSendDefaultPii() throws Exception {
    principal = () -> "alice";
    FilterChain failing =
        (req, res) -> {
          throw new IllegalStateException("x");
        };
    assertThatThrownBy(() -> filter.doFilter(request(), response(), failing));
    assertThat(transport.onlyEvent().getUser()).isNull();
    Sentry.close();

    RecordingTransport withPii = new RecordingTransport();
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .sendDefaultPii(true)
                .transportFactory(x -> withPii));
    attributes.clear();
    assertThatThrownBy(() -> filter.doFilter(request(), response(), failing));
    assertThat(withPii.onlyEvent().getUser().username()).isEqualTo("alice");
  }

  private HttpServletRequest request() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getMethod" -> "GET";
                  case "getRequestURL" -> requestUrl();
                  case "getHeaderNames", "getHeaders" -> Collections.emptyEnumeration();
                  case "getContentLengthLong" -> -1L;
                  case "getServletPath" -> "/orders";
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "getUserPrincipal" -> principal;
                  case "isAsyncStarted" -> asyncStarted;
                  case "getDispatcherType" -> dispatcherType;
                  case "getAsyncContext" -> asyncContext();
                  default -> null;
                });
  }

  @SuppressWarnings("JdkObsolete") // what the servlet API returns
  private static StringBuffer requestUrl() {
    return new StringBuffer("http://localhost/orders/1");
  }

  private AsyncContext asyncContext() {
    return (AsyncContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {AsyncContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("addListener")) {
                listeners.add((AsyncListener) args[0]);
              }
              return null;
            });
  }

  private static HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            SentryFilterThreadTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> method.getName().equals("getStatus") ? 200 : null);
  }
}
