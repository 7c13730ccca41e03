package io.sentryj.agent.instrumentation.executor;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.ArrayList;
import java.util.List;

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
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/SentryBridge";
  private static final String THREAD = "java/lang/Thread";
  private static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
  private static final String THREAD_POOL = "java/util/concurrent/ThreadPoolExecutor";
  private static final String FORK_JOIN_POOL = "java/util/concurrent/ForkJoinPool";
  private static final String FORK_JOIN_TASK = "java/util/concurrent/ForkJoinTask";
  private static final String ABSTRACT_EXECUTOR = "java/util/concurrent/AbstractExecutorService";
  // JDK 21 and later: Executors.newThreadPerTaskExecutor and newVirtualThreadPerTaskExecutor
  private static final String THREAD_PER_TASK = "java/util/concurrent/ThreadPerTaskExecutor";
  // its execute and submit schedule with no delay, so hooks on schedule cover them too
  private static final String SCHEDULED_POOL = "java/util/concurrent/ScheduledThreadPoolExecutor";
  private static final String RUNNABLE = "Ljava/lang/Runnable;";
  private static final String CALLABLE = "Ljava/util/concurrent/Callable;";
  private static final String FORK_JOIN_TASK_TYPE = "L" + FORK_JOIN_TASK + ";";
  private static final String OBJECT = "Ljava/lang/Object;";

  @Override
  public String name() {
    return "executor";
  }

  @Override
  public List<Hook> hooks() {
    List<Hook> hooks = new ArrayList<>();
    threads(hooks);
    pools(hooks);
    return hooks;
  }

  /** Threads note their creator's scopes and run in them, unwrapped. */
  private static void threads(List<Hook> hooks) {
    Call created =
        new Call(
            BRIDGE,
            "threadCreated",
            "(" + OBJECT + OBJECT + ")V",
            Value.THIS,
            Value.firstArgumentOf(RUNNABLE));
    Call enterThread = new Call(BRIDGE, "enterThread", "(" + OBJECT + ")V", Value.THIS);
    Call exitThread = new Call(BRIDGE, "exitThread", "(Ljava/lang/Throwable;)V", Value.THROWN);
    for (String thread : new String[] {THREAD, VIRTUAL_THREAD}) {
      hooks.add(
          Hook.on(
                  "executor",
                  TypeMatcher.named(thread),
                  MethodMatcher.named("<init>").withParameter(RUNNABLE))
              .exit(created)
              .build());
    }
    hooks.add(
        Hook.on("executor", TypeMatcher.named(THREAD), MethodMatcher.named("run").descriptor("()V"))
            .enter(enterThread)
            .onThrow(exitThread)
            .build());
    hooks.add(
        Hook.on(
                "executor",
                TypeMatcher.named(VIRTUAL_THREAD),
                MethodMatcher.named("run").descriptor("(" + RUNNABLE + ")V"))
            .enter(enterThread)
            .onThrow(exitThread)
            .build());
    TypeMatcher task = TypeMatcher.named(FORK_JOIN_TASK);
    hooks.add(
        Hook.on("executor", task, MethodMatcher.named("fork").arguments(0))
            .enter(new Call(BRIDGE, "forked", "(" + OBJECT + ")V", Value.THIS))
            .build());
    hooks.add(
        Hook.on("executor", task, MethodMatcher.named("doExec").arguments(0))
            .enter(new Call(BRIDGE, "enterTask", "(" + OBJECT + ")V", Value.THIS))
            .onThrow(new Call(BRIDGE, "exitTask", "()V"))
            .build());
  }

  /** Tasks given to the JDK's pools carry their submitter's scopes. */
  private static void pools(List<Hook> hooks) {
    hooks.add(
        Hook.on(
                "executor",
                TypeMatcher.named(THREAD_POOL, FORK_JOIN_POOL, THREAD_PER_TASK),
                MethodMatcher.named("execute").arguments(1).argument(0, RUNNABLE))
            .enterReplacing(
                0,
                new Call(
                    BRIDGE,
                    "execute",
                    "(" + OBJECT + RUNNABLE + ")" + RUNNABLE,
                    Value.THIS,
                    Value.argument(0)))
            .build());
    hooks.add(
        Hook.on(
                "executor",
                TypeMatcher.named(FORK_JOIN_POOL),
                MethodMatcher.named("execute", "submit", "invoke")
                    .arguments(1)
                    .argument(0, FORK_JOIN_TASK_TYPE))
            .enter(new Call(BRIDGE, "forked", "(" + OBJECT + ")V", Value.argument(0)))
            .build());
    submit(hooks, TypeMatcher.named(ABSTRACT_EXECUTOR, FORK_JOIN_POOL, THREAD_PER_TASK), "submit");
    submit(
        hooks,
        TypeMatcher.named(SCHEDULED_POOL),
        "schedule",
        "scheduleAtFixedRate",
        "scheduleWithFixedDelay");
  }

  private static void submit(List<Hook> hooks, TypeMatcher pools, String... methods) {
    hooks.add(
        Hook.on("executor", pools, MethodMatcher.named(methods).argument(0, RUNNABLE))
            .enterReplacing(
                0,
                new Call(
                    BRIDGE,
                    "carry",
                    "(" + RUNNABLE + "Z)" + RUNNABLE,
                    Value.argument(0),
                    Value.constant(0)))
            .build());
    hooks.add(
        Hook.on("executor", pools, MethodMatcher.named(methods).argument(0, CALLABLE))
            .enterReplacing(
                0, new Call(BRIDGE, "carry", "(" + CALLABLE + ")" + CALLABLE, Value.argument(0)))
            .build());
  }

  @Override
  public String toString() {
    return "ExecutorInstrumentation";
  }
}
