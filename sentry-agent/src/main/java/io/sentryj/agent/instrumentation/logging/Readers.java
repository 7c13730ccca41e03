package io.sentryj.agent.instrumentation.logging;

import io.sentryj.agent.instrumentation.LinkedCode;
import io.sentryj.internal.diag.Diagnostics;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The reader of one library for each class loader that holds it: found by the class of the
 * library's record (or logger), linked once per loader of the library and kept with that class.
 */
final class Readers extends ClassValue<RecordReader> {
  /**
   * For a library whose records the agent cannot read (too old, incomplete): reads nothing. A
   * class, not a lambda: this is made in {@code premain}, where a JVM's first lambda costs tens of
   * milliseconds of {@code java.lang.invoke} set-up.
   */
  static final RecordReader NONE = new ReadsNothing();

  private final String[] libraryPrefixes;
  private final String linkedPackage;
  private final String className;
  // one linked reader per loader of the library, whatever record class asks for it
  private final Map<ClassLoader, RecordReader> byLoader = new WeakHashMap<>();

  private Readers(String[] libraryPrefixes, String linkedPackage, String className) {
    this.libraryPrefixes = libraryPrefixes;
    this.linkedPackage = linkedPackage;
    this.className = className;
  }

  /** Logback's: {@code typed.logback.LogbackReader} linked against {@code ch.qos.logback}. */
  static Readers logback() {
    return of(new String[] {"ch.qos.logback."}, "logback", "LogbackReader");
  }

  /** Log4j 2's, linked against {@code org.apache.logging.log4j} (its API and core). */
  static Readers log4j() {
    return of(new String[] {"org.apache.logging.log4j."}, "log4j", "Log4jReader");
  }

  /** JBoss LogManager's, linked against {@code org.jboss.logmanager}. */
  static Readers jboss() {
    return of(new String[] {"org.jboss.logmanager."}, "jboss", "JBossReader");
  }

  private static Readers of(String[] prefixes, String library, String simpleName) {
    String pkg = Readers.class.getPackage().getName() + ".typed." + library;
    return new Readers(prefixes, pkg, pkg + '.' + simpleName);
  }

  @Override
  protected RecordReader computeValue(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return NONE;
    }
    synchronized (byLoader) {
      RecordReader reader = byLoader.get(loader);
      if (reader == null) {
        reader = link(loader);
        byLoader.put(loader, reader);
      }
      return reader;
    }
  }

  private RecordReader link(@Nullable ClassLoader loader) {
    try {
      return (RecordReader)
          LinkedCode.instantiate(loader, libraryPrefixes, linkedPackage, className);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Diagnostics.debug("log records of %s left alone: %s", loader, e);
      return NONE;
    }
  }

  @Override
  public String toString() {
    return "Readers{" + className + '}';
  }

  private static final class ReadsNothing implements RecordReader {
    @Override
    public void read(@Nullable Object source, Object record, LogSink sink) {}

    @Override
    public String toString() {
      return "ReadsNothing";
    }
  }
}
