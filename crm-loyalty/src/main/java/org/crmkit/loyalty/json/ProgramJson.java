package org.crmkit.loyalty.json;

import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.SerializationContext;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.json.Documents;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.json.TreeReader;
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
    /** The layout of a stored program. */
    static final int FORMAT = 1;
    private static final Set<String> PROGRAM_FIELDS = Set.of(Documents.FORMAT, "id", "version", "name", "unit",
            "currency", "zone",
            "rounding", "earningRules", "rewards", "expiry", "tiers", "qualification", "softLanding",
            "reversalPolicy", "tierOnReversal", "expiryNoticeDays");
    private static final Set<String> RULE_FIELDS = Set.of("id", "perSpend", "perTouchpoint", "multiplier", "kinds",
            "categories", "brands", "tiers", "eligibility", "validity", "cap", "qualifying");
    private static final Set<String> TIER_FIELDS = Set.of("name", "qualifyingPoints", "spend", "activities",
            "benefits");
    private static final Set<String> REWARD_FIELDS = Set.of("code", "description", "cost");

    private ProgramJson() {
    }

    static final class Writer extends ValueSerializer<Program> {
        @Override
        public void serialize(Program p, JsonGenerator gen, SerializationContext provider) {
            gen.writeStartObject();
            gen.writeNumberProperty(Documents.FORMAT, FORMAT);
            gen.writeStringProperty("id", p.id());
            gen.writeNumberProperty("version", p.version());
            gen.writeStringProperty("name", p.name());
            gen.writeStringProperty("unit", p.unit());
            gen.writeStringProperty("currency", p.currency().getCurrencyCode());
            gen.writeStringProperty("zone", p.zone().getId());
            gen.writeStringProperty("rounding", EnumNames.of(p.rounding()));
            gen.writeArrayPropertyStart("earningRules");
            for (EarningRule r : p.earningRules()) {
                rule(r, gen, provider);
            }
            gen.writeEndArray();
            gen.writeArrayPropertyStart("rewards");
            for (Reward r : p.rewards()) {
                gen.writeStartObject();
                gen.writeStringProperty("code", r.code());
                gen.writeStringProperty("description", r.description());
                gen.writeNumberProperty("cost", r.cost());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeObjectPropertyStart("expiry");
            if (p.expiry() instanceof ExpiryPolicy.AfterEarning a) {
                gen.writeObjectPropertyStart("afterEarning");
                gen.writeNumberProperty("months", a.months());
                gen.writeStringProperty("roundTo", EnumNames.of(a.roundTo()));
                gen.writeEndObject();
            } else if (p.expiry() instanceof ExpiryPolicy.AfterInactivity a) {
                gen.writeObjectPropertyStart("afterInactivity");
                gen.writeNumberProperty("months", a.months());
                gen.writeEndObject();
            } else {
                gen.writeBooleanProperty("never", true);
            }
            gen.writeEndObject();
            gen.writeArrayPropertyStart("tiers");
            for (Tier t : p.tiers()) {
                gen.writeStartObject();
                gen.writeStringProperty("name", t.name());
                gen.writeNumberProperty("qualifyingPoints", t.qualifyingPoints());
                gen.writeStringProperty("spend", t.spend().toPlainString());
                gen.writeNumberProperty("activities", t.activities());
                strings("benefits", t.benefits(), gen);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeStringProperty("qualification", EnumNames.of(p.qualification()));
            gen.writeBooleanProperty("softLanding", p.softLanding());
            gen.writeStringProperty("reversalPolicy", EnumNames.of(p.reversalPolicy()));
            gen.writeStringProperty("tierOnReversal", EnumNames.of(p.tierOnReversal()));
            gen.writeNumberProperty("expiryNoticeDays", p.expiryNoticeDays());
            gen.writeEndObject();
        }

        private static void rule(EarningRule r, JsonGenerator gen, SerializationContext provider) {
            gen.writeStartObject();
            gen.writeStringProperty("id", r.id());
            if (r.basis() instanceof EarningRule.PerSpend s) {
                gen.writeStringProperty("perSpend", s.pointsPerUnit().toPlainString());
            } else if (r.basis() instanceof EarningRule.PerTouchpoint t) {
                gen.writeNumberProperty("perTouchpoint", t.points());
            } else {
                gen.writeStringProperty("multiplier", ((EarningRule.Multiplier) r.basis()).factor().toPlainString());
            }
            List<String> kinds = new ArrayList<>();
            r.kinds().forEach(k -> kinds.add(k.code()));
            strings("kinds", kinds, gen);
            strings("categories", r.categories(), gen);
            strings("brands", r.brands(), gen);
            strings("tiers", r.tiers(), gen);
            if (r.eligibility().isPresent()) {
                gen.writeName("eligibility");
                provider.writeValue(gen, r.eligibility().get());
            }
            if (r.validity().isPresent()) {
                gen.writeObjectPropertyStart("validity");
                gen.writeStringProperty("from", r.validity().get().from().toString());
                gen.writeStringProperty("until", r.validity().get().until().toString());
                gen.writeEndObject();
            }
            gen.writeNumberProperty("cap", r.cap());
            gen.writeBooleanProperty("qualifying", r.qualifying());
            gen.writeEndObject();
        }

        private static void strings(String field, java.util.Collection<String> values, JsonGenerator gen) {
            gen.writeArrayPropertyStart(field);
            for (String v : new TreeSet<>(values)) {
                gen.writeString(v);
            }
            gen.writeEndArray();
        }
    }

    static final class Reader extends ValueDeserializer<Program> {
        @Override
        public Program deserialize(JsonParser p, DeserializationContext ctx) {
            return program(ctx.readTree(p), ctx);
        }
    }

    private static Program program(JsonNode node, DeserializationContext ctx) {
        TreeReader t = TreeReader.object(node, "$", PROGRAM_FIELDS);
        t.format(FORMAT);
        Currency currency = TreeReader.at(t.path("currency"), () -> Currency.getInstance(t.text("currency")));
        Program.Builder b = Program.builder(t.text("id"), t.text("name"), currency);
        b.version(t.integer("version"));
        b.unit(t.text("unit"));
        b.zone(TreeReader.at(t.path("zone"), () -> ZoneId.of(t.text("zone"))));
        b.rounding(t.choice("rounding", RoundingMode.class));
        List<JsonNode> items = t.array("earningRules");
        List<EarningRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(items.get(i), t.path("earningRules") + "[" + i + "]", ctx));
        }
        b.earningRules(rules);
        items = t.array("rewards");
        List<Reward> rewards = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TreeReader r = TreeReader.object(items.get(i), t.path("rewards") + "[" + i + "]", REWARD_FIELDS);
            rewards.add(r.build(() -> new Reward(r.text("code"), r.text("description"), r.longValue("cost"))));
        }
        b.rewards(rewards);
        b.expiry(expiry(t.field("expiry"), t.path("expiry")));
        items = t.array("tiers");
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TreeReader r = TreeReader.object(items.get(i), t.path("tiers") + "[" + i + "]", TIER_FIELDS);
            tiers.add(r.build(() -> new Tier(r.text("name"), r.longValue("qualifyingPoints"), r.decimal("spend"),
                    r.integer("activities"), Set.copyOf(r.strings("benefits")))));
        }
        b.tiers(tiers);
        b.qualification(t.choice("qualification", QualificationPeriod.class));
        b.softLanding(t.bool("softLanding"));
        b.reversalPolicy(t.choice("reversalPolicy", ReversalPolicy.class));
        b.tierOnReversal(t.choice("tierOnReversal", TierOnReversal.class));
        if (t.has("expiryNoticeDays")) {
            b.expiryNoticeDays(t.integer("expiryNoticeDays"));
        }
        return t.build(b::build);
    }

    private static EarningRule rule(JsonNode node, String path, DeserializationContext ctx) {
        TreeReader t = TreeReader.object(node, path, RULE_FIELDS);
        List<String> bases = new ArrayList<>();
        for (String f : List.of("perSpend", "perTouchpoint", "multiplier")) {
            if (t.has(f)) {
                bases.add(f);
            }
        }
        if (bases.size() != 1) {
            throw new InvalidDefinitionException(path, "must have exactly one of perSpend, perTouchpoint or "
                    + "multiplier: " + bases, null);
        }
        List<String> kinds = t.strings("kinds");
        Condition eligibility = t.has("eligibility") ? condition(t.field("eligibility"), t.path("eligibility"), ctx)
                : null;
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
            if (eligibility != null) {
                b.eligibility(eligibility);
            }
            if (t.has("validity")) {
                TreeReader v = TreeReader.object(t.field("validity"), t.path("validity"), Set.of("from", "until"));
                b.validity(TimeWindow.between(v.instant("from"), v.instant("until")));
            }
            return b.build();
        });
    }

    /** Reads an eligibility rule with crm-segmentation's reader, moving its paths under this one. */
    private static Condition condition(JsonNode node, String path, DeserializationContext ctx) {
        try {
            return ctx.readTreeAsValue(node, Condition.class);
        } catch (InvalidDefinitionException e) {
            throw new InvalidDefinitionException(path + e.path().substring(1), e.problem(), e);
        } catch (JacksonException e) {
            throw new InvalidDefinitionException(path, e.getOriginalMessage(), e);
        }
    }

    private static ExpiryPolicy expiry(JsonNode node, String path) {
        TreeReader t = TreeReader.object(node, path, Set.of("never", "afterEarning", "afterInactivity"));
        if (node.size() != 1) {
            throw new InvalidDefinitionException(path, "must have exactly one of never, afterEarning or "
                    + "afterInactivity: " + node.propertyNames(), null);
        }
        if (t.has("afterEarning")) {
            TreeReader a = TreeReader.object(t.field("afterEarning"), t.path("afterEarning"),
                    Set.of("months", "roundTo"));
            return a.build(() -> ExpiryPolicy.afterEarning(a.integer("months"),
                    a.choice("roundTo", ExpiryPolicy.RoundTo.class)));
        }
        if (t.has("afterInactivity")) {
            TreeReader a = TreeReader.object(t.field("afterInactivity"), t.path("afterInactivity"),
                    Set.of("months"));
            return a.build(() -> ExpiryPolicy.afterInactivity(a.integer("months")));
        }
        if (!t.bool("never")) {
            throw TreeReader.problem(t.path("never"), "must be true when given", t.field("never"));
        }
        return ExpiryPolicy.never();
    }
}
