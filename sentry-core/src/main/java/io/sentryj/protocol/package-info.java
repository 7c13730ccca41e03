/**
 * The event model that {@code beforeSend} and event processors see and may change (protocol section
 * 3). Field names follow the protocol; serialization is hand-written in the SDK, never reflective.
 */
@NullMarked
package io.sentryj.protocol;

import org.jspecify.annotations.NullMarked;
