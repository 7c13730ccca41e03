/**
 * Internal: what counts as sensitive and how it is removed, shared by every integration that sends
 * data the application did not choose to send. Not API; may change in any release.
 */
@NullMarked
package io.sentryj.internal.scrub;

import org.jspecify.annotations.NullMarked;
