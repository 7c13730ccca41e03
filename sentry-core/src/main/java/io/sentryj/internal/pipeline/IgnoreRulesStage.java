package io.sentryj.internal.pipeline;

import io.sentryj.DiscardReason;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.event.ExceptionFactory;
import io.sentryj.internal.event.ExceptionSource;
import io.sentryj.internal.event.ThrowableSnapshot;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.HashSet;
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
    ThrowableSnapshot snapshot = snapshot(event);
    if (snapshot != null && !ignoredTypes.isEmpty() && chainHasIgnoredType(snapshot)) {
      return null;
    }
    if (!ignoredTexts.isEmpty() && messageIsIgnored(event, snapshot)) {
      return null;
    }
    return event;
  }

  /**
   * What capture read of the throwable; read here for a throwable another part attached, so that
   * the rules never call the application's {@code getMessage()} a second time.
   */
  private static @Nullable ThrowableSnapshot snapshot(SentryEvent event) {
    ExceptionSource source = ExceptionSource.of(event);
    if (source != null) {
      return source.snapshot();
    }
    Throwable t = event.getThrowable();
    return t == null ? null : ExceptionFactory.snapshot(t);
  }

  /** Whether the captured exception or one of its causes is of an ignored class or a subclass. */
  private boolean chainHasIgnoredType(ThrowableSnapshot snapshot) {
    for (Throwable t : snapshot.causeChain()) {
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        if (ignoredTypes.contains(c.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean messageIsIgnored(SentryEvent event, @Nullable ThrowableSnapshot snapshot) {
    Message message = event.getMessage();
    if (message != null && (matches(message.getFormatted()) || matches(message.getMessage()))) {
      return true;
    }
    if (snapshot == null) {
      return false;
    }
    String text = snapshot.message(0);
    return matches(text) || matches(snapshot.type(0).getName() + ": " + text);
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

  @Override
  public DiscardReason discardReason() {
    return DiscardReason.IGNORED;
  }

  @Override
  public String toString() {
    return "IgnoreRulesStage{types=" + ignoredTypes + ", errors=" + ignoredTexts + '}';
  }
}
