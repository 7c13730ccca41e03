package io.sentryj.agent.instrumentation.http;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code http}: a breadcrumb for every request made with the JDK's {@code HttpURLConnection} and
 * {@code HttpClient}, Apache HttpClient 4 and 5 (classic) and OkHttp 3 and 4, and {@code
 * sentry-trace} and {@code baggage} on those whose URL matches {@code trace-propagation-targets}.
 * Types are matched by name first, so that start-up looks at no other class's hierarchy.
 */
public final class HttpInstrumentation implements AgentInstrumentation {
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/HttpBridge";
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String THROWN = "(Ljava/lang/Throwable;)V";
  private static final String RETURNED_THROWN = "(" + OBJECT + "Ljava/lang/Throwable;)V";
  private static final String URL_CONNECTION = "sun/net/www/protocol/http/HttpURLConnection";
  private static final String JAVA_HTTP_CLIENT = "jdk/internal/net/http/HttpClientImpl";
  private static final String APACHE4_PACKAGE = "org/apache/http/impl/client/";
  private static final String APACHE5_PACKAGE = "org/apache/hc/client5/http/impl/classic/";
  // built so that shading leaves the application's OkHttp name alone
  private static final String OKHTTP_BUILDER = "okhttp".concat("3/OkHttpClient$Builder");

  @Override
  public String name() {
    return "http";
  }

  @Override
  public List<Hook> hooks() {
    List<Hook> hooks = new ArrayList<>();
    Call connectionEnter =
        new Call(
            BRIDGE,
            "urlConnectionEnter",
            "(" + OBJECT + "Z)V",
            Value.THIS,
            Value.field("java/net/URLConnection", "connected", "Z"));
    hooks.add(
        hook(URL_CONNECTION, MethodMatcher.named("connect", "getOutputStream").arguments(0))
            .enter(connectionEnter)
            .onThrow(new Call(BRIDGE, "urlConnectionExit", THROWN, Value.THROWN))
            .build());
    hooks.add(
        hook(URL_CONNECTION, MethodMatcher.named("getInputStream").arguments(0))
            .enter(connectionEnter)
            .onThrow(new Call(BRIDGE, "urlConnectionReadExit", THROWN, Value.THROWN))
            .build());
    for (String method : new String[] {"send", "sendAsync"}) {
      hooks.add(
          hook(JAVA_HTTP_CLIENT, MethodMatcher.named(method).publicOnly())
              .enterReplacing(
                  0,
                  new Call(BRIDGE, "javaHttpEnter", "(" + OBJECT + ")" + OBJECT, Value.argument(0)))
              .onThrow(
                  new Call(
                      BRIDGE,
                      method.equals("send") ? "javaHttpExit" : "javaHttpAsyncExit",
                      RETURNED_THROWN,
                      Value.RETURNED,
                      Value.THROWN))
              .build());
    }
    for (String apache : new String[] {APACHE4_PACKAGE, APACHE5_PACKAGE}) {
      hooks.add(
          Hook.on(
                  "http",
                  TypeMatcher.prefixAndSuffix(apache, "")
                      .withSupertype(apache + "CloseableHttpClient"),
                  MethodMatcher.named("doExecute").arguments(3))
              .enter(
                  new Call(
                      BRIDGE,
                      "apacheEnter",
                      "(" + OBJECT + OBJECT + ")V",
                      Value.argument(0),
                      Value.argument(1)))
              .onThrow(
                  new Call(BRIDGE, "apacheExit", RETURNED_THROWN, Value.RETURNED, Value.THROWN))
              .build());
    }
    hooks.add(
        hook(OKHTTP_BUILDER, MethodMatcher.named("<init>"))
            .exit(new Call(BRIDGE, "okHttpBuilder", "(" + OBJECT + ")V", Value.THIS))
            .build());
    return hooks;
  }

  private static Hook.Builder hook(String type, MethodMatcher method) {
    return Hook.on("http", TypeMatcher.named(type), method);
  }

  @Override
  public String toString() {
    return "HttpInstrumentation";
  }
}
