/** Commands for analysts who do not write Java. */
@NullMarked
package org.crmkit.examples.cli;

import org.jspecify.annotations.NullMarked;
