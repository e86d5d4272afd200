/**
 * Analyses over many customers (C8, C9, C12): two-dimensional {@link org.crmkit.segmentation.analysis.Grid}s of
 * labelled {@link org.crmkit.segmentation.analysis.Bands}, {@link org.crmkit.segmentation.analysis.Rfm} scores and
 * groups, {@link org.crmkit.segmentation.analysis.ValueRanking}s with their Pareto curve,
 * {@link org.crmkit.segmentation.analysis.RepurchaseCycles} and the personal
 * {@link org.crmkit.segmentation.analysis.OfferLists} built on them, and reproducible
 * {@link org.crmkit.segmentation.analysis.StratifiedSample}s.
 */
@NullMarked
package org.crmkit.segmentation.analysis;

import org.jspecify.annotations.NullMarked;
