/**
 * Internal: The ordered event pipeline and the discard recorder. Not API; may change in any
 * release.
 */
@NullMarked
package io.sentryj.internal.pipeline;

import org.jspecify.annotations.NullMarked;
