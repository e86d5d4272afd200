/**
 * The loyalty storage SPI: {@link org.crmkit.loyalty.spi.MemberRepository} and
 * {@link org.crmkit.loyalty.spi.LedgerStore}. The loyalty storage contract kit ({@code crm-loyalty-storage-kit})
 * checks every promise; {@code org.crmkit.loyalty.memory} holds the in-memory implementations.
 */
@NullMarked
package org.crmkit.loyalty.spi;

import org.jspecify.annotations.NullMarked;
