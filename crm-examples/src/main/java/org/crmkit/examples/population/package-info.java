/**
 * A deterministic synthetic population for demos, tests and benchmarks: customers with realistic mixes and a
 * year of their purchases, generated from a seed and streamed.
 */
@NullMarked
package org.crmkit.examples.population;

import org.jspecify.annotations.NullMarked;
