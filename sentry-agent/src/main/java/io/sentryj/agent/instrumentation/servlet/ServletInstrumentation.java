package io.sentryj.agent.instrumentation.servlet;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.Arrays;
import java.util.List;

/**
 * {@code servlet}: requests of {@code javax.servlet} and {@code jakarta.servlet} applications run
 * through the servlet module's own typed code, the filter's (request scope, request data, route,
 * trace, a breadcrumb with the response status), exceptions that escape the application are
 * captured once ({@code auto.http.servlet}, {@code handled: false}), and 5xx responses too with
 * {@code capture-server-errors}.
 *
 * <p>The hooks are where every request passes, whatever servlet serves it (Jersey's {@code
 * ServletContainer}, which overrides {@code service} itself, Spring's {@code DispatcherServlet}, a
 * plain servlet) and before the application's filters: Tomcat's {@code ApplicationFilterChain}
 * (Tomcat 7 to 11, and the servers built on it), Jetty's dispatch to the servlet handler (Jetty 9
 * to 12, each environment); and, for other containers, {@code HttpServlet.service}. The first hook
 * a request passes starts its scope; the others, for the same request, change nothing. All are
 * matched by name, so start-up looks at no other class.
 */
public final class ServletInstrumentation implements AgentInstrumentation {
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/ServletBridge";
  private static final Call ENTER_ARGUMENTS_0_1 =
      new Call(
          BRIDGE,
          "enter",
          "(Ljava/lang/Object;Ljava/lang/Object;)V",
          Value.argument(0),
          Value.argument(1));
  private static final Call ENTER_ARGUMENTS_2_3 =
      new Call(
          BRIDGE,
          "enter",
          "(Ljava/lang/Object;Ljava/lang/Object;)V",
          Value.argument(2),
          Value.argument(3));
  private static final Call EXIT =
      new Call(BRIDGE, "exit", "(Ljava/lang/Throwable;)V", Value.THROWN);
  private static final String[] REQUESTS = {
    "Ljavax/servlet/ServletRequest;", "Ljakarta/servlet/ServletRequest;"
  };
  private static final String[] HTTP_REQUESTS = {
    "Ljavax/servlet/http/HttpServletRequest;", "Ljakarta/servlet/http/HttpServletRequest;"
  };

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public List<Hook> hooks() {
    return Arrays.asList(
        // Tomcat: the filter chain of every dispatch, the application's filters inside it
        hook(
            TypeMatcher.named("org/apache/catalina/core/ApplicationFilterChain"),
            MethodMatcher.named("doFilter").arguments(2).argument(0, REQUESTS),
            ENTER_ARGUMENTS_0_1),
        // Jetty 9 to 11, and Jetty 12's ee8 and ee9 environments: the servlet handler's dispatch
        hook(
            TypeMatcher.named("org/eclipse/jetty/servlet/ServletHandler"),
            jettyHandle("doHandle"),
            ENTER_ARGUMENTS_2_3),
        hook(
            TypeMatcher.prefixAndSuffix("org/eclipse/jetty/ee", "/servlet/ServletHandler"),
            jettyHandle("doHandle"),
            ENTER_ARGUMENTS_2_3),
        // Jetty 12's ee10 and ee11: the mapped servlet, its filter chain inside
        hook(
            TypeMatcher.prefixAndSuffix(
                "org/eclipse/jetty/ee", "/servlet/ServletHandler$MappedServlet"),
            jettyHandle("handle"),
            ENTER_ARGUMENTS_2_3),
        // any other container: the servlet itself
        hook(
            TypeMatcher.named("javax/servlet/http/HttpServlet", "jakarta/servlet/http/HttpServlet"),
            MethodMatcher.named("service").publicOnly().arguments(2).argument(0, REQUESTS),
            ENTER_ARGUMENTS_0_1));
  }

  private static MethodMatcher jettyHandle(String name) {
    return MethodMatcher.named(name).arguments(4).argument(2, HTTP_REQUESTS);
  }

  private static Hook hook(TypeMatcher type, MethodMatcher method, Call enter) {
    return Hook.on("servlet", type, method).enter(enter).onThrow(EXIT).build();
  }

  @Override
  public String toString() {
    return "ServletInstrumentation";
  }
}
