package io.sentryj.agent.instrumentation.executor;

import static net.bytebuddy.matcher.ElementMatchers.hasParameters;
import static net.bytebuddy.matcher.ElementMatchers.hasType;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.whereAny;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code executor}: tasks given to thread pools ({@code ThreadPoolExecutor}, {@code
 * ScheduledThreadPoolExecutor}, {@code ForkJoinPool}, and so {@code CompletableFuture}'s async
 * methods), new platform threads and virtual threads carry the scopes of the thread that handed
 * them over.
 *
 * <p>Not covered yet: {@code ForkJoinTask.fork}, and executors that implement {@code Executor}
 * themselves without these JDK classes.
 */
public final class ExecutorInstrumentation implements AgentInstrumentation {
  private static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
  private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
  private static final String ABSTRACT_EXECUTOR = "java.util.concurrent.AbstractExecutorService";
  // its execute and submit schedule with no delay, so advice on schedule covers them too
  private static final String SCHEDULED_POOL = "java.util.concurrent.ScheduledThreadPoolExecutor";

  /**
   * Loaded with this class, so that they are among the classes retransformed: one first loaded
   * while ByteBuddy is busy installing (on JDK 25, ForkJoinPool) is skipped by its circularity
   * guard, and never changed.
   */
  static final List<Class<?>> LOADED_FIRST =
      Collections.unmodifiableList(
          Arrays.asList(
              ThreadPoolExecutor.class, ScheduledThreadPoolExecutor.class, ForkJoinPool.class));

  private static final ElementMatcher.Junction<MethodDescription> SCHEDULE_METHODS =
      namedOneOf("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

  @Override
  public String name() {
    return "executor";
  }

  @Override
  public List<String> typeNamePrefixes() {
    return Arrays.asList("java.lang.Thread", "java.lang.VirtualThread", "java.util.concurrent.");
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    ClassLoader adviceLoader = ExecuteAdvice.class.getClassLoader();
    return builder
        .type(namedOneOf("java.lang.Thread", "java.lang.VirtualThread"))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    isConstructor().and(hasParameters(whereAny(hasType(is(Runnable.class))))),
                    ThreadConstructorAdvice.class.getName()))
        .type(namedOneOf(THREAD_POOL, FORK_JOIN_POOL))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    named("execute").and(takesArgument(0, Runnable.class)),
                    ExecuteAdvice.class.getName()))
        .type(namedOneOf(ABSTRACT_EXECUTOR, FORK_JOIN_POOL))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    named("submit").and(takesArgument(0, Runnable.class)),
                    SubmitRunnableAdvice.class.getName())
                .advice(
                    named("submit").and(takesArgument(0, Callable.class)),
                    SubmitCallableAdvice.class.getName()))
        .type(named(SCHEDULED_POOL))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    SCHEDULE_METHODS.and(takesArgument(0, Runnable.class)),
                    SubmitRunnableAdvice.class.getName())
                .advice(
                    SCHEDULE_METHODS.and(takesArgument(0, Callable.class)),
                    SubmitCallableAdvice.class.getName()));
  }

  @Override
  public String toString() {
    return "ExecutorInstrumentation";
  }
}
