package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.segmentation.rule.RuleTableRows;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the side tables segment rules read in the database ({@link JdbcStores#pushdown}): a profile's consent
 * records, custom attributes and effective preferences, and a touchpoint's line items, each as the fact reads it
 * in memory. Written on every save and import, and by the migration that fills them for rows stored before.
 */
final class RuleRows {
    static final String INSERT_CONSENT = "INSERT INTO crm_customer_consents (customer_id, record_no, purpose, channel,"
            + " granted, at_second, at_nano) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_ATTRIBUTE = "INSERT INTO crm_customer_attributes (customer_id, name, text_value,"
            + " number_value, flag_value, date_value) VALUES (?, ?, ?, ?, ?, ?)";
    static final String INSERT_PREFERENCE = "INSERT INTO crm_customer_preferences (customer_id, pref_key, polarity,"
            + " pref_value) VALUES (?, ?, ?, ?)";
    static final String INSERT_LINE = "INSERT INTO crm_touchpoint_lines (touchpoint_id, line_no, customer_id,"
            + " at_second, at_nano, kind, channel, category, brand, quantity, unit_price, line_value, currency)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RuleRows() {
    }

    /** The customer's rows of the three profile tables, for the batches of {@link #insert}. */
    static final class Profiles {
        final List<Object[]> consents = new ArrayList<>();
        final List<Object[]> attributes = new ArrayList<>();
        final List<Object[]> preferences = new ArrayList<>();

        Profiles add(Customer customer) {
            consents.addAll(RuleTableRows.consents(customer));
            attributes.addAll(RuleTableRows.attributes(customer));
            preferences.addAll(RuleTableRows.preferences(customer));
            return this;
        }

        void insert(Jdbc jdbc, Connection c) throws SQLException {
            jdbc.batch(c, INSERT_CONSENT, consents);
            jdbc.batch(c, INSERT_ATTRIBUTE, attributes);
            jdbc.batch(c, INSERT_PREFERENCE, preferences);
        }
    }

    /** Replaces a saved profile's rows. */
    static void replace(Jdbc jdbc, Connection c, Customer customer) throws SQLException {
        String id = customer.id().value();
        for (String table : List.of("crm_customer_consents", "crm_customer_attributes", "crm_customer_preferences")) {
            jdbc.update(c, "DELETE FROM " + table + " WHERE customer_id = ?", id);
        }
        new Profiles().add(customer).insert(jdbc, c);
    }

    /** {@return a touchpoint's columns the rules read: kind, channel, amount and its currency (null without one)} */
    static List<@Nullable Object> columns(Touchpoint t) {
        return Arrays.asList(RuleTableRows.touchpoint(t)).subList(4, 8);
    }

    /** Replaces a saved touchpoint's line rows. */
    static void replaceLines(Jdbc jdbc, Connection c, Touchpoint t) throws SQLException {
        jdbc.update(c, "DELETE FROM crm_touchpoint_lines WHERE touchpoint_id = ?", t.id().value());
        jdbc.batch(c, INSERT_LINE, RuleTableRows.lines(t));
    }
}
