/**
 * Service-level standards: measurable promises (C3, C5, C6, C1), the business calendars their clocks run on,
 * reading an item's clock from its event history, escalation, and reports of compliance, defects and the value of
 * an improvement.
 */
@NullMarked
package org.crmkit.core.servicelevel;

import org.jspecify.annotations.NullMarked;
