/**
 * Internal: the composition root that assembles a running SDK from its options. Not API; may change
 * in any release.
 */
@NullMarked
package io.sentryj.internal;

import org.jspecify.annotations.NullMarked;
