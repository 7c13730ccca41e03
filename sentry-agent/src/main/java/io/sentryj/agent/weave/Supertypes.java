package io.sentryj.agent.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;

/**
 * Whether a class has a supertype, found by reading the class files of its superclasses and
 * interfaces from its loader's resources, never by loading a class (which a transformer must not
 * do). Looks at most {@link #LIMIT} types; an unreadable one counts as not having it.
 */
final class Supertypes {
  static final int LIMIT = 64;

  private Supertypes() {}

  static boolean has(@Nullable ClassLoader loader, ClassReader type, String wanted) {
    ArrayDeque<String> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    add(pending, seen, type);
    while (!pending.isEmpty() && seen.size() <= LIMIT) {
      String name = pending.poll();
      if (name.equals(wanted)) {
        return true;
      }
      if (name.equals("java/lang/Object")) {
        continue;
      }
      byte[] bytes = read(loader, name);
      if (bytes != null) {
        add(pending, seen, new ClassReader(bytes));
      }
    }
    return false;
  }

  private static void add(ArrayDeque<String> pending, Set<String> seen, ClassReader type) {
    String superName = type.getSuperName();
    if (superName != null && seen.add(superName)) {
      pending.add(superName);
    }
    for (String each : type.getInterfaces()) {
      if (seen.add(each)) {
        pending.add(each);
      }
    }
  }

  private static byte @Nullable [] read(@Nullable ClassLoader loader, String name) {
    String resource = name + ".class";
    try (InputStream in =
        loader != null
            ? loader.getResourceAsStream(resource)
            : ClassLoader.getSystemResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
