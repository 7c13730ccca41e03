package io.sentryj.agent.weave;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The methods of a matched class a hook weaves into: by name ({@code <init>} for constructors), and
 * optionally by descriptor, argument count, the types of some arguments, a parameter of a type
 * anywhere, and public access. Only methods with code (not abstract, not native) are woven.
 */
public final class MethodMatcher {
  private final String[] names;
  private final @Nullable String descriptor;
  private final int argumentCount;
  private final String[] @Nullable [] argumentTypes;
  private final @Nullable String anyParameter;
  private final boolean publicOnly;

  private MethodMatcher(
      String[] names,
      @Nullable String descriptor,
      int argumentCount,
      String[] @Nullable [] argumentTypes,
      @Nullable String anyParameter,
      boolean publicOnly) {
    this.names = names;
    this.descriptor = descriptor;
    this.argumentCount = argumentCount;
    this.argumentTypes = argumentTypes;
    this.anyParameter = anyParameter;
    this.publicOnly = publicOnly;
  }

  /** Methods with one of these names. */
  public static MethodMatcher named(String... names) {
    return new MethodMatcher(names.clone(), null, -1, new String[0][], null, false);
  }

  /** Only the method with this descriptor, {@code (Ljava/lang/Runnable;)V}. */
  public MethodMatcher descriptor(String methodDescriptor) {
    return new MethodMatcher(
        names, methodDescriptor, argumentCount, argumentTypes, anyParameter, publicOnly);
  }

  /** Only methods with this many arguments. */
  public MethodMatcher arguments(int count) {
    return new MethodMatcher(names, descriptor, count, argumentTypes, anyParameter, publicOnly);
  }

  /** Only methods whose argument at {@code index} is declared with one of these descriptors. */
  public MethodMatcher argument(int index, String... typeDescriptors) {
    String[][] types = Arrays.copyOf(argumentTypes, Math.max(argumentTypes.length, index + 1));
    types[index] = typeDescriptors.clone();
    return new MethodMatcher(names, descriptor, argumentCount, types, anyParameter, publicOnly);
  }

  /** Only methods that have a parameter declared with this descriptor. */
  public MethodMatcher withParameter(String typeDescriptor) {
    return new MethodMatcher(
        names, descriptor, argumentCount, argumentTypes, typeDescriptor, publicOnly);
  }

  /** Only public methods. */
  public MethodMatcher publicOnly() {
    return new MethodMatcher(names, descriptor, argumentCount, argumentTypes, anyParameter, true);
  }

  boolean matches(int access, String name, String methodDescriptor) {
    if (!Arrays.asList(names).contains(name)
        || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
        || (publicOnly && (access & Opcodes.ACC_PUBLIC) == 0)
        || (descriptor != null && !descriptor.equals(methodDescriptor))) {
      return false;
    }
    Type[] arguments = Type.getArgumentTypes(methodDescriptor);
    if (argumentCount >= 0 && arguments.length != argumentCount) {
      return false;
    }
    for (int i = 0; i < argumentTypes.length; i++) {
      String[] wanted = argumentTypes[i];
      if (wanted != null
          && (i >= arguments.length
              || !Arrays.asList(wanted).contains(arguments[i].getDescriptor()))) {
        return false;
      }
    }
    return anyParameter == null || indexOf(arguments, anyParameter) >= 0;
  }

  static int indexOf(Type[] arguments, String typeDescriptor) {
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].getDescriptor().equals(typeDescriptor)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "MethodMatcher{" + Arrays.toString(names) + (descriptor != null ? descriptor : "") + '}';
  }
}
