package io.sentryj;

import org.jspecify.annotations.Nullable;

/** Changes or drops each breadcrumb before it is added to a scope. Returning null drops it. */
@FunctionalInterface
public interface BeforeBreadcrumbCallback {
  /** Returns the breadcrumb to keep (this one or a changed copy), or null to drop it. */
  @Nullable Breadcrumb execute(Breadcrumb breadcrumb, Hint hint);
}
