package io.sentryj.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code jdbc}: a breadcrumb for every statement a JDBC driver runs, with its SQL and never its
 * parameter values. Only classes whose name says {@code Statement} (or {@code Connection}) and that
 * are not the JDK's have their hierarchy looked at, so start-up stays quick.
 */
public final class JdbcInstrumentation implements AgentInstrumentation {
  private static final ElementMatcher.Junction<TypeDescription> NOT_JDK =
      not(
          nameStartsWith("java.")
              .or(nameStartsWith("javax."))
              .or(nameStartsWith("jdk."))
              .or(nameStartsWith("sun."))
              .or(nameStartsWith("com.sun.")));

  private static final ElementMatcher.Junction<MethodDescription> EXECUTE =
      isPublic()
          .and(not(isAbstract()))
          .and(
              namedOneOf(
                  "execute",
                  "executeQuery",
                  "executeUpdate",
                  "executeLargeUpdate",
                  "executeBatch",
                  "executeLargeBatch"));

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<String> typeNameParts() {
    return Arrays.asList("Statement", "Connection");
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    ClassLoader adviceLoader = JdbcInstrumentation.class.getClassLoader();
    return builder
        .type(
            nameContains("Statement")
                .and(NOT_JDK)
                .and(not(isInterface()))
                .and(hasSuperType(named("java.sql.Statement"))))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    EXECUTE.and(takesArgument(0, String.class)), ExecuteSqlAdvice.class.getName())
                .advice(EXECUTE.and(takesArguments(0)), ExecutePreparedAdvice.class.getName()))
        .type(
            nameContains("Connection")
                .and(NOT_JDK)
                .and(not(isInterface()))
                .and(hasSuperType(named("java.sql.Connection"))))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    isPublic()
                        .and(not(isAbstract()))
                        .and(namedOneOf("prepareStatement", "prepareCall"))
                        .and(takesArgument(0, String.class)),
                    PrepareAdvice.class.getName()));
  }

  @Override
  public String toString() {
    return "JdbcInstrumentation";
  }
}
