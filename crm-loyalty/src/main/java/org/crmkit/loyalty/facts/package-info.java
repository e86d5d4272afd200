/** Loyalty facts for crm-segmentation's rule language: tier, status, balance and qualifying points. */
@NullMarked
package org.crmkit.loyalty.facts;

import org.jspecify.annotations.NullMarked;
