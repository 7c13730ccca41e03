package io.sentryj.agent.instrumentation.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Calls public methods of the application's library objects (OkHttp's, Apache HttpClient's), whose
 * types the agent must not link against. Lookups are cached per class and name; a method is taken
 * from a public class or interface, so that calling it needs no access checks.
 */
public final class Reflect {
  private static final ClassValue<Map<String, Object>> METHODS =
      new ClassValue<Map<String, Object>>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };
  private static final Object MISSING = new Object();

  private Reflect() {}

  /** The public method of this name and number of parameters, or null. */
  public static @Nullable Method find(Class<?> type, String name, int parameters) {
    Map<String, Object> cache = METHODS.get(type);
    String key = name + '/' + parameters;
    Object found = cache.get(key);
    if (found == null) {
      Method method = lookUp(type, name, parameters);
      found = method != null ? method : MISSING;
      cache.put(key, found);
    }
    return found instanceof Method ? (Method) found : null;
  }

  /** Whether the object has such a public method. */
  public static boolean has(Object target, String name, int parameters) {
    return find(target.getClass(), name, parameters) != null;
  }

  /**
   * Calls a public method; what it throws comes out as it is (a checked exception unchecked).
   *
   * @throws NoSuchMethodException (unchecked) when there is no such method
   */
  public static @Nullable Object call(Object target, String name, @Nullable Object... args) {
    Method method = find(target.getClass(), name, args.length);
    if (method == null) {
      throw new IllegalArgumentException(
          "no public " + name + " with " + args.length + " parameters on " + target.getClass());
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw Reflect.<RuntimeException>sneaky(cause != null ? cause : e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like {@link #call}, but null when it throws or there is no such method. */
  public static @Nullable Object callQuietly(
      @Nullable Object target, String name, @Nullable Object... args) {
    if (target == null) {
      return null;
    }
    try {
      return call(target, name, args);
    } catch (Throwable t) {
      return null;
    }
  }

  /** Rethrows any throwable without declaring it. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  private static @Nullable Method lookUp(Class<?> type, String name, int parameters) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Method m = declaredPublic(c, name, parameters);
      if (m != null) {
        return m;
      }
      Method fromInterface = inInterfaces(c, name, parameters);
      if (fromInterface != null) {
        return fromInterface;
      }
    }
    return null;
  }

  private static @Nullable Method inInterfaces(Class<?> type, String name, int parameters) {
    for (Class<?> i : type.getInterfaces()) {
      Method m = declaredPublic(i, name, parameters);
      if (m == null) {
        m = inInterfaces(i, name, parameters);
      }
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private static @Nullable Method declaredPublic(Class<?> type, String name, int parameters) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return null;
    }
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)
          && m.getParameterCount() == parameters
          && Modifier.isPublic(m.getModifiers())
          && !m.isBridge()) {
        return m;
      }
    }
    return null;
  }
}
