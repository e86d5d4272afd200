/** Commands for analysts who do not write Java. */
@NullMarked
package org.crmkit.demo.cli;

import org.jspecify.annotations.NullMarked;
