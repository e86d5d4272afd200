/**
 * Customer-value models fitted in pure Java (C8, C12): repeat-purchase summaries from transactions or purchase
 * touchpoints, the BG/NBD and Pareto/NBD models of who is still alive and how much they will buy, the Gamma-Gamma
 * model of spend, customer lifetime value and its deciles ({@link org.crmkit.segmentation.value.ValueScorer}), and
 * the calibration/holdout check. Special functions and optimisation come from Hipparchus.
 */
@NullMarked
package org.crmkit.segmentation.value;

import org.jspecify.annotations.NullMarked;
