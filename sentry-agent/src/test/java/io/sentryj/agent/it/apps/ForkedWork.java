package io.sentryj.agent.it.apps;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Two requests, one after the other, each handing work to fork/join workers: a parallel stream, a
 * recursive task's forked half, {@code CompletableFuture.supplyAsync} on the common pool. Each
 * worker adds a breadcrumb and reports a message. Inside the first request it also starts a thread,
 * which prints its stack, and a pool's worker, which after both requests runs a task from outside
 * any request. No SDK code: it reaches the agent's SDK by reflection (see {@link
 * ContextPropagation}).
 */
public final class ForkedWork {
  private static final String SENTRY = "io.sentryj.agent.shaded.sentryj.Sentry";
  private static final String BRIDGE = "io.sentryj.agent.bootstrap.SentryBridge";

  private static Method addBreadcrumb;
  private static Method capture;

  private ForkedWork() {}

  public static void main(String[] args) throws Exception {
    Class<?> sentry = Class.forName(SENTRY, true, agentLoader());
    addBreadcrumb = sentry.getMethod("addBreadcrumb", String.class);
    capture = sentry.getMethod("captureMessage", String.class);
    Method push = sentry.getMethod("pushIsolationScope");
    // the pool's worker threads start outside any request
    ForkJoinPool pool = new ForkJoinPool(2);
    pool.submit(() -> {}).get();
    ThreadPoolExecutor madeInRequest = null;
    for (String request : Arrays.asList("request-1", "request-2")) {
      AutoCloseable scope = (AutoCloseable) push.invoke(null);
      try {
        call(addBreadcrumb, "started " + request);
        handle(request, pool);
        if (madeInRequest == null) {
          madeInRequest = threadStartedInRequest();
        }
        call(capture, "end of " + request);
      } finally {
        scope.close();
      }
    }
    // outside any request now: the pool's worker, made in request-1, must not keep its scopes
    madeInRequest.execute(
        () -> {
          printStack("pool worker");
          call(capture, "from the pool made in request-1");
        });
    madeInRequest.shutdown();
    madeInRequest.awaitTermination(30, TimeUnit.SECONDS);
    pool.shutdown();
  }

  private static void handle(String request, ForkJoinPool pool) throws Exception {
    parallelStream(request);
    pool.invoke(new Halves(request, 1));
    CompletableFuture.supplyAsync(() -> work(request, "supplyAsync"), ForkJoinPool.commonPool())
        .get(30, TimeUnit.SECONDS);
    // on a pool of more than one thread the step is a fork/join task the pool runs (the common
    // pool is one too where it has more than one thread)
    CompletableFuture.supplyAsync(() -> work(request, "supplyAsync on a pool"), pool)
        .get(30, TimeUnit.SECONDS);
  }

  /** A thread and a pool's worker made inside the request; the thread prints its stack. */
  private static ThreadPoolExecutor threadStartedInRequest() throws InterruptedException {
    Thread thread = new Thread(() -> printStack("thread"));
    thread.start();
    thread.join();
    ThreadPoolExecutor own =
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    own.prestartAllCoreThreads();
    return own;
  }

  /** Blocks the caller's own part until a worker of the common pool has run another part. */
  private static void parallelStream(String request) throws InterruptedException {
    CountDownLatch workerRan = new CountDownLatch(1);
    AtomicBoolean reported = new AtomicBoolean();
    Thread caller = Thread.currentThread();
    IntStream.range(0, 16)
        .parallel()
        .forEach(
            i -> {
              if (Thread.currentThread() == caller) {
                await(workerRan);
              } else if (reported.compareAndSet(false, true)) {
                work(request, "parallel stream");
                workerRan.countDown();
              }
            });
    if (!workerRan.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no worker ran a part of the stream");
    }
  }

  private static String work(String request, String kind) {
    call(addBreadcrumb, kind + " worker of " + request);
    call(capture, "from " + kind + " of " + request);
    return kind;
  }

  private static void printStack(String what) {
    System.out.println(
        "stack of "
            + what
            + ": "
            + Arrays.stream(Thread.currentThread().getStackTrace())
                .map(StackTraceElement::getClassName)
                .collect(Collectors.joining(" ")));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void call(Method method, String argument) {
    try {
      method.invoke(null, argument);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClassLoader agentLoader() throws ReflectiveOperationException {
    Field hooks = Class.forName(BRIDGE).getDeclaredField("hooks");
    hooks.setAccessible(true);
    return hooks.get(null).getClass().getClassLoader();
  }

  /** Forks its second half, runs the first itself; the forked one at depth 0 reports. */
  private static class Halves extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final String request;
    private final int depth;

    Halves(String request, int depth) {
      this.request = request;
      this.depth = depth;
    }

    @Override
    protected void compute() {
      if (depth == 0) {
        return;
      }
      Halves first = new Halves(request, depth - 1);
      Halves second = depth == 1 ? new Reporting(request) : new Halves(request, depth - 1);
      second.fork();
      first.compute();
      second.join();
    }
  }

  private static final class Reporting extends Halves {
    private static final long serialVersionUID = 1L;
    private final String request;

    Reporting(String request) {
      super(request, 0);
      this.request = request;
    }

    @Override
    protected void compute() {
      work(request, "forked task");
    }
  }
}
