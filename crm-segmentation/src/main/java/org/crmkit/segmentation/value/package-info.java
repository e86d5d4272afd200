/**
 * Customer-value models fitted in pure Java (C8, C12): repeat-purchase summaries from transactions, the BG/NBD and
 * Pareto/NBD models of who is still alive and how much they will buy, the Gamma-Gamma model of spend, and customer
 * lifetime value. Special functions and optimisation come from Hipparchus.
 */
@NullMarked
package org.crmkit.segmentation.value;

import org.jspecify.annotations.NullMarked;
