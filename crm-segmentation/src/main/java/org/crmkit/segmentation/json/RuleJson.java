package org.crmkit.segmentation.json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.SerializationContext;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.json.Documents;
import org.crmkit.core.json.TreeReader;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.Operator;
import org.crmkit.segmentation.rule.Segment;
import org.crmkit.segmentation.rule.Targeting;

/**
 * Rules and segments as JSON. A test is {@code {"fact": ..., "params": {...}, "op": ..., "value": ...}} with
 * {@code value} a list for {@code in} and {@code contains-any} and left out for {@code present} and {@code absent};
 * {@code {"all": [...]}}, {@code {"any": [...]}} and {@code {"not": {...}}} combine them. Reading checks the shape and
 * the default size and depth limits and names the JSON path of any problem; whether facts exist is checked when a
 * catalog compiles the rule. Operands are written by crm-core's attribute-value serializer: text, number, boolean,
 * or {@code {"date": ...}}.
 */
final class RuleJson {
    private static final Set<String> TEST_FIELDS = Set.of("fact", "params", "op", "value");
    private static final Set<String> SEGMENT_FIELDS = Set.of(Documents.FORMAT, "name", "version", "description",
            "condition", "targeting");
    /** The layout of a stored segment. */
    static final int SEGMENT_FORMAT = 1;

    private RuleJson() {
    }

    static final class ConditionWriter extends ValueSerializer<Condition> {
        @Override
        public void serialize(Condition value, JsonGenerator gen, SerializationContext provider) {
            write(value, gen, provider);
        }
    }

    static final class ConditionReader extends ValueDeserializer<Condition> {
        @Override
        public Condition deserialize(JsonParser p, DeserializationContext ctx) {
            return new Reading().condition(ctx.readTree(p), "$", 1);
        }
    }

    static final class SegmentWriter extends ValueSerializer<Segment> {
        @Override
        public void serialize(Segment value, JsonGenerator gen, SerializationContext provider) {
            gen.writeStartObject();
            gen.writeNumberProperty(Documents.FORMAT, SEGMENT_FORMAT);
            gen.writeStringProperty("name", value.name());
            gen.writeNumberProperty("version", value.version());
            gen.writeStringProperty("description", value.description());
            gen.writeName("condition");
            write(value.condition(), gen, provider);
            if (value.targeting().isPresent()) {
                gen.writeObjectPropertyStart("targeting");
                gen.writeStringProperty("purpose", value.targeting().get().purpose().code());
                gen.writeStringProperty("channel", value.targeting().get().channel().code());
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    static final class SegmentReader extends ValueDeserializer<Segment> {
        @Override
        public Segment deserialize(JsonParser p, DeserializationContext ctx) {
            return new Reading().segment(ctx.readTree(p));
        }
    }

    private static void write(Condition c, JsonGenerator gen, SerializationContext provider) {
        gen.writeStartObject();
        if (c instanceof Condition.All all) {
            writeList("all", all.conditions(), gen, provider);
        } else if (c instanceof Condition.Any any) {
            writeList("any", any.conditions(), gen, provider);
        } else if (c instanceof Condition.Not not) {
            gen.writeName("not");
            write(not.condition(), gen, provider);
        } else {
            Condition.Test t = (Condition.Test) c;
            gen.writeStringProperty("fact", t.fact().name());
            if (!t.fact().parameters().isEmpty()) {
                gen.writeObjectPropertyStart("params");
                for (Map.Entry<String, String> e : t.fact().parameters().entrySet()) {
                    gen.writeStringProperty(e.getKey(), e.getValue());
                }
                gen.writeEndObject();
            }
            gen.writeStringProperty("op", t.operator().symbol());
            if (t.operator().arity() < 0) {
                gen.writeArrayPropertyStart("value");
                for (AttributeValue v : t.operands()) {
                    provider.writeValue(gen, v);
                }
                gen.writeEndArray();
            } else if (t.operator().arity() == 1) {
                gen.writeName("value");
                provider.writeValue(gen, t.operands().get(0));
            }
        }
        gen.writeEndObject();
    }

    private static void writeList(String name, List<Condition> parts, JsonGenerator gen, SerializationContext provider) {
        gen.writeArrayPropertyStart(name);
        for (Condition part : parts) {
            write(part, gen, provider);
        }
        gen.writeEndArray();
    }

    /** One reading of a document, counting conditions against the default limit. */
    private static final class Reading {
        private int conditions;

        Segment segment(JsonNode node) {
            TreeReader t = TreeReader.object(node, "$", SEGMENT_FIELDS);
            t.format(SEGMENT_FORMAT);
            String name = t.text("name");
            int version = t.has("version") ? t.integer("version") : 1;
            String description = t.has("description") ? t.text("description") : "";
            Condition condition = condition(t.field("condition"), t.path("condition"), 1);
            Optional<Targeting> targeting = Optional.empty();
            if (t.has("targeting")) {
                TreeReader g = TreeReader.object(t.field("targeting"), t.path("targeting"),
                        Set.of("purpose", "channel"));
                String purpose = g.text("purpose");
                String channel = g.text("channel");
                targeting = Optional.of(g.build(() -> new Targeting(Purpose.of(purpose), Channel.of(channel))));
            }
            Optional<Targeting> use = targeting;
            return t.build(() -> new Segment(name, version, description, condition, use));
        }

        Condition condition(JsonNode node, String path, int depth) {
            if (++conditions > FactCatalog.DEFAULT_MAX_CONDITIONS) {
                throw new InvalidDefinitionException(path, "rule must have at most "
                        + FactCatalog.DEFAULT_MAX_CONDITIONS + " conditions", null);
            }
            if (depth > FactCatalog.DEFAULT_MAX_DEPTH) {
                throw new InvalidDefinitionException(path, "rule must nest at most " + FactCatalog.DEFAULT_MAX_DEPTH
                        + " deep: " + depth, null);
            }
            if (node != null && node.isObject() && (node.has("all") || node.has("any"))) {
                String key = node.has("all") ? "all" : "any";
                TreeReader t = TreeReader.object(node, path, Set.of(key));
                List<JsonNode> list = t.array(key);
                if (list.isEmpty()) {
                    throw TreeReader.problem(t.path(key), key + " needs at least one condition", t.field(key));
                }
                List<Condition> parts = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    parts.add(condition(list.get(i), t.path(key) + "[" + i + "]", depth + 1));
                }
                return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
            }
            if (node != null && node.isObject() && node.has("not")) {
                TreeReader t = TreeReader.object(node, path, Set.of("not"));
                return new Condition.Not(condition(t.field("not"), t.path("not"), depth + 1));
            }
            if (node == null || !node.isObject() || !node.has("fact")) {
                throw TreeReader.problem(path, "must be a condition: an object with all, any, not or fact", node);
            }
            return test(TreeReader.object(node, path, TEST_FIELDS));
        }

        private static Condition test(TreeReader t) {
            String fact = t.text("fact");
            Map<String, String> params = new LinkedHashMap<>();
            if (t.has("params")) {
                JsonNode p = t.field("params");
                TreeReader ps = TreeReader.object(p, t.path("params"), p.isObject() ? Set.copyOf(p.propertyNames())
                        : Set.of());
                for (String key : p.propertyNames()) {
                    params.put(key, ps.text(key));
                }
            }
            Operator op = TreeReader.at(t.path("op"), () -> Operator.ofSymbol(t.text("op")));
            List<AttributeValue> operands = new ArrayList<>();
            JsonNode value = t.node().get("value");
            if (op.arity() < 0) {
                if (value == null || !value.isArray()) {
                    throw TreeReader.problem(t.path("value"), "operator " + op + " needs a list of values", value);
                }
                for (int i = 0; i < value.size(); i++) {
                    operands.add(operand(value.get(i), t.path("value") + "[" + i + "]"));
                }
            } else if (op.arity() == 1) {
                operands.add(operand(t.field("value"), t.path("value")));
            } else if (value != null) {
                throw TreeReader.problem(t.path("value"), "operator " + op + " takes no value", value);
            }
            return t.build(() -> new Condition.Test(new FactRef(fact, params), op, operands));
        }

        private static AttributeValue operand(JsonNode v, String path) {
            if (v.isString()) {
                return TreeReader.at(path, () -> AttributeValue.text(v.stringValue()));
            }
            if (v.isNumber()) {
                return AttributeValue.number(v.decimalValue());
            }
            if (v.isBoolean()) {
                return AttributeValue.flag(v.booleanValue());
            }
            if (v.isObject() && v.size() == 1 && v.has("date") && v.get("date").isString()) {
                try {
                    return AttributeValue.date(LocalDate.parse(v.get("date").stringValue()));
                } catch (DateTimeParseException e) {
                    throw TreeReader.problem(path + ".date", "must be a date written as 2024-05-01", v.get("date"));
                }
            }
            throw TreeReader.problem(path, "must be text, a number, true or false, or {\"date\": \"2024-05-01\"}", v);
        }
    }
}
