/**
 * Domain events, published to registered listeners after a write has succeeded, through a transactional
 * {@link org.crmkit.core.event.Outbox}: stored with the write, delivered at least once, each with an
 * {@link org.crmkit.core.event.EventId} that stays the same on every delivery.
 */
@NullMarked
package org.crmkit.core.event;

import org.jspecify.annotations.NullMarked;
