/**
 * Internal: The envelope writer and parser, and the hand-written streaming JSON serialization of
 * events. Not API; may change in any release.
 */
@NullMarked
package io.sentryj.internal.envelope;

import org.jspecify.annotations.NullMarked;
