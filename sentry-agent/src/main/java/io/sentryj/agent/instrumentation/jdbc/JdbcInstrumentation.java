package io.sentryj.agent.instrumentation.jdbc;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jdbc}: a breadcrumb for every statement a JDBC driver runs, with its SQL and never its
 * parameter values. Only classes whose name says {@code Statement} (or {@code Connection}) and that
 * are not the JDK's have their hierarchy looked at, so start-up stays quick.
 */
public final class JdbcInstrumentation implements AgentInstrumentation {
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/JdbcBridge";
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String STRING = "Ljava/lang/String;";
  private static final String[] JDK = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};
  private static final String[] EXECUTE = {
    "execute",
    "executeQuery",
    "executeUpdate",
    "executeLargeUpdate",
    "executeBatch",
    "executeLargeBatch"
  };

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<Hook> hooks() {
    TypeMatcher statements =
        TypeMatcher.containing("Statement", JDK).withSupertype("java/sql/Statement");
    Call exit = new Call(BRIDGE, "exit", "(Ljava/lang/Throwable;)V", Value.THROWN);
    return Arrays.asList(
        Hook.on("jdbc", statements, MethodMatcher.named(EXECUTE).publicOnly().argument(0, STRING))
            .enter(
                new Call(
                    BRIDGE, "enter", "(" + OBJECT + OBJECT + ")V", Value.THIS, Value.argument(0)))
            .onThrow(exit)
            .build(),
        Hook.on("jdbc", statements, MethodMatcher.named(EXECUTE).publicOnly().arguments(0))
            .enter(new Call(BRIDGE, "enterPrepared", "(" + OBJECT + ")V", Value.THIS))
            .onThrow(exit)
            .build(),
        Hook.on(
                "jdbc",
                TypeMatcher.containing("Connection", JDK).withSupertype("java/sql/Connection"),
                MethodMatcher.named("prepareStatement", "prepareCall")
                    .publicOnly()
                    .argument(0, STRING))
            .exit(
                new Call(
                    BRIDGE,
                    "prepared",
                    "(" + OBJECT + OBJECT + ")V",
                    Value.RETURNED,
                    Value.argument(0)))
            .build());
  }

  @Override
  public String toString() {
    return "JdbcInstrumentation";
  }
}
