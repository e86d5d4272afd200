package org.crmkit.loyalty.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;

import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.QualificationPeriod;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.crmkit.loyalty.program.Reward;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.program.TierOnReversal;
import org.crmkit.segmentation.rule.Condition;

/**
 * Programs as JSON. Enumerations are written in lower case with hyphens ({@code calendar-year},
 * {@code partial-clawback}); an earning rule names its basis by one of {@code perSpend}, {@code perTouchpoint} or
 * {@code multiplier}; eligibility is a crm-segmentation condition. Reading refuses unknown and missing fields and
 * reports every problem, including a broken program rule, as an {@link InvalidDefinitionException} with the JSON
 * path.
 */
final class ProgramJson {
    private static final Set<String> PROGRAM_FIELDS = Set.of("id", "version", "name", "unit", "currency", "zone",
            "rounding", "earningRules", "rewards", "expiry", "tiers", "qualification", "softLanding",
            "reversalPolicy", "tierOnReversal");
    private static final Set<String> RULE_FIELDS = Set.of("id", "perSpend", "perTouchpoint", "multiplier", "kinds",
            "categories", "brands", "tiers", "eligibility", "validity", "cap", "qualifying");
    private static final Set<String> TIER_FIELDS = Set.of("name", "qualifyingPoints", "spend", "activities",
            "benefits");
    private static final Set<String> REWARD_FIELDS = Set.of("code", "description", "cost");

    private ProgramJson() {
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final class Writer extends JsonSerializer<Program> {
        @Override
        public void serialize(Program p, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("id", p.id());
            gen.writeNumberField("version", p.version());
            gen.writeStringField("name", p.name());
            gen.writeStringField("unit", p.unit());
            gen.writeStringField("currency", p.currency().getCurrencyCode());
            gen.writeStringField("zone", p.zone().getId());
            gen.writeStringField("rounding", name(p.rounding()));
            gen.writeArrayFieldStart("earningRules");
            for (EarningRule r : p.earningRules()) {
                rule(r, gen, provider);
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("rewards");
            for (Reward r : p.rewards()) {
                gen.writeStartObject();
                gen.writeStringField("code", r.code());
                gen.writeStringField("description", r.description());
                gen.writeNumberField("cost", r.cost());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeObjectFieldStart("expiry");
            if (p.expiry() instanceof ExpiryPolicy.AfterEarning a) {
                gen.writeObjectFieldStart("afterEarning");
                gen.writeNumberField("months", a.months());
                gen.writeStringField("roundTo", name(a.roundTo()));
                gen.writeEndObject();
            } else if (p.expiry() instanceof ExpiryPolicy.AfterInactivity a) {
                gen.writeObjectFieldStart("afterInactivity");
                gen.writeNumberField("months", a.months());
                gen.writeEndObject();
            } else {
                gen.writeBooleanField("never", true);
            }
            gen.writeEndObject();
            gen.writeArrayFieldStart("tiers");
            for (Tier t : p.tiers()) {
                gen.writeStartObject();
                gen.writeStringField("name", t.name());
                gen.writeNumberField("qualifyingPoints", t.qualifyingPoints());
                gen.writeStringField("spend", t.spend().toPlainString());
                gen.writeNumberField("activities", t.activities());
                strings("benefits", t.benefits(), gen);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeStringField("qualification", name(p.qualification()));
            gen.writeBooleanField("softLanding", p.softLanding());
            gen.writeStringField("reversalPolicy", name(p.reversalPolicy()));
            gen.writeStringField("tierOnReversal", name(p.tierOnReversal()));
            gen.writeEndObject();
        }

        private static void rule(EarningRule r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("id", r.id());
            if (r.basis() instanceof EarningRule.PerSpend s) {
                gen.writeStringField("perSpend", s.pointsPerUnit().toPlainString());
            } else if (r.basis() instanceof EarningRule.PerTouchpoint t) {
                gen.writeNumberField("perTouchpoint", t.points());
            } else {
                gen.writeStringField("multiplier", ((EarningRule.Multiplier) r.basis()).factor().toPlainString());
            }
            List<String> kinds = new ArrayList<>();
            r.kinds().forEach(k -> kinds.add(k.code()));
            strings("kinds", kinds, gen);
            strings("categories", r.categories(), gen);
            strings("brands", r.brands(), gen);
            strings("tiers", r.tiers(), gen);
            if (r.eligibility().isPresent()) {
                gen.writeFieldName("eligibility");
                provider.findValueSerializer(Condition.class).serialize(r.eligibility().get(), gen, provider);
            }
            if (r.validity().isPresent()) {
                gen.writeObjectFieldStart("validity");
                gen.writeStringField("from", r.validity().get().from().toString());
                gen.writeStringField("until", r.validity().get().until().toString());
                gen.writeEndObject();
            }
            gen.writeNumberField("cap", r.cap());
            gen.writeBooleanField("qualifying", r.qualifying());
            gen.writeEndObject();
        }

        private static void strings(String field, java.util.Collection<String> values, JsonGenerator gen)
                throws IOException {
            gen.writeArrayFieldStart(field);
            for (String v : new TreeSet<>(values)) {
                gen.writeString(v);
            }
            gen.writeEndArray();
        }
    }

    static final class Reader extends JsonDeserializer<Program> {
        @Override
        public Program deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = ctx.readTree(p);
            return program(node, (ObjectMapper) p.getCodec());
        }
    }

    private static Program program(JsonNode node, ObjectMapper codec) {
        Tree t = new Tree(node, "$", PROGRAM_FIELDS);
        Program.Builder b;
        try {
            b = Program.builder(t.text("id"), t.text("name"), Currency.getInstance(t.text("currency")));
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException("$.currency", "unknown currency: " + node.get("currency"), e);
        }
        b.version(t.integer("version"));
        b.unit(t.text("unit"));
        try {
            b.zone(ZoneId.of(t.text("zone")));
        } catch (DateTimeException e) {
            throw new InvalidDefinitionException("$.zone", "unknown zone: " + node.get("zone"), e);
        }
        b.rounding(t.choice("rounding", RoundingMode.class));
        List<EarningRule> rules = new ArrayList<>();
        Iterator<JsonNode> it = t.array("earningRules").elements();
        for (int i = 0; it.hasNext(); i++) {
            rules.add(rule(it.next(), "$.earningRules[" + i + "]", codec));
        }
        b.earningRules(rules);
        List<Reward> rewards = new ArrayList<>();
        it = t.array("rewards").elements();
        for (int i = 0; it.hasNext(); i++) {
            Tree r = new Tree(it.next(), "$.rewards[" + i + "]", REWARD_FIELDS);
            rewards.add(r.build(() -> new Reward(r.text("code"), r.text("description"), r.longValue("cost"))));
        }
        b.rewards(rewards);
        b.expiry(expiry(t.field("expiry"), "$.expiry"));
        List<Tier> tiers = new ArrayList<>();
        it = t.array("tiers").elements();
        for (int i = 0; it.hasNext(); i++) {
            Tree r = new Tree(it.next(), "$.tiers[" + i + "]", TIER_FIELDS);
            tiers.add(r.build(() -> new Tier(r.text("name"), r.longValue("qualifyingPoints"), r.decimal("spend"),
                    r.integer("activities"), Set.copyOf(r.strings("benefits")))));
        }
        b.tiers(tiers);
        b.qualification(t.choice("qualification", QualificationPeriod.class));
        b.softLanding(t.bool("softLanding"));
        b.reversalPolicy(t.choice("reversalPolicy", ReversalPolicy.class));
        b.tierOnReversal(t.choice("tierOnReversal", TierOnReversal.class));
        return t.build(b::build);
    }

    private static EarningRule rule(JsonNode node, String path, ObjectMapper codec) {
        Tree t = new Tree(node, path, RULE_FIELDS);
        List<String> bases = new ArrayList<>();
        for (String f : List.of("perSpend", "perTouchpoint", "multiplier")) {
            if (node.has(f)) {
                bases.add(f);
            }
        }
        if (bases.size() != 1) {
            throw new InvalidDefinitionException(path, "an earning rule needs exactly one of perSpend, "
                    + "perTouchpoint or multiplier: " + bases, null);
        }
        List<String> kinds = t.strings("kinds");
        return t.build(() -> {
            EarningRule.Builder b = switch (bases.get(0)) {
                case "perSpend" -> EarningRule.perSpend(t.text("id"), t.decimal("perSpend"));
                case "perTouchpoint" -> EarningRule.perTouchpoint(t.text("id"), TouchpointKind.PURCHASE,
                        t.longValue("perTouchpoint"));
                default -> EarningRule.multiplier(t.text("id"), t.decimal("multiplier"));
            };
            b.kinds(kinds.stream().map(TouchpointKind::of).toArray(TouchpointKind[]::new));
            b.categories(t.strings("categories").toArray(String[]::new));
            b.brands(t.strings("brands").toArray(String[]::new));
            b.tiers(t.strings("tiers").toArray(String[]::new));
            b.cap(t.longValue("cap"));
            b.qualifying(t.bool("qualifying"));
            if (node.has("eligibility")) {
                try {
                    b.eligibility(codec.treeToValue(node.get("eligibility"), Condition.class));
                } catch (JsonProcessingException e) {
                    throw new InvalidDefinitionException(path + ".eligibility", e.getOriginalMessage(), e);
                } catch (InvalidDefinitionException e) {
                    throw new InvalidDefinitionException(path + ".eligibility" + e.path().substring(1),
                            e.getMessage(), e);
                }
            }
            if (node.has("validity")) {
                Tree v = new Tree(node.get("validity"), path + ".validity", Set.of("from", "until"));
                b.validity(TimeWindow.between(v.instant("from"), v.instant("until")));
            }
            return b.build();
        });
    }

    private static ExpiryPolicy expiry(JsonNode node, String path) {
        Tree t = new Tree(node, path, Set.of("never", "afterEarning", "afterInactivity"));
        if (node.size() != 1) {
            throw new InvalidDefinitionException(path, "expiry needs exactly one of never, afterEarning or "
                    + "afterInactivity", null);
        }
        if (node.has("afterEarning")) {
            Tree a = new Tree(node.get("afterEarning"), path + ".afterEarning", Set.of("months", "roundTo"));
            return a.build(() -> ExpiryPolicy.afterEarning(a.integer("months"),
                    a.choice("roundTo", ExpiryPolicy.RoundTo.class)));
        }
        if (node.has("afterInactivity")) {
            Tree a = new Tree(node.get("afterInactivity"), path + ".afterInactivity", Set.of("months"));
            return a.build(() -> ExpiryPolicy.afterInactivity(a.integer("months")));
        }
        if (!t.bool("never")) {
            throw new InvalidDefinitionException(path + ".never", "must be true when given", null);
        }
        return ExpiryPolicy.never();
    }

    /** One JSON object being read, with its path for messages. */
    private static final class Tree {
        private final JsonNode node;
        private final String path;

        Tree(JsonNode node, String path, Set<String> fields) {
            if (node == null || !node.isObject()) {
                throw new InvalidDefinitionException(path, "must be an object", null);
            }
            this.node = node;
            this.path = path;
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!fields.contains(f)) {
                    throw new InvalidDefinitionException(path + "." + f, "unknown field", null);
                }
            }
        }

        JsonNode field(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new InvalidDefinitionException(path + "." + name, "missing", null);
            }
            return v;
        }

        String text(String name) {
            JsonNode v = field(name);
            if (!v.isTextual()) {
                throw new InvalidDefinitionException(path + "." + name, "must be text: " + v, null);
            }
            return v.textValue();
        }

        long longValue(String name) {
            JsonNode v = field(name);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new InvalidDefinitionException(path + "." + name, "must be a whole number: " + v, null);
            }
            return v.longValue();
        }

        int integer(String name) {
            JsonNode v = field(name);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new InvalidDefinitionException(path + "." + name, "must be a whole number: " + v, null);
            }
            return v.intValue();
        }

        boolean bool(String name) {
            JsonNode v = field(name);
            if (!v.isBoolean()) {
                throw new InvalidDefinitionException(path + "." + name, "must be true or false: " + v, null);
            }
            return v.booleanValue();
        }

        BigDecimal decimal(String name) {
            JsonNode v = field(name);
            try {
                return v.isNumber() ? v.decimalValue() : new BigDecimal(v.textValue());
            } catch (NumberFormatException | NullPointerException e) {
                throw new InvalidDefinitionException(path + "." + name, "must be a decimal number: " + v, e);
            }
        }

        Instant instant(String name) {
            try {
                return Instant.parse(text(name));
            } catch (DateTimeParseException e) {
                throw new InvalidDefinitionException(path + "." + name, "must be an ISO-8601 instant: "
                        + node.get(name), e);
            }
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String v = text(name);
            for (E e : type.getEnumConstants()) {
                if (name(e).equals(v)) {
                    return e;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(name(e));
            }
            throw new InvalidDefinitionException(path + "." + name, "must be one of " + allowed + ": " + v, null);
        }

        List<String> strings(String name) {
            JsonNode v = field(name);
            if (!v.isArray()) {
                throw new InvalidDefinitionException(path + "." + name, "must be a list of text", null);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    throw new InvalidDefinitionException(path + "." + name, "must be a list of text: " + e, null);
                }
                out.add(e.textValue());
            }
            return out;
        }

        JsonNode array(String name) {
            JsonNode v = field(name);
            if (!v.isArray()) {
                throw new InvalidDefinitionException(path + "." + name, "must be a list", null);
            }
            return v;
        }

        /** Builds a value, reporting a broken domain rule at this object's path. */
        <T> T build(java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidDefinitionException e) {
                throw e;
            } catch (CrmException | IllegalArgumentException | DateTimeException e) {
                throw new InvalidDefinitionException(path, e.getMessage(), e);
            }
        }
    }
}
