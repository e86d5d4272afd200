package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.ConsentStatus;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
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
            String id = customer.id().value();
            List<ConsentRecord> history = customer.consents().history();
            for (int i = 0; i < history.size(); i++) {
                ConsentRecord r = history.get(i);
                consents.add(new Object[] {id, i, r.purpose().code(), r.channel() == null ? null : r.channel().code(),
                    r.status() == ConsentStatus.GRANTED, r.at().getEpochSecond(), r.at().getNano()});
            }
            for (Map.Entry<String, AttributeValue> a : customer.attributes().entrySet()) {
                AttributeValue v = a.getValue();
                attributes.add(new Object[] {id, a.getKey(), v instanceof AttributeValue.Text ? v.raw() : null,
                    v instanceof AttributeValue.Decimal ? v.raw() : null,
                    v instanceof AttributeValue.Flag ? v.raw() : null,
                    v instanceof AttributeValue.Date ? v.raw() : null});
            }
            // The preference fact reads a key's values by polarity as text; one row per distinct value.
            Set<List<String>> seen = new LinkedHashSet<>();
            for (Preference p : customer.effectivePreferences().all()) {
                seen.add(List.of(p.key().toString(), EnumNames.of(p.polarity()), p.value().raw().toString()));
            }
            for (List<String> p : seen) {
                preferences.add(new Object[] {id, p.get(0), p.get(1), p.get(2)});
            }
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
        return Arrays.asList(t.kind().code(), t.channel().code(), t.amount().map(Money::amount).orElse(null),
                t.amount().map(m -> m.currency().getCurrencyCode()).orElse(null));
    }

    /** Adds a touchpoint's line rows, each carrying the touchpoint's customer, instant, kind and channel. */
    static void lines(Touchpoint t, List<Object[]> rows) {
        List<LineItem> lines = t.lineItems();
        for (int i = 0; i < lines.size(); i++) {
            LineItem l = lines.get(i);
            rows.add(new Object[] {t.id().value(), i, t.customerId().value(), t.occurredAt().getEpochSecond(),
                t.occurredAt().getNano(), t.kind().code(), t.channel().code(), l.category(), l.brand(), l.quantity(),
                l.unitPrice().amount(), l.unitPrice().amount().multiply(l.quantity()),
                l.unitPrice().currency().getCurrencyCode()});
        }
    }

    /** Replaces a saved touchpoint's line rows. */
    static void replaceLines(Jdbc jdbc, Connection c, Touchpoint t) throws SQLException {
        jdbc.update(c, "DELETE FROM crm_touchpoint_lines WHERE touchpoint_id = ?", t.id().value());
        List<Object[]> rows = new ArrayList<>();
        lines(t, rows);
        jdbc.batch(c, INSERT_LINE, rows);
    }
}
