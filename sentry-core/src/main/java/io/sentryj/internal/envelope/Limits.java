package io.sentryj.internal.envelope;

/**
 * How much of an event the {@link EventWriter} writes. The serializer tries these in order, each
 * giving up more than the one before, until the event fits its size limit (protocol section 2: an
 * event item is at most 1 MiB). Immutable.
 */
final class Limits {
  static final int UNLIMITED = Integer.MAX_VALUE;

  /** What is always written: nothing cut but the protocol's own limits and runaway nesting. */
  static final Limits FULL = new Stage("full").build();

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

  private Limits(Stage s) {
    this.name = s.name;
    this.maxBreadcrumbs = s.maxBreadcrumbs;
    this.extra = s.extra;
    this.bagDepth = s.bagDepth;
    this.bagItems = s.bagItems;
    this.bagString = s.bagString;
    this.maxString = s.maxString;
    this.maxFrames = s.maxFrames;
    this.maxExceptions = s.maxExceptions;
    this.secondary = s.secondary;
    this.skeleton = s.skeleton;
    this.minimal = s.minimal;
  }

  private static Limits[] reduced() {
    Limits fewerCrumbs = FULL.then("newest 10 breadcrumbs").breadcrumbs(10).build();
    Limits noExtra =
        fewerCrumbs.then("no extra, small data bags").noExtra().bags(4, 50, 1024).build();
    Limits shortStrings = noExtra.then("strings cut to 4 KiB").strings(4096).build();
    Limits shortStacks = shortStrings.then("stacks cut to 100 frames").stacks(100, 20).build();
    Limits essentials =
        shortStacks
            .then("only the exception, trace and tags")
            .breadcrumbs(0)
            .bags(3, 20, 256)
            .strings(1024)
            .stacks(20, 5)
            .essentialsOnly()
            .build();
    Limits skeleton =
        essentials
            .then("skeleton")
            .stacks(0, 1)
            .strings(200)
            .bags(1, 10, 200)
            .skeleton(false)
            .build();
    Limits minimal = skeleton.then("minimal").strings(32).skeleton(true).build();
    return new Limits[] {
      fewerCrumbs, noExtra, shortStrings, shortStacks, essentials, skeleton, minimal
    };
  }

  /** The next stage: these limits under a new name, to cut further. */
  private Stage then(String newName) {
    Stage s = new Stage(newName);
    s.maxBreadcrumbs = maxBreadcrumbs;
    s.extra = extra;
    s.bagDepth = bagDepth;
    s.bagItems = bagItems;
    s.bagString = bagString;
    s.maxString = maxString;
    s.maxFrames = maxFrames;
    s.maxExceptions = maxExceptions;
    s.secondary = secondary;
    s.skeleton = skeleton;
    s.minimal = minimal;
    return s;
  }

  @Override
  public String toString() {
    return name;
  }

  /** A stage being made: starts as {@link #FULL}'s values, each method cuts one thing more. */
  private static final class Stage {
    final String name;
    int maxBreadcrumbs = UNLIMITED;
    boolean extra = true;
    int bagDepth = 16;
    int bagItems = UNLIMITED;
    int bagString = UNLIMITED;
    int maxString = UNLIMITED;
    int maxFrames = UNLIMITED;
    int maxExceptions = UNLIMITED;
    boolean secondary = true;
    boolean skeleton;
    boolean minimal;

    Stage(String name) {
      this.name = name;
    }

    Stage breadcrumbs(int max) {
      maxBreadcrumbs = max;
      return this;
    }

    Stage noExtra() {
      extra = false;
      return this;
    }

    Stage bags(int depth, int items, int string) {
      bagDepth = depth;
      bagItems = items;
      bagString = string;
      return this;
    }

    Stage strings(int max) {
      maxString = max;
      return this;
    }

    Stage stacks(int frames, int exceptions) {
      maxFrames = frames;
      maxExceptions = exceptions;
      return this;
    }

    Stage essentialsOnly() {
      secondary = false;
      return this;
    }

    Stage skeleton(boolean minimalToo) {
      skeleton = true;
      minimal = minimalToo;
      return this;
    }

    Limits build() {
      return new Limits(this);
    }
  }
}
