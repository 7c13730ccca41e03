package io.sentryj.internal.envelope;

/**
 * How much of an event the {@link EventWriter} writes. The serializer tries these in order, each
 * giving up more than the one before, until the event fits its size limit (protocol section 2: an
 * event item is at most 1 MiB). Immutable.
 */
final class Limits {
  static final int UNLIMITED = Integer.MAX_VALUE;

  /** What is always written: nothing cut but the protocol's own limits and runaway nesting. */
  static final Limits FULL =
      new Limits(
          "full", UNLIMITED, true, 16, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, true,
          false, false);

  /** The stages tried after {@link #FULL}, in order; each keeps the cuts of the one before. */
  static final Limits[] REDUCED = reduced();

  final String name;
  final int maxBreadcrumbs;
  final boolean extra;

  /** Nesting, entries per container and characters per string inside free-form values. */
  final int bagDepth;

  final int bagItems;
  final int bagString;

  /** Characters per string elsewhere (messages, exception values, request bodies, ...). */
  final int maxString;

  final int maxFrames;
  final int maxExceptions;

  /** False drops threads, request, modules, named contexts, user data and SDK package lists. */
  final boolean secondary;

  /** Only ids, time, level, release, environment, trace and the main exception's headline. */
  final boolean skeleton;

  /** Only what an event cannot be without, with short strings: the last resort. */
  final boolean minimal;

  @SuppressWarnings("TooManyParameters") // private; the stages below name what they change
  private Limits(
      String name,
      int maxBreadcrumbs,
      boolean extra,
      int bagDepth,
      int bagItems,
      int bagString,
      int maxString,
      int maxFrames,
      int maxExceptions,
      boolean secondary,
      boolean skeleton,
      boolean minimal) {
    this.name = name;
    this.maxBreadcrumbs = maxBreadcrumbs;
    this.extra = extra;
    this.bagDepth = bagDepth;
    this.bagItems = bagItems;
    this.bagString = bagString;
    this.maxString = maxString;
    this.maxFrames = maxFrames;
    this.maxExceptions = maxExceptions;
    this.secondary = secondary;
    this.skeleton = skeleton;
    this.minimal = minimal;
  }

  private static Limits[] reduced() {
    Limits fewerCrumbs = FULL.named("newest 10 breadcrumbs").breadcrumbs(10);
    Limits noExtra = fewerCrumbs.named("no extra, small data bags").noExtra().bags(4, 50, 1024);
    Limits shortStrings = noExtra.named("strings cut to 4 KiB").strings(4096);
    Limits shortStacks = shortStrings.named("stacks cut to 100 frames").stacks(100, 20);
    Limits essentials =
        shortStacks
            .named("only the exception, trace and tags")
            .breadcrumbs(0)
            .bags(3, 20, 256)
            .strings(1024)
            .stacks(20, 5)
            .essentialsOnly();
    Limits skeleton =
        essentials.named("skeleton").stacks(0, 1).strings(200).bags(1, 10, 200).skeleton(false);
    Limits minimal = skeleton.named("minimal").strings(32).skeleton(true);
    return new Limits[] {
      fewerCrumbs, noExtra, shortStrings, shortStacks, essentials, skeleton, minimal
    };
  }

  private Limits named(String newName) {
    return new Limits(
        newName,
        maxBreadcrumbs,
        extra,
        bagDepth,
        bagItems,
        bagString,
        maxString,
        maxFrames,
        maxExceptions,
        secondary,
        skeleton,
        minimal);
  }

  private Limits breadcrumbs(int max) {
    return new Limits(
        name,
        max,
        extra,
        bagDepth,
        bagItems,
        bagString,
        maxString,
        maxFrames,
        maxExceptions,
        secondary,
        skeleton,
        minimal);
  }

  private Limits noExtra() {
    return new Limits(
        name,
        maxBreadcrumbs,
        false,
        bagDepth,
        bagItems,
        bagString,
        maxString,
        maxFrames,
        maxExceptions,
        secondary,
        skeleton,
        minimal);
  }

  private Limits bags(int depth, int items, int string) {
    return new Limits(
        name,
        maxBreadcrumbs,
        extra,
        depth,
        items,
        string,
        maxString,
        maxFrames,
        maxExceptions,
        secondary,
        skeleton,
        minimal);
  }

  private Limits strings(int max) {
    return new Limits(
        name,
        maxBreadcrumbs,
        extra,
        bagDepth,
        bagItems,
        bagString,
        max,
        maxFrames,
        maxExceptions,
        secondary,
        skeleton,
        minimal);
  }

  private Limits stacks(int frames, int exceptions) {
    return new Limits(
        name,
        maxBreadcrumbs,
        extra,
        bagDepth,
        bagItems,
        bagString,
        maxString,
        frames,
        exceptions,
        secondary,
        skeleton,
        minimal);
  }

  private Limits essentialsOnly() {
    return new Limits(
        name,
        maxBreadcrumbs,
        extra,
        bagDepth,
        bagItems,
        bagString,
        maxString,
        maxFrames,
        maxExceptions,
        false,
        skeleton,
        minimal);
  }

  private Limits skeleton(boolean minimalToo) {
    return new Limits(
        name,
        maxBreadcrumbs,
        extra,
        bagDepth,
        bagItems,
        bagString,
        maxString,
        maxFrames,
        maxExceptions,
        secondary,
        true,
        minimalToo);
  }

  @Override
  public String toString() {
    return name;
  }
}
