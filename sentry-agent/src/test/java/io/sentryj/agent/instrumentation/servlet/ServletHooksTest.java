package io.sentryj.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Sentry;
import io.sentryj.agent.instrumentation.LinkedCode;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.servlet.internal.RequestEntry;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hooks behind the servlet advice run the servlet module's typed code of the request's own
 * servlet API, defined beside that API, for requests of either namespace.
 */
class ServletHooksTest {
  private final RecordingTransport transport = new RecordingTransport();
  private final Map<String, Object> attributes = new HashMap<>();
  private final ServletHooks hooks = new ServletHooks();

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

  @ParameterizedTest
  @ValueSource(strings = {"javax", "jakarta"})
  void aRequestRunsThroughTheTypedCodeOfItsNamespaceLoadedBesideItsApi(String namespace)
      throws Exception {
    Object request = fake(namespace + ".servlet.http.HttpServletRequest");
    Object response = fake(namespace + ".servlet.http.HttpServletResponse");

    Object entered = hooks.enter(request, response);
    IllegalStateException failure = new IllegalStateException("in " + namespace);
    hooks.exit(entered, failure);

    Class<?> typed = entered.getClass();
    assertThat(typed.getName())
        .isEqualTo("io.sentryj.servlet." + namespace + ".internal.ServletEntry$Entry");
    assertThat(typed.getClassLoader()).isInstanceOf(LinkedCode.class);
    assertThat(((RequestEntry.Entered) entered).request())
        .as("passed on as it came")
        .isSameAs(request);
    SentryEvent event = transport.onlyEvent();
    assertThat(event.getThrowable()).isSameAs(failure);
    assertThat(event.getRequest().getUrl()).isEqualTo("http://localhost/orders/1");
    assertThat(event.getExceptions().get(0).getMechanism().getType())
        .isEqualTo("auto.http.servlet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javax", "jakarta"})
  void anythingButAnHttpRequestAndResponsePairIsLeftAlone(String namespace) throws Exception {
    Object request = fake(namespace + ".servlet.http.HttpServletRequest");

    assertThat(hooks.enter(request, "not a response")).isNull();
    assertThat(hooks.enter("not a request", request)).isNull();
    assertThat(transport.events()).isEmpty();
  }

  private Object fake(String interfaceName) throws ClassNotFoundException {
    Class<?> type = Class.forName(interfaceName);
    return Proxy.newProxyInstance(
        type.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) ->
            switch (method.getName()) {
              case "getMethod" -> "GET";
              case "getRequestURL" -> requestUrl();
              case "getHeaderNames", "getHeaders" -> Collections.emptyEnumeration();
              case "getContentLengthLong" -> -1L;
              case "getServletPath" -> "/orders";
              case "getAttribute" -> attributes.get((String) args[0]);
              case "setAttribute" -> attributes.put((String) args[0], args[1]);
              case "isAsyncStarted" -> false;
              case "getStatus" -> 200;
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              case "toString" -> interfaceName;
              default -> null;
            });
  }

  @SuppressWarnings("JdkObsolete") // what the servlet API returns
  private static StringBuffer requestUrl() {
    return new StringBuffer("http://localhost/orders/1");
  }
}
