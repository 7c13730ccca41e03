package io.sentryj.agent.weave;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The agent's one transformer. For each class the JVM loads or retransforms it looks up the name:
 * exact names in a hash map, then the few hooks matched by prefix or part of a name. Only a class
 * whose name matches is read, its supertypes checked where a hook asks, and its matching methods
 * woven; every other class costs a lookup. A class that fails to weave stays as it was, reported
 * once to the {@link Listener}.
 */
public final class Weaver implements ClassFileTransformer {
  private static final int RETRANSFORM_BATCH = 50;

  private final Map<String, List<Hook>> byName = new HashMap<>();
  private final List<Hook> byPattern = new ArrayList<>();
  private final Listener listener;

  /** A weaver of these hooks, reporting to {@code listener}. */
  public Weaver(List<Hook> hooks, Listener listener) {
    this.listener = listener;
    for (Hook hook : hooks) {
      if (hook.type.names.isEmpty()) {
        byPattern.add(hook);
      }
      for (String name : hook.type.names) {
        List<Hook> named = byName.get(name);
        if (named == null) {
          named = new ArrayList<>(2);
          byName.put(name, named);
        }
        named.add(hook);
      }
    }
  }

  @Override
  public byte @Nullable [] transform(
      @Nullable ClassLoader loader,
      @Nullable String className,
      @Nullable Class<?> classBeingRedefined,
      @Nullable ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (className == null || classfileBuffer == null) {
      return null;
    }
    List<Hook> hooks = candidates(className);
    if (hooks.isEmpty()) {
      return null;
    }
    try {
      return weave(loader, className, classfileBuffer, hooks);
    } catch (Throwable t) {
      listener.failed(className, t);
      return null;
    }
  }

  /** The hooks whose type matcher accepts this internal name, before any supertype check. */
  List<Hook> candidates(String internalName) {
    List<Hook> named = byName.get(internalName);
    List<Hook> found = named != null ? named : Collections.<Hook>emptyList();
    boolean copied = false;
    for (Hook hook : byPattern) {
      if (hook.type.matchesName(internalName)) {
        if (!copied) {
          found = new ArrayList<>(found);
          copied = true;
        }
        found.add(hook);
      }
    }
    return found;
  }

  /** Whether a loaded class of this name may need weaving: for the retransformation at start. */
  public boolean mayWeave(String binaryName) {
    return !candidates(binaryName.replace('.', '/')).isEmpty();
  }

  private byte @Nullable [] weave(
      @Nullable ClassLoader loader, String className, byte[] bytes, List<Hook> candidates) {
    ClassReader reader = new ClassReader(bytes);
    if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
      return null;
    }
    List<Hook> hooks = new ArrayList<>(candidates.size());
    for (Hook hook : candidates) {
      String supertype = hook.type.supertype;
      if (supertype == null || Supertypes.has(loader, reader, supertype)) {
        hooks.add(hook);
      }
    }
    if (hooks.isEmpty()) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    ClassWeaver weaver = new ClassWeaver(writer, hooks);
    reader.accept(weaver, 0);
    if (weaver.woven() == 0) {
      return null;
    }
    listener.woven(className, weaver.woven());
    return writer.toByteArray();
  }

  /**
   * Weaves the classes loaded before this weaver was added (the JDK's {@code Thread}, its pools):
   * retransforms, in batches, each loaded class whose name a hook matches. A batch that fails is
   * retried class by class, and a class that cannot be changed is left as it is.
   */
  public void retransformLoaded(Instrumentation instrumentation) {
    List<Class<?>> matching = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (!type.isArray()
          && !type.isPrimitive()
          && mayWeave(type.getName())
          && instrumentation.isModifiableClass(type)) {
        matching.add(type);
      }
    }
    for (int from = 0; from < matching.size(); from += RETRANSFORM_BATCH) {
      List<Class<?>> batch =
          matching.subList(from, Math.min(matching.size(), from + RETRANSFORM_BATCH));
      try {
        instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
      } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
        for (Class<?> type : batch) {
          retransform(instrumentation, type);
        }
      }
    }
  }

  private void retransform(Instrumentation instrumentation, Class<?> type) {
    try {
      instrumentation.retransformClasses(type);
    } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
      listener.failed(type.getName().replace('.', '/'), e);
    }
  }

  @Override
  public String toString() {
    return "Weaver{" + byName.keySet() + ", " + byPattern + '}';
  }

  /** What the weaver reports. */
  public interface Listener {
    /** {@code hooks} hooks were woven into methods of the class. */
    void woven(String internalName, int hooks);

    /** The class could not be woven and stays as it was. */
    void failed(String internalName, Throwable cause);
  }
}
