/**
 * Caching decorators for any repository, built on Caffeine: bounded, invalidated by writes made through them,
 * with hit and miss statistics.
 *
 * <p>A decorator sees only the writes made through it. When other processes write to the same store, bound the
 * staleness with an expiry in the {@code Caffeine} spec, for example {@code expireAfterWrite(Duration.ofSeconds(5))}.
 */
@NullMarked
package org.crmkit.core.cache;

import org.jspecify.annotations.NullMarked;
