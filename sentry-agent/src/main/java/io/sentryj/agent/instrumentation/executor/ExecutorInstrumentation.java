package io.sentryj.agent.instrumentation.executor;

import static net.bytebuddy.matcher.ElementMatchers.hasParameters;
import static net.bytebuddy.matcher.ElementMatchers.hasType;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.whereAny;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code executor}: work handed to other threads inside a unit of work (a request, {@code
 * Sentry.pushIsolationScope}) carries its scopes: tasks given to thread pools ({@code
 * ThreadPoolExecutor}, {@code ScheduledThreadPoolExecutor}, {@code ForkJoinPool}, the JDK's
 * thread-per-task executors), fork/join tasks ({@code fork}, parallel streams, {@code
 * CompletableFuture}'s async steps), new platform threads and virtual threads. See {@link
 * TaskCarrier} for how, and for why pools' own worker threads are left alone.
 *
 * <p>Not covered: executors that implement {@code Executor} themselves without these JDK classes
 * (Tomcat's and Jetty's own pools run the container's work, whose requests the servlet
 * instrumentation scopes).
 */
public final class ExecutorInstrumentation implements AgentInstrumentation {
  private static final String THREAD = "java.lang.Thread";
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
  private static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
  private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
  private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";
  private static final String ABSTRACT_EXECUTOR = "java.util.concurrent.AbstractExecutorService";
  // JDK 21 and later: Executors.newThreadPerTaskExecutor and newVirtualThreadPerTaskExecutor
  private static final String THREAD_PER_TASK = "java.util.concurrent.ThreadPerTaskExecutor";
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
              ThreadPoolExecutor.class,
              ScheduledThreadPoolExecutor.class,
              ForkJoinPool.class,
              ForkJoinTask.class));

  private static final ElementMatcher.Junction<MethodDescription> SCHEDULE_METHODS =
      namedOneOf("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

  @Override
  public String name() {
    return "executor";
  }

  @Override
  public List<String> typeNamePrefixes() {
    return Arrays.asList(THREAD, VIRTUAL_THREAD, "java.util.concurrent.");
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    return pools(threads(builder));
  }

  /** Threads note their creator's scopes and run in them, unwrapped. */
  private static AgentBuilder threads(AgentBuilder builder) {
    ClassLoader adviceLoader = ThreadRunAdvice.class.getClassLoader();
    ElementMatcher.Junction<MethodDescription> withTarget =
        isConstructor().and(hasParameters(whereAny(hasType(is(Runnable.class)))));
    return builder
        .type(named(THREAD))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(withTarget, ThreadConstructorAdvice.class.getName())
                .advice(named("run").and(takesArguments(0)), ThreadRunAdvice.class.getName()))
        .type(named(VIRTUAL_THREAD))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(withTarget, ThreadConstructorAdvice.class.getName())
                .advice(
                    named("run").and(takesArguments(1)).and(takesArgument(0, Runnable.class)),
                    ThreadRunAdvice.class.getName()))
        .type(named(FORK_JOIN_TASK))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(named("fork").and(takesArguments(0)), ForkAdvice.class.getName())
                .advice(
                    named("doExec").and(takesArguments(0)), RunForkJoinTaskAdvice.class.getName()));
  }

  /** Tasks given to the JDK's pools carry their submitter's scopes. */
  private static AgentBuilder pools(AgentBuilder builder) {
    ClassLoader adviceLoader = ExecuteAdvice.class.getClassLoader();
    return builder
        .type(namedOneOf(THREAD_POOL, FORK_JOIN_POOL, THREAD_PER_TASK))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    named("execute").and(takesArgument(0, Runnable.class)),
                    ExecuteAdvice.class.getName()))
        .type(named(FORK_JOIN_POOL))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(adviceLoader)
                .advice(
                    namedOneOf("execute", "submit", "invoke")
                        .and(takesArgument(0, ForkJoinTask.class)),
                    SubmitForkJoinTaskAdvice.class.getName()))
        .type(namedOneOf(ABSTRACT_EXECUTOR, FORK_JOIN_POOL, THREAD_PER_TASK))
        .transform(submitAdvice(adviceLoader, named("submit")))
        .type(named(SCHEDULED_POOL))
        .transform(submitAdvice(adviceLoader, SCHEDULE_METHODS));
  }

  private static AgentBuilder.Transformer submitAdvice(
      ClassLoader adviceLoader, ElementMatcher.Junction<MethodDescription> methods) {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(adviceLoader)
        .advice(methods.and(takesArgument(0, Runnable.class)), SubmitRunnableAdvice.class.getName())
        .advice(
            methods.and(takesArgument(0, Callable.class)), SubmitCallableAdvice.class.getName());
  }

  @Override
  public String toString() {
    return "ExecutorInstrumentation";
  }
}
