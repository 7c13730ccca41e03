package io.sentryj.agent.instrumentation.http;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code http}: a breadcrumb for every request made with the JDK's {@code HttpURLConnection} and
 * {@code HttpClient}, Apache HttpClient 4 and 5 (classic) and OkHttp 3 and 4, and {@code
 * sentry-trace} and {@code baggage} on those whose URL matches {@code trace-propagation-targets}.
 * Types are matched by name first, so that start-up looks at no other class's hierarchy.
 */
public final class HttpInstrumentation implements AgentInstrumentation {
  private static final String URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";
  private static final String JAVA_HTTP_CLIENT = "jdk.internal.net.http.HttpClientImpl";
  private static final String APACHE4_PACKAGE = "org.apache.http.impl.client.";
  private static final String APACHE5_PACKAGE = "org.apache.hc.client5.http.impl.classic.";
  private static final String OKHTTP_BUILDER = OkHttpInterceptor.PACKAGE + "OkHttpClient$Builder";

  @Override
  public String name() {
    return "http";
  }

  @Override
  public List<String> typeNamePrefixes() {
    return Arrays.asList(
        "sun.net.www.protocol.http.HttpURLConnection",
        "jdk.internal.net.http.HttpClientImpl",
        "org.apache.http.impl.client.",
        "org.apache.hc.client5.http.impl.classic.",
        // built so that shading leaves the application's OkHttp name alone
        "okhttp".concat("3.OkHttpClient$Builder"));
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    ClassLoader adviceLoader = HttpInstrumentation.class.getClassLoader();
    return builder
        .type(named(URL_CONNECTION))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    namedOneOf("connect", "getOutputStream").and(takesArguments(0)),
                    UrlConnectionAdvice.class.getName())
                .advice(
                    named("getInputStream").and(takesArguments(0)),
                    UrlConnectionReadAdvice.class.getName()))
        .type(named(JAVA_HTTP_CLIENT))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(isPublic().and(named("send")), JavaHttpSendAdvice.class.getName())
                .advice(
                    isPublic().and(named("sendAsync")), JavaHttpSendAsyncAdvice.class.getName()))
        .type(
            nameStartsWith(APACHE4_PACKAGE)
                .and(hasSuperType(named(APACHE4_PACKAGE + "CloseableHttpClient")))
                .or(
                    nameStartsWith(APACHE5_PACKAGE)
                        .and(hasSuperType(named(APACHE5_PACKAGE + "CloseableHttpClient")))))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    named("doExecute").and(takesArguments(3)).and(not(isAbstract())),
                    ApacheExecuteAdvice.class.getName()))
        .type(named(OKHTTP_BUILDER))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(isConstructor(), OkHttpBuilderAdvice.class.getName()));
  }

  @Override
  public String toString() {
    return "HttpInstrumentation";
  }
}
