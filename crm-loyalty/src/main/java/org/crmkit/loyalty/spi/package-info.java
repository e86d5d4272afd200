/**
 * The loyalty storage SPI: {@link org.crmkit.loyalty.spi.MemberRepository} and
 * {@link org.crmkit.loyalty.spi.LedgerStore}. The storage contract kit in {@code crm-examples} checks every promise;
 * {@code org.crmkit.loyalty.memory} holds the in-memory implementations.
 */
@NullMarked
package org.crmkit.loyalty.spi;

import org.jspecify.annotations.NullMarked;
