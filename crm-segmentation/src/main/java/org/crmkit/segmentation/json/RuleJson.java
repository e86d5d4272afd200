package org.crmkit.segmentation.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;
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
    private static final Set<String> SEGMENT_FIELDS = Set.of("name", "version", "description", "condition",
            "targeting");

    private RuleJson() {
    }

    static final class ConditionWriter extends JsonSerializer<Condition> {
        @Override
        public void serialize(Condition value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(value, gen, provider);
        }
    }

    static final class ConditionReader extends JsonDeserializer<Condition> {
        @Override
        public Condition deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return new Reading().condition(ctx.readTree(p), "$", 1);
        }
    }

    static final class SegmentWriter extends JsonSerializer<Segment> {
        @Override
        public void serialize(Segment value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("name", value.name());
            gen.writeNumberField("version", value.version());
            gen.writeStringField("description", value.description());
            gen.writeFieldName("condition");
            write(value.condition(), gen, provider);
            if (value.targeting().isPresent()) {
                gen.writeObjectFieldStart("targeting");
                gen.writeStringField("purpose", value.targeting().get().purpose().code());
                gen.writeStringField("channel", value.targeting().get().channel().code());
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    static final class SegmentReader extends JsonDeserializer<Segment> {
        @Override
        public Segment deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return new Reading().segment(ctx.readTree(p));
        }
    }

    private static void write(Condition c, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        if (c instanceof Condition.All all) {
            writeList("all", all.conditions(), gen, provider);
        } else if (c instanceof Condition.Any any) {
            writeList("any", any.conditions(), gen, provider);
        } else if (c instanceof Condition.Not not) {
            gen.writeFieldName("not");
            write(not.condition(), gen, provider);
        } else {
            Condition.Test t = (Condition.Test) c;
            gen.writeStringField("fact", t.fact().name());
            if (!t.fact().parameters().isEmpty()) {
                gen.writeObjectFieldStart("params");
                for (Map.Entry<String, String> e : t.fact().parameters().entrySet()) {
                    gen.writeStringField(e.getKey(), e.getValue());
                }
                gen.writeEndObject();
            }
            gen.writeStringField("op", t.operator().symbol());
            if (t.operator().arity() < 0) {
                gen.writeArrayFieldStart("value");
                for (AttributeValue v : t.operands()) {
                    provider.defaultSerializeValue(v, gen);
                }
                gen.writeEndArray();
            } else if (t.operator().arity() == 1) {
                gen.writeFieldName("value");
                provider.defaultSerializeValue(t.operands().get(0), gen);
            }
        }
        gen.writeEndObject();
    }

    private static void writeList(String name, List<Condition> parts, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        gen.writeArrayFieldStart(name);
        for (Condition part : parts) {
            write(part, gen, provider);
        }
        gen.writeEndArray();
    }

    /** One reading of a document, counting conditions against the default limit. */
    private static final class Reading {
        private int conditions;

        Segment segment(JsonNode node) {
            object(node, "$");
            unknownFields(node, "$", SEGMENT_FIELDS);
            String name = text(node, "name", "$");
            int version = node.has("version") ? integer(node.get("version"), "$.version") : 1;
            String description = node.has("description") ? text(node, "description", "$") : "";
            JsonNode cond = node.get("condition");
            if (cond == null) {
                throw new InvalidDefinitionException("$.condition", "segment needs a condition", null);
            }
            Condition condition = condition(cond, "$.condition", 1);
            Optional<Targeting> targeting = Optional.empty();
            JsonNode t = node.get("targeting");
            if (t != null && !t.isNull()) {
                object(t, "$.targeting");
                unknownFields(t, "$.targeting", Set.of("purpose", "channel"));
                String purpose = text(t, "purpose", "$.targeting");
                String channel = text(t, "channel", "$.targeting");
                targeting = Optional.of(guard("$.targeting",
                        () -> new Targeting(Purpose.of(purpose), Channel.of(channel))));
            }
            Optional<Targeting> use = targeting;
            return guard("$", () -> new Segment(name, version, description, condition, use));
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
            object(node, path);
            if (node.has("all") || node.has("any")) {
                String key = node.has("all") ? "all" : "any";
                unknownFields(node, path, Set.of(key));
                JsonNode list = node.get(key);
                if (!list.isArray()) {
                    throw new InvalidDefinitionException(path + "." + key, key + " must be a list of conditions: "
                            + list.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
                }
                if (list.isEmpty()) {
                    throw new InvalidDefinitionException(path + "." + key, key + " needs at least one condition: []",
                            null);
                }
                List<Condition> parts = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    parts.add(condition(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
                }
                return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
            }
            if (node.has("not")) {
                unknownFields(node, path, Set.of("not"));
                return new Condition.Not(condition(node.get("not"), path + ".not", depth + 1));
            }
            if (!node.has("fact")) {
                throw new InvalidDefinitionException(path, "condition needs one of all, any, not or fact: "
                        + fieldNames(node), null);
            }
            return test(node, path);
        }

        private Condition test(JsonNode node, String path) {
            unknownFields(node, path, TEST_FIELDS);
            String fact = text(node, "fact", path);
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = node.get("params");
            if (p != null) {
                object(p, path + ".params");
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new InvalidDefinitionException(path + ".params." + e.getKey(),
                                "parameter must be text: " + e.getValue(), null);
                    }
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            String opText = text(node, "op", path);
            Operator op = guard(path + ".op", () -> Operator.ofSymbol(opText));
            List<AttributeValue> operands = new ArrayList<>();
            JsonNode value = node.get("value");
            if (op.arity() < 0) {
                if (value == null || !value.isArray()) {
                    throw new InvalidDefinitionException(path + ".value", "operator " + op + " needs a list of "
                            + "values: " + (value == null ? "none" : value.toString()), null);
                }
                for (int i = 0; i < value.size(); i++) {
                    operands.add(operand(value.get(i), path + ".value[" + i + "]"));
                }
            } else if (op.arity() == 1) {
                if (value == null) {
                    throw new InvalidDefinitionException(path + ".value", "operator " + op + " needs a value", null);
                }
                operands.add(operand(value, path + ".value"));
            } else if (value != null) {
                throw new InvalidDefinitionException(path + ".value", "operator " + op + " takes no value: "
                        + value, null);
            }
            return guard(path, () -> new Condition.Test(new FactRef(fact, params), op, operands));
        }

        private static AttributeValue operand(JsonNode v, String path) {
            if (v.isTextual()) {
                return guard(path, () -> AttributeValue.text(v.asText()));
            }
            if (v.isNumber()) {
                return AttributeValue.number(v.decimalValue());
            }
            if (v.isBoolean()) {
                return AttributeValue.flag(v.booleanValue());
            }
            if (v.isObject() && v.size() == 1 && v.has("date") && v.get("date").isTextual()) {
                try {
                    return AttributeValue.date(LocalDate.parse(v.get("date").asText()));
                } catch (DateTimeParseException e) {
                    throw new InvalidDefinitionException(path + ".date", "date must be written as 2024-05-01: "
                            + v.get("date").asText(), e);
                }
            }
            throw new InvalidDefinitionException(path, "value must be text, a number, true or false, or "
                    + "{\"date\": \"2024-05-01\"}: " + v, null);
        }
    }

    private static void object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidDefinitionException(path, "expected an object: "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)),
                    null);
        }
    }

    private static void unknownFields(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new InvalidDefinitionException(path + "." + f, "unknown field, expected one of "
                        + new java.util.TreeSet<>(allowed) + ": " + f, null);
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidDefinitionException(path + "." + field, field + " must be text: "
                    + (v == null ? "missing" : v.toString()), null);
        }
        return v.asText();
    }

    private static int integer(JsonNode v, String path) {
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new InvalidDefinitionException(path, "must be a whole number: " + v, null);
        }
        return v.intValue();
    }

    private static <T> T guard(String path, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | CrmException e) {
            if (e instanceof InvalidDefinitionException ide) {
                throw ide;
            }
            throw new InvalidDefinitionException(path, e.getMessage(), e);
        }
    }
}
