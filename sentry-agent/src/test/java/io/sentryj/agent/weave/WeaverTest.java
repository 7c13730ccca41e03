package io.sentryj.agent.weave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weaver on real class files: each woven class is defined in a class loader of its own, so that
 * the JVM's verifier checks the woven code, and run, and its calls are recorded by {@link
 * Recorder}, the bridge it calls.
 */
class WeaverTest {
  private static final String RECORDER = "io/sentryj/agent/weave/WeaverTest$Recorder";
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String SAMPLE = "io/sentryj/agent/weave/Sample";

  private final List<String> failures = new ArrayList<>();

  @BeforeEach
  void clearRecorder() {
    Recorder.calls.clear();
  }

  @Test
  void anEntryAndAnExitAreWovenAroundTheMethodWithWhatItReturns() throws Exception {
    Class<?> sample = woven(SAMPLE, aroundGreet());
    Object instance = sample.getConstructor().newInstance();

    Object greeting = sample.getMethod("greet", String.class).invoke(instance, "ada");

    assertThat(greeting).isEqualTo("none greets ada");
    assertThat(Recorder.calls)
        .containsExactly("enter " + instance + " ada", "exit none greets ada null");
  }

  @Test
  void whenTheMethodThrowsTheExitGetsTheThrowableOnceAndItGoesOn() throws Exception {
    Class<?> sample = woven(SAMPLE, aroundGreet());
    Object instance = sample.getConstructor().newInstance();
    Method greet = sample.getMethod("greet", String.class);

    assertThatThrownBy(() -> greet.invoke(instance, ""))
        .isInstanceOf(InvocationTargetException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nobody to greet");
    assertThat(Recorder.calls)
        .containsExactly(
            "enter " + instance + " ",
            "exit null java.lang.IllegalArgumentException: nobody to greet");
  }

  @Test
  void argumentsAreReadFromTheirSlotsAndAnExceptionCaughtInsideIsNoExit() throws Exception {
    Hook hook =
        Hook.on("test", TypeMatcher.named(SAMPLE), MethodMatcher.named("parse"))
            .enter(
                new Call(
                    RECORDER, "enter", "(" + OBJECT + OBJECT + ")V", Value.THIS, Value.argument(2)))
            .onThrow(new Call(RECORDER, "exitThrown", "(Ljava/lang/Throwable;)V", Value.THROWN))
            .build();
    Class<?> sample = woven(SAMPLE, hook);
    Object instance = sample.getConstructor().newInstance();
    Method parse = sample.getMethod("parse", long.class, long.class, String.class);

    assertThat(parse.invoke(instance, 1L, 2L, "39")).isEqualTo(42);
    assertThat(parse.invoke(instance, 1L, 2L, "x")).isEqualTo(-1);

    assertThat(Recorder.calls)
        .containsExactly(
            "enter " + instance + " 39", "exit null", "enter " + instance + " x", "exit null");
  }

  @Test
  void anEntryMayReplaceAnArgument() throws Exception {
    Hook hook =
        Hook.on("test", TypeMatcher.named(SAMPLE), MethodMatcher.named("runTwice"))
            .enterReplacing(
                0,
                new Call(
                    RECORDER,
                    "wrap",
                    "(Ljava/lang/Runnable;)Ljava/lang/Runnable;",
                    Value.argument(0)))
            .build();
    Class<?> sample = woven(SAMPLE, hook);
    List<String> ran = new ArrayList<>();

    sample.getMethod("runTwice", Runnable.class).invoke(null, (Runnable) () -> ran.add("task"));

    assertThat(ran).containsExactly("task", "task");
    assertThat(Recorder.calls).containsExactly("wrapped", "before task", "before task");
  }

  @Test
  void aConstructorGetsItsExitWithTheArgumentOfTheWantedType() throws Exception {
    Hook hook =
        Hook.on(
                "test",
                TypeMatcher.named(SAMPLE),
                MethodMatcher.named("<init>").withParameter("Ljava/lang/Runnable;"))
            .exit(
                new Call(
                    RECORDER,
                    "created",
                    "(" + OBJECT + OBJECT + ")V",
                    Value.THIS,
                    Value.firstArgumentOf("Ljava/lang/Runnable;")))
            .build();
    Class<?> sample = woven(SAMPLE, hook);
    Runnable target = () -> Recorder.calls.add("target ran");
    Constructor<?> withTarget = sample.getConstructor(String.class, Runnable.class);

    Object made = withTarget.newInstance("grace", target);
    sample.getConstructor().newInstance();

    assertThat(Recorder.calls).containsExactly("target ran", "created " + made + " " + target);
  }

  @Test
  void anExitWithNothingToPassIsWovenIntoAVoidMethod() throws Exception {
    Hook hook =
        Hook.on("test", TypeMatcher.named(SAMPLE), MethodMatcher.named("quietly"))
            .enter(new Call(RECORDER, "mark", "()V"))
            .onThrow(new Call(RECORDER, "mark", "()V"))
            .build();
    Class<?> sample = woven(SAMPLE, hook);

    sample.getMethod("quietly").invoke(sample.getConstructor().newInstance());

    assertThat(Recorder.calls).containsExactly("mark", "mark");
  }

  @Test
  void aSupertypeIsFoundInTheClassFilesOfTheSuperclasses() throws Exception {
    TypeMatcher marked =
        TypeMatcher.prefixAndSuffix("io/sentryj/agent/weave/Mark", "")
            .withSupertype("io/sentryj/agent/weave/WeaverTest$Marker");
    Hook hook =
        Hook.on("test", marked, MethodMatcher.named("mark"))
            .enter(new Call(RECORDER, "mark", "()V"))
            .build();
    Weaver weaver = new Weaver(Collections.singletonList(hook), listener());

    assertThat(weave(weaver, "io/sentryj/agent/weave/Marked")).isNotNull();
    assertThat(weave(weaver, "io/sentryj/agent/weave/MarkedBase")).isNotNull();
    Hook other =
        Hook.on("test", marked.withSupertype("java/lang/Runnable"), MethodMatcher.named("mark"))
            .enter(new Call(RECORDER, "mark", "()V"))
            .build();
    assertThat(
            weave(
                new Weaver(Collections.singletonList(other), listener()),
                "io/sentryj/agent/weave/Marked"))
        .isNull();
  }

  @Test
  void aClassNoHookNamesIsLeftUnreadAndAnInterfaceIsNeverWoven() throws Exception {
    Weaver weaver = new Weaver(Collections.singletonList(aroundGreet()), listener());

    assertThat(weaver.transform(null, "com/example/Other", null, null, new byte[] {1, 2, 3}))
        .as("not even parsed")
        .isNull();
    Hook onInterface =
        Hook.on(
                "test",
                TypeMatcher.named("io/sentryj/agent/weave/WeaverTest$Marker"),
                MethodMatcher.named("mark"))
            .enter(new Call(RECORDER, "mark", "()V"))
            .build();
    assertThat(
            weave(
                new Weaver(Collections.singletonList(onInterface), listener()),
                "io/sentryj/agent/weave/WeaverTest$Marker"))
        .isNull();
    assertThat(failures).isEmpty();
  }

  @Test
  void aClassThatCannotBeReadStaysAsItWasAndIsReportedOnce() {
    Weaver weaver = new Weaver(Collections.singletonList(aroundGreet()), listener());

    assertThat(weaver.transform(null, SAMPLE, null, null, new byte[] {1, 2, 3})).isNull();

    assertThat(failures).hasSize(1).allMatch(f -> f.startsWith(SAMPLE));
  }

  @Test
  void anExitCallThatWouldNeedALocalVariableIsRefused() {
    assertThatThrownBy(
            () ->
                Hook.on("test", TypeMatcher.named(SAMPLE), MethodMatcher.named("greet"))
                    .onThrow(
                        new Call(
                            RECORDER, "x", "(" + OBJECT + OBJECT + ")V", Value.THIS, Value.THROWN))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Hook aroundGreet() {
    return Hook.on("test", TypeMatcher.named(SAMPLE), MethodMatcher.named("greet"))
        .enter(
            new Call(
                RECORDER, "enter", "(" + OBJECT + OBJECT + ")V", Value.THIS, Value.argument(0)))
        .onThrow(
            new Call(
                RECORDER,
                "exit",
                "(" + OBJECT + "Ljava/lang/Throwable;)V",
                Value.RETURNED,
                Value.THROWN))
        .build();
  }

  private Weaver.Listener listener() {
    return new Weaver.Listener() {
      @Override
      public void woven(String internalName, int hooks) {}

      @Override
      public void failed(String internalName, Throwable cause) {
        failures.add(internalName + ": " + cause);
      }
    };
  }

  private byte[] weave(Weaver weaver, String internalName) throws IOException {
    return weaver.transform(
        getClass().getClassLoader(), internalName, null, null, classFile(internalName));
  }

  /** The class woven with the hook, defined in a loader of its own (the rest from this one). */
  private Class<?> woven(String internalName, Hook hook) throws Exception {
    byte[] bytes = weave(new Weaver(Collections.singletonList(hook), listener()), internalName);
    assertThat(bytes).as("woven").isNotNull();
    assertThat(failures).isEmpty();
    return new OneClassLoader(internalName.replace('/', '.'), bytes)
        .loadClass(internalName.replace('/', '.'));
  }

  private static byte[] classFile(String internalName) throws IOException {
    try (InputStream in =
        WeaverTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      assertThat(in).isNotNull();
      return in.readAllBytes();
    }
  }

  /** A supertype for the supertype check. */
  public interface Marker {
    String mark();
  }

  /** Defines one class from the given bytes, and delegates the rest to the test's loader. */
  private static final class OneClassLoader extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    OneClassLoader(String name, byte[] bytes) {
      super(WeaverTest.class.getClassLoader());
      this.name = name;
      this.bytes = bytes;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
      if (!className.equals(name)) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
      }
    }
  }

  /** The bridge the woven test code calls: records every call. */
  public static final class Recorder {
    static final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private Recorder() {}

    public static void enter(Object self, Object argument) {
      calls.add("enter " + self + " " + argument);
    }

    public static void exit(Object returned, Throwable thrown) {
      calls.add("exit " + returned + " " + thrown);
    }

    public static void exitThrown(Throwable thrown) {
      calls.add("exit " + thrown);
    }

    public static Runnable wrap(Runnable task) {
      calls.add("wrapped");
      return () -> {
        calls.add("before task");
        task.run();
      };
    }

    public static void created(Object self, Object target) {
      calls.add("created " + self + " " + target);
    }

    public static void mark() {
      calls.add("mark");
    }
  }
}
