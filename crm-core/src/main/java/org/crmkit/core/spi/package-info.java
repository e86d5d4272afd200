/**
 * The storage SPI: one small repository interface per aggregate, which a host implements over its own store.
 *
 * <p>Every promise an implementation must keep is written in these interfaces' Javadoc and checked by the
 * storage contract kit ({@code org.crmkit:crm-storage-kit}, package {@code org.crmkit.kit}). crmkit ships an in-memory
 * implementation ({@code org.crmkit.core.memory}) and a caching decorator ({@code org.crmkit.core.cache}).
 */
@NullMarked
package org.crmkit.core.spi;

import org.jspecify.annotations.NullMarked;
