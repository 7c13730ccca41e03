package io.sentryj.agent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code servlet}: requests served by an {@code HttpServlet} of {@code javax.servlet} or {@code
 * jakarta.servlet} run through the servlet module's own typed code, the filter's (request scope,
 * request data, route, trace, a breadcrumb with the response status), exceptions that escape the
 * servlet are captured once ({@code auto.http.servlet}, {@code handled: false}), and 5xx responses
 * too with {@code capture-server-errors}.
 *
 * <p>The hook is {@code HttpServlet.service(ServletRequest, ServletResponse)}, which containers
 * call for every request: two classes matched by name, so start-up matches nothing else. Filters
 * that run before the servlet are outside the request's scope.
 */
public final class ServletInstrumentation implements AgentInstrumentation {
  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public List<String> typeNamePrefixes() {
    return Arrays.asList("javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet");
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    return builder
        .type(namedOneOf("javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet"))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(ServiceAdvice.class.getClassLoader())
                .advice(
                    named("service")
                        .and(isPublic())
                        .and(takesArguments(2))
                        .and(
                            takesArgument(
                                0,
                                namedOneOf(
                                    "javax.servlet.ServletRequest",
                                    "jakarta.servlet.ServletRequest"))),
                    ServiceAdvice.class.getName()));
  }

  @Override
  public String toString() {
    return "ServletInstrumentation";
  }
}
