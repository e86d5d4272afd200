/**
 * The storage SPI: one small repository interface per aggregate, which a host implements over its own store.
 *
 * <p>Besides the repositories: {@link org.crmkit.core.spi.ClockStore} keeps measured items' clocks,
 * {@link org.crmkit.core.spi.OutboxStore} the events waiting for delivery, and {@link org.crmkit.core.spi.Transactions}
 * the transaction every store's write joins, so that a write and its events are stored together.
 *
 * <p>Every promise an implementation must keep is written in these interfaces' Javadoc and checked by the
 * storage contract kit ({@code org.crmkit:crm-storage-kit}, package {@code org.crmkit.kit}). crmkit ships an in-memory
 * implementation ({@code org.crmkit.core.memory}) and a caching decorator ({@code org.crmkit.core.cache}).
 */
@NullMarked
package org.crmkit.core.spi;

import org.jspecify.annotations.NullMarked;
