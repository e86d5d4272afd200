package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.ConsentStatus;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * The rows of the rule tables {@link SqlPushdown.Tables} describes, made from profiles and touchpoints exactly as
 * the facts read them in memory, for whoever fills those tables: a JDBC adapter, an embedded engine, a Spark job.
 * Each row is a new array of column values in the order given, {@code null} where the shape allows it; the
 * caller may keep it. Consent and line rows carry a position ({@code record_no}, {@code line_no}) after their
 * owner's id, which the rules do not read but a table may key on.
 */
public final class RuleTableRows {
    private RuleTableRows() {
    }

    /**
     * A profile's row of the customer table the reference mapping reads: {@code id, kind, lifecycle_stage,
     * account_manager, customer_since}, the kind and stage in lower case and the day the profile was created in the
     * customer's zone (UTC when none), as the facts read them.
     *
     * @param customer the profile
     * @return the row
     */
    public static Object[] customer(Customer customer) {
        return new Object[] {customer.id().value(), EnumNames.of(customer.kind()),
            EnumNames.of(customer.lifecycleStage()), customer.accountManager().map(Object::toString).orElse(null),
            customerSince(customer)};
    }

    /**
     * The {@code customer_since} of a profile's row: the day it was created in the customer's zone (UTC when
     * none), as the fact reads it.
     *
     * @param customer the profile
     * @return the day
     */
    public static LocalDate customerSince(Customer customer) {
        return LocalDate.ofInstant(customer.createdAt(), customer.timeZone().orElse(ZoneOffset.UTC));
    }

    /**
     * A profile's tags: {@code customer_id, tag}.
     *
     * @param customer the profile
     * @return the rows
     */
    public static List<Object[]> tags(Customer customer) {
        return customer.tags().stream().map(t -> new Object[] {customer.id().value(), t}).toList();
    }

    /**
     * A profile's consent records, oldest first: {@code customer_id, record_no, purpose, channel, granted,
     * at_second, at_nano}.
     *
     * @param customer the profile
     * @return the rows
     */
    public static List<Object[]> consents(Customer customer) {
        String id = customer.id().value();
        List<ConsentRecord> history = customer.consents().history();
        List<Object[]> rows = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            ConsentRecord r = history.get(i);
            rows.add(new Object[] {id, i, r.purpose().code(), r.channel() == null ? null : r.channel().code(),
                r.status() == ConsentStatus.GRANTED, r.at().getEpochSecond(), r.at().getNano()});
        }
        return rows;
    }

    /**
     * A profile's custom attributes: {@code customer_id, name, text_value, number_value, flag_value, date_value},
     * the value in the column of its type ({@code String, BigDecimal, Boolean, LocalDate}).
     *
     * @param customer the profile
     * @return the rows
     */
    public static List<Object[]> attributes(Customer customer) {
        String id = customer.id().value();
        List<Object[]> rows = new ArrayList<>(customer.attributes().size());
        for (Map.Entry<String, AttributeValue> a : customer.attributes().entrySet()) {
            AttributeValue v = a.getValue();
            rows.add(new Object[] {id, a.getKey(), v instanceof AttributeValue.Text ? v.raw() : null,
                v instanceof AttributeValue.Decimal ? v.raw() : null, v instanceof AttributeValue.Flag ? v.raw() : null,
                v instanceof AttributeValue.Date ? v.raw() : null});
        }
        return rows;
    }

    /**
     * A profile's effective preferences, one row per distinct value of a key and polarity, as the preference fact
     * reads them: {@code customer_id, pref_key, polarity, pref_value}.
     *
     * @param customer the profile
     * @return the rows
     */
    public static List<Object[]> preferences(Customer customer) {
        Set<List<String>> seen = new LinkedHashSet<>();
        for (Preference p : customer.effectivePreferences().all()) {
            seen.add(List.of(p.key().toString(), EnumNames.of(p.polarity()), p.value().raw().toString()));
        }
        List<Object[]> rows = new ArrayList<>(seen.size());
        for (List<String> p : seen) {
            rows.add(new Object[] {customer.id().value(), p.get(0), p.get(1), p.get(2)});
        }
        return rows;
    }

    /**
     * A touchpoint's row: {@code id, customer_id, at_second, at_nano, kind, channel, amount, currency}, the amount
     * and its currency {@code null} when it has none.
     *
     * @param t the touchpoint
     * @return the row
     */
    public static Object[] touchpoint(Touchpoint t) {
        return Arrays.asList(t.id().value(), t.customerId().value(), t.occurredAt().getEpochSecond(),
                t.occurredAt().getNano(), t.kind().code(), t.channel().code(),
                t.amount().map(Money::amount).orElse(null),
                t.amount().map(m -> m.currency().getCurrencyCode()).orElse(null)).toArray();
    }

    /**
     * A touchpoint's line items, each carrying the touchpoint's customer, instant, kind and channel:
     * {@code touchpoint_id, line_no, customer_id, at_second, at_nano, kind, channel, category, brand, quantity,
     * unit_price, line_value, currency}, the value being the unit price times the quantity, exactly.
     *
     * @param t the touchpoint
     * @return the rows
     */
    public static List<Object[]> lines(Touchpoint t) {
        List<LineItem> items = t.lineItems();
        List<Object[]> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            LineItem l = items.get(i);
            rows.add(new Object[] {t.id().value(), i, t.customerId().value(), t.occurredAt().getEpochSecond(),
                t.occurredAt().getNano(), t.kind().code(), t.channel().code(), l.category(), l.brand(), l.quantity(),
                l.unitPrice().amount(), l.unitPrice().amount().multiply(l.quantity()),
                l.unitPrice().currency().getCurrencyCode()});
        }
        return rows;
    }

    /**
     * Refuses rows holding a number beyond an engine's exact decimals (such as the 38 digits of DuckDB's and
     * Spark's), before any is stored.
     *
     * @param what what the rows are of, for the message, such as {@code "touchpoint"}
     * @param rows the rows, each row's first value being its owner's id
     * @param integerDigits the most digits before the point the engine holds
     * @param fractionDigits the most digits after it
     * @param engine the engine's name, for the message
     * @throws RuleViolationException naming the row's owner and the digits when a number does not fit
     */
    public static void requireDecimalsFit(String what, List<Object[]> rows, int integerDigits, int fractionDigits,
                                          String engine) {
        for (Object[] row : rows) {
            for (Object v : row) {
                if (v instanceof BigDecimal d) {
                    BigDecimal stripped = d.stripTrailingZeros();
                    int fraction = Math.max(0, stripped.scale());
                    int integer = Math.max(0, stripped.precision() - stripped.scale());
                    if (fraction > fractionDigits || integer > integerDigits) {
                        throw new RuleViolationException(what + " " + row[0] + " holds a number with " + integer
                                + " digits before the point and " + fraction + " after it; " + engine
                                + " holds at most " + integerDigits + " and " + fractionDigits);
                    }
                }
            }
        }
    }
}
