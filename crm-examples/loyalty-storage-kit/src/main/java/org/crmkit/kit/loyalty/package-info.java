/**
 * The storage contract kit for crm-loyalty's SPI: abstract JUnit 5 tests that a member repository or ledger store
 * adapter's test extends to prove it keeps every promise written in {@code org.crmkit.loyalty.spi}.
 */
@NullMarked
package org.crmkit.kit.loyalty;

import org.jspecify.annotations.NullMarked;
