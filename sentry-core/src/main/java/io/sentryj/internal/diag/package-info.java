/**
 * Internal: The SDK's own diagnostics, never captured as events. Not API; may change in any
 * release.
 */
@NullMarked
package io.sentryj.internal.diag;

import org.jspecify.annotations.NullMarked;
