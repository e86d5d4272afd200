/** The events a loyalty ledger publishes, and their listeners. */
package org.crmkit.loyalty.event;
