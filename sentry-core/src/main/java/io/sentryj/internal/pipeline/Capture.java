package io.sentryj.internal.pipeline;

import io.sentryj.Attachment;
import io.sentryj.EventProcessor;
import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.internal.scope.Scopes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One event on its way through the pipeline, with what the stages gather for it. */
final class Capture {
  final Hint hint;
  final Scopes scopes;
  final List<EventProcessor> processors = new ArrayList<>();
  final List<Attachment> attachments = new ArrayList<>(0);
  // the event already sent for the failure this capture is, set when deduplication holds it back
  @Nullable SentryId duplicateOf;

  Capture(Hint hint, Scopes scopes) {
    this.hint = hint;
    this.scopes = scopes;
  }

  @Override
  public String toString() {
    return "Capture{" + scopes + '}';
  }
}
