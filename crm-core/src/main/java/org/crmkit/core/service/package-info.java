/**
 * Service cases: complaints, faults and requests followed to resolution, with a status machine, observations
 * gathered over time and a root cause (C2, C4, C11).
 */
@NullMarked
package org.crmkit.core.service;

import org.jspecify.annotations.NullMarked;
