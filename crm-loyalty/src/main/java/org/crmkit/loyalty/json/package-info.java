/** JSON for crm-loyalty: {@link org.crmkit.loyalty.json.LoyaltyJacksonModule}. */
@NullMarked
package org.crmkit.loyalty.json;

import org.jspecify.annotations.NullMarked;
