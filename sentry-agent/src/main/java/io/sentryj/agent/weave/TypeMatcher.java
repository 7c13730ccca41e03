package io.sentryj.agent.weave;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The classes a hook applies to, by internal name ({@code java/lang/Thread}): exact names, a prefix
 * with a suffix, or a part of the name; optionally only those with a given supertype (found from
 * class files, not by loading classes). Interfaces never match.
 */
public final class TypeMatcher {
  final List<String> names;
  final @Nullable String prefix;
  final @Nullable String suffix;
  final @Nullable String part;
  final List<String> excludedPrefixes;
  final @Nullable String supertype;

  private TypeMatcher(
      List<String> names,
      @Nullable String prefix,
      @Nullable String suffix,
      @Nullable String part,
      List<String> excludedPrefixes,
      @Nullable String supertype) {
    this.names = names;
    this.prefix = prefix;
    this.suffix = suffix;
    this.part = part;
    this.excludedPrefixes = excludedPrefixes;
    this.supertype = supertype;
  }

  /** Classes with one of these internal names. */
  public static TypeMatcher named(String... internalNames) {
    return new TypeMatcher(
        Collections.unmodifiableList(Arrays.asList(internalNames.clone())),
        null,
        null,
        null,
        Collections.<String>emptyList(),
        null);
  }

  /** Classes whose internal name starts with {@code prefix} and ends with {@code suffix}. */
  public static TypeMatcher prefixAndSuffix(String prefix, String suffix) {
    return new TypeMatcher(
        Collections.<String>emptyList(),
        prefix,
        suffix,
        null,
        Collections.<String>emptyList(),
        null);
  }

  /** Classes whose internal name contains {@code part}, except under the excluded prefixes. */
  public static TypeMatcher containing(String part, String... excludedPrefixes) {
    return new TypeMatcher(
        Collections.<String>emptyList(),
        null,
        null,
        part,
        Collections.unmodifiableList(Arrays.asList(excludedPrefixes.clone())),
        null);
  }

  /** The same classes, less those that do not have {@code internalName} among their supertypes. */
  public TypeMatcher withSupertype(String internalName) {
    return new TypeMatcher(names, prefix, suffix, part, excludedPrefixes, internalName);
  }

  /** Whether the name alone may match; {@link #supertype} is checked after. */
  boolean matchesName(String internalName) {
    if (names.contains(internalName)) {
      return true;
    }
    if (prefix != null) {
      return internalName.startsWith(prefix) && (suffix == null || internalName.endsWith(suffix));
    }
    if (part == null || !internalName.contains(part)) {
      return false;
    }
    for (String excluded : excludedPrefixes) {
      if (internalName.startsWith(excluded)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("TypeMatcher{");
    if (!names.isEmpty()) {
      text.append(names);
    }
    if (prefix != null) {
      text.append(prefix).append('*').append(suffix != null ? suffix : "");
    }
    if (part != null) {
      text.append('*').append(part).append('*');
    }
    if (supertype != null) {
      text.append(" <: ").append(supertype);
    }
    return text.append('}').toString();
  }
}
