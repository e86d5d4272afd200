/**
 * JMH benchmarks and footprint measurements. Build with
 * {@code mvn -B -Pbenchmarks -pl crm-examples -am package -DskipTests} and run
 * {@code java -jar crm-examples/target/benchmarks.jar}; see BENCHMARKS.md for the recorded figures.
 */
@NullMarked
package org.crmkit.benchmarks;

import org.jspecify.annotations.NullMarked;
