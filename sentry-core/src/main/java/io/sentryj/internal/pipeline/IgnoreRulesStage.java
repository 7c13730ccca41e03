package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Drops events the options ignore: {@code ignoredExceptionsForType} matches a class or any subclass
 * of it, anywhere in the cause chain (not only the thrown exception's exact class); {@code
 * ignoredErrors} matches the message or the exception's {@code Class: message} text, exactly or as
 * a regular expression compiled once here.
 */
final class IgnoreRulesStage implements Stage {
  private static final int MAX_CHAIN = 64;

  private final Set<String> ignoredTypes;
  private final Set<String> ignoredTexts;
  private final List<Pattern> ignoredPatterns;

  IgnoreRulesStage(List<String> ignoredExceptionsForType, List<String> ignoredErrors) {
    this.ignoredTypes = new HashSet<>(ignoredExceptionsForType);
    this.ignoredTexts = new HashSet<>(ignoredErrors);
    List<Pattern> patterns = new ArrayList<>();
    for (String text : ignoredErrors) {
      try {
        patterns.add(Pattern.compile(text));
      } catch (PatternSyntaxException e) {
        Diagnostics.debug(
            "ignored-errors entry %s is not a regular expression; exact match only", text);
      }
    }
    this.ignoredPatterns = patterns;
  }

  /** Whether there is any rule at all; without one the stage is left out of the pipeline. */
  boolean hasRules() {
    return !ignoredTypes.isEmpty() || !ignoredTexts.isEmpty();
  }

  @Override
  public @Nullable SentryEvent apply(SentryEvent event, Capture capture) {
    Throwable throwable = event.getThrowable();
    if (throwable != null && !ignoredTypes.isEmpty() && chainHasIgnoredType(throwable)) {
      return null;
    }
    if (!ignoredTexts.isEmpty() && messageIsIgnored(event, throwable)) {
      return null;
    }
    return event;
  }

  private boolean chainHasIgnoredType(Throwable throwable) {
    Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
    Throwable t = throwable;
    while (t != null && visited.size() < MAX_CHAIN && visited.add(t)) {
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (ignoredTypes.contains(c.getName())) {
          return true;
        }
      }
      t = t.getCause();
    }
    return false;
  }

  private boolean messageIsIgnored(SentryEvent event, @Nullable Throwable throwable) {
    Message message = event.getMessage();
    if (message != null && (matches(message.getFormatted()) || matches(message.getMessage()))) {
      return true;
    }
    if (throwable == null) {
      return false;
    }
    String text = safeMessage(throwable);
    return matches(text) || matches(throwable.getClass().getName() + ": " + text);
  }

  private boolean matches(@Nullable String text) {
    if (text == null) {
      return false;
    }
    if (ignoredTexts.contains(text)) {
      return true;
    }
    for (Pattern pattern : ignoredPatterns) {
      if (pattern.matcher(text).matches()) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String safeMessage(Throwable throwable) {
    try {
      return throwable.getMessage();
    } catch (Throwable e) {
      return null;
    }
  }

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.IGNORED;
  }

  @Override
  public String toString() {
    return "IgnoreRulesStage{types=" + ignoredTypes + ", errors=" + ignoredTexts + '}';
  }
}
