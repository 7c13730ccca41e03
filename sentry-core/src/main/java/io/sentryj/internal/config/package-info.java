/** Internal: Option sources, DSN parsing and merging. Not API; may change in any release. */
@NullMarked
package io.sentryj.internal.config;

import org.jspecify.annotations.NullMarked;
