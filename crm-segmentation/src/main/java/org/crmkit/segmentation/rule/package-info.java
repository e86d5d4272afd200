/**
 * The one condition language of crmkit (C8, C10, C11, C12): a {@link org.crmkit.segmentation.rule.Condition} over a
 * customer's facts, written with a fluent builder ({@link org.crmkit.segmentation.rule.Facts}) or as JSON, compiled
 * once by a {@link org.crmkit.segmentation.rule.FactCatalog} into a {@link org.crmkit.segmentation.rule.Rule} that
 * tests and explains, and named and versioned as a {@link org.crmkit.segmentation.rule.Segment}. Other modules add
 * facts through {@link org.crmkit.segmentation.rule.FactProvider}; the stored-column subset translates to SQL with
 * {@link org.crmkit.segmentation.rule.SqlPushdown}.
 */
@NullMarked
package org.crmkit.segmentation.rule;

import org.jspecify.annotations.NullMarked;
