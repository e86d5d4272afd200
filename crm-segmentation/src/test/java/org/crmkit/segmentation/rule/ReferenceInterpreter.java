package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.ConsentStatus;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * The rule language read the slow, obvious way, written apart from the compiler: each fact computed from the
 * profile and the full touchpoint list with plain loops, each operator by its definition. Knows the facts
 * {@link Population} generates.
 */
final class ReferenceInterpreter {
    private ReferenceInterpreter() {
    }

    static boolean holds(Condition c, Customer customer, List<Touchpoint> touchpoints, Instant at) {
        if (c instanceof Condition.All all) {
            for (Condition part : all.conditions()) {
                if (!holds(part, customer, touchpoints, at)) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof Condition.Any any) {
            for (Condition part : any.conditions()) {
                if (holds(part, customer, touchpoints, at)) {
                    return true;
                }
            }
            return false;
        }
        if (c instanceof Condition.Not not) {
            return !holds(not.condition(), customer, touchpoints, at);
        }
        Condition.Test t = (Condition.Test) c;
        Object value = fact(t.fact(), customer, touchpoints, at);
        List<Object> ops = t.operands().stream().map(AttributeValue::raw).toList();
        switch (t.operator()) {
            case PRESENT:
                return value != null;
            case ABSENT:
                return value == null;
            default:
                break;
        }
        if (value == null) {
            return false;
        }
        switch (t.operator()) {
            case EQ:
                return same(value, ops.get(0));
            case NE:
                return !same(value, ops.get(0));
            case LT:
                return compare(value, ops.get(0)) < 0;
            case LE:
                return compare(value, ops.get(0)) <= 0;
            case GT:
                return compare(value, ops.get(0)) > 0;
            case GE:
                return compare(value, ops.get(0)) >= 0;
            case IN:
                return ops.stream().anyMatch(o -> same(value, o));
            case CONTAINS:
                return ((java.util.Set<?>) value).contains(ops.get(0));
            case CONTAINS_ANY:
                return ops.stream().anyMatch(((java.util.Set<?>) value)::contains);
            default:
                throw new AssertionError(t.operator());
        }
    }

    private static boolean same(Object a, Object b) {
        return a instanceof BigDecimal x ? x.compareTo((BigDecimal) b) == 0 : a.equals(b);
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    private static Object fact(FactRef f, Customer c, List<Touchpoint> all, Instant at) {
        Map<String, String> p = f.parameters();
        String name = f.name();
        if (name.equals("kind")) {
            return c.kind().name().toLowerCase(Locale.ROOT);
        }
        if (name.equals("lifecycleStage")) {
            return c.lifecycleStage().name().toLowerCase(Locale.ROOT);
        }
        if (name.equals("tags")) {
            return c.tags();
        }
        if (name.startsWith("attribute.")) {
            AttributeValue v = c.attributes().get(name.substring("attribute.".length()));
            return v == null ? null : v.raw();
        }
        if (name.equals("consent")) {
            ConsentRecord last = null;
            for (ConsentRecord r : c.consents().history()) {
                if (r.purpose().code().equals(p.get("purpose")) && Channel.of(p.get("channel")).equals(r.channel())
                        && !r.at().isAfter(at) && (last == null || !r.at().isBefore(last.at()))) {
                    last = r;
                }
            }
            return last != null && last.status() == ConsentStatus.GRANTED;
        }
        Duration window = p.containsKey("window") ? Duration.parse(p.get("window")) : null;
        String category = p.get("category");
        long count = 0;
        BigDecimal spend = BigDecimal.ZERO;
        Instant latest = null;
        for (Touchpoint t : all) {
            boolean inWindow = !t.occurredAt().isAfter(at)
                    && (window == null || t.occurredAt().isAfter(at.minus(window)));
            boolean kindMatches = !p.containsKey("kind") && !name.equals("touchpoints.spend")
                    || t.kind().code().equals(p.getOrDefault("kind", "purchase"));
            if (!inWindow || !kindMatches) {
                continue;
            }
            boolean hasCategory = category == null || t.lineItems().stream().anyMatch(l -> l.category().equals(category));
            if (hasCategory) {
                count++;
                if (latest == null || t.occurredAt().isAfter(latest)) {
                    latest = t.occurredAt();
                }
            }
            for (LineItem l : t.lineItems()) {
                spend = spend.add(l.unitPrice().amount().multiply(l.quantity()));
            }
        }
        switch (name) {
            case "touchpoints.count":
                return BigDecimal.valueOf(count);
            case "touchpoints.spend":
                return spend;
            case "touchpoints.daysSinceLast":
                return latest == null ? null : BigDecimal.valueOf(Duration.between(latest, at).toDays());
            default:
                throw new AssertionError("the reference knows no fact " + f);
        }
    }
}
