/**
 * The README's demo: runs every sample in a JVM of its own into one outbox, then summarises what
 * was captured. Not a sample to copy; the tooling around them.
 */
@NullMarked
package io.sentryj.samples.demo;

import org.jspecify.annotations.NullMarked;
