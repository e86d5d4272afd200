/**
 * Service-level standards: measurable promises (C3, C5, C6, C1), the business calendars their clocks run on,
 * reading an item's clock from its event history, escalation, and reports of compliance, defects and the value of
 * an improvement. {@link org.crmkit.core.servicelevel.ServiceLevels} runs them: ordered policies over the items a
 * facade records, each item's history kept in a {@link org.crmkit.core.spi.ClockStore}, each threshold published
 * once across restarts and nodes.
 */
@NullMarked
package org.crmkit.core.servicelevel;

import org.jspecify.annotations.NullMarked;
