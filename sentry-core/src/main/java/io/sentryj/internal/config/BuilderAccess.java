package io.sentryj.internal.config;

import io.sentryj.SentryOptions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lets the loader reach the parts of {@link SentryOptions.Builder} that are not API: setting an
 * option with its origin and asking whether a key is set. The builder installs the one instance
 * when its class is initialized (the pattern of OkHttp 3's {@code Internal}), so that these methods
 * stay off the public API.
 */
public abstract class BuilderAccess {
  private static final Object LOCK = new Object();
  private static volatile @Nullable BuilderAccess instance;

  /** For the builder's own use; only the first installation counts. */
  protected BuilderAccess() {}

  /** Installs the builder's access; later calls are ignored. */
  public static void install(BuilderAccess access) {
    synchronized (LOCK) {
      if (instance == null) {
        instance = access;
      }
    }
  }

  /**
   * The builder's access, for the SDK's own modules (an integration setting options it read from
   * its host's configuration, with that as their origin).
   */
  public static BuilderAccess get() {
    BuilderAccess access = instance;
    if (access == null) {
      SentryOptions.builder(); // initializes the builder class, which installs the access
      access = instance;
    }
    if (access == null) {
      throw new IllegalStateException("SentryOptions.Builder did not install its access");
    }
    return access;
  }

  /** Sets one option from text, recording its origin; unknown keys are ignored. */
  public abstract void option(SentryOptions.Builder builder, OptionText text);

  /** Where the key's value came from, or null while it is at its default. */
  public abstract @Nullable String originOf(SentryOptions.Builder builder, String key);

  /** The keys options can be set by, without the {@code tags.} family. */
  public abstract Set<String> keys();

  @Override
  public String toString() {
    return "BuilderAccess";
  }
}
