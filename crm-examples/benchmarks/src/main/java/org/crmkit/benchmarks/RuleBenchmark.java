package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.mvel2.MVEL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.segmentation.analysis.Rfm;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactTable;
import org.crmkit.segmentation.rule.FactType;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.Subject;

/**
 * One rule of five conditions (lifecycle stage, a tag, a numeric custom attribute, email marketing consent, and
 * 90-day purchase spend) over one million in-memory customers: crmkit's compiled rule, the same checks written by
 * hand in Java, and the same condition in Spring Expression Language (compiled mode), MVEL (compiled) and Apache
 * Commons JEXL. All read the same {@link Subject}s; the engines call {@link ScriptHelpers} for the consent and the
 * aggregate, which they cannot express themselves. One operation is one pass over all customers. Also RFM scoring
 * of one million customers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleBenchmark {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Duration WINDOW = Duration.ofDays(90);
    static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal FIFTY = BigDecimal.valueOf(50);

    /** How many customers. */
    @Param("1000000")
    public int customers;

    private Subject[] subjects;
    private Rule rule;
    private FactTable table;
    private Expression spel;
    private StandardEvaluationContext spelContext;
    private java.io.Serializable mvel;
    private JexlExpression jexl;
    private List<Rfm.Input> rfmInputs;

    /** The condition, in crmkit's builder. */
    static Condition condition() {
        return Condition.all(
                Facts.lifecycleStage().in("customer", "lapsed"),
                Facts.tags().contains("pet-owner"),
                Facts.attribute("household-size").atLeast(2),
                Facts.consent(Purpose.MARKETING, Channel.EMAIL).isTrue(),
                Facts.spend(WINDOW, "USD").atLeast(50));
    }

    static final String SCRIPT_SPEL = "(#s.customer().lifecycleStage().name() == 'CUSTOMER'"
            + " or #s.customer().lifecycleStage().name() == 'LAPSED')"
            + " and #s.customer().tags().contains('pet-owner')"
            + " and #h.householdAtLeast(#s, 2)"
            + " and #h.emailMarketing(#s)"
            + " and #h.spend90(#s) >= 50";
    static final String SCRIPT = "(s.customer().lifecycleStage().name() == 'CUSTOMER'"
            + " || s.customer().lifecycleStage().name() == 'LAPSED')"
            + " && s.customer().tags().contains('pet-owner')"
            + " && h.householdAtLeast(s, 2)"
            + " && h.emailMarketing(s)"
            + " && h.spend90(s) >= 50";

    /** Builds the customers and compiles the condition in every engine. */
    @Setup(Level.Trial)
    public void setUp() {
        subjects = population(customers, 42);
        FactCatalog catalog = FactCatalog.builder().attribute("household-size", FactType.NUMBER).build();
        rule = catalog.compile(condition());
        table = columns(rule, subjects);
        SpelExpressionParser parser = new SpelExpressionParser(
                new SpelParserConfiguration(SpelCompilerMode.IMMEDIATE, RuleBenchmark.class.getClassLoader()));
        spel = parser.parseExpression(SCRIPT_SPEL);
        spelContext = new StandardEvaluationContext();
        spelContext.setVariable("h", new ScriptHelpers());
        mvel = MVEL.compileExpression(SCRIPT);
        jexl = new JexlBuilder().permissions(JexlPermissions.UNRESTRICTED).cache(16).strict(true).create()
                .createExpression(SCRIPT);
        rfmInputs = new ArrayList<>(customers);
        Random random = new Random(7);
        for (int i = 0; i < customers; i++) {
            rfmInputs.add(new Rfm.Input(CustomerId.of("r-" + i), random.nextInt(365), 1 + random.nextInt(40),
                    BigDecimal.valueOf(random.nextInt(500_000), 2)));
        }
        long expected = handWritten();
        if (crmkit() != expected || crmkitColumnar() != expected || spelCompiled() != expected || mvelCompiled() != expected
                || jexl() != expected) {
            throw new IllegalStateException("engines disagree on the selection: " + expected);
        }
    }

    /** {@return how many customers crmkit's compiled rule selects} */
    @Benchmark
    public long crmkit() {
        return count(rule, subjects);
    }

    /**
     * Tests each customer with the compiled rule.
     *
     * @param rule the rule
     * @param subjects the customers
     * @return how many it selects
     */
    static long count(Rule rule, Subject[] subjects) {
        long n = 0;
        for (Subject s : subjects) {
            if (rule.test(s)) {
                n++;
            }
        }
        return n;
    }

    /** {@return how many customers the rule selects over the columns, built once for the instant} */
    @Benchmark
    public long crmkitColumnar() {
        return table.select(rule).cardinality();
    }

    /** {@return the columns of the rule's facts, built from the customers: what the columnar pass needs first} */
    @Benchmark
    public FactTable columnsBuild() {
        return columns(rule, subjects);
    }

    /**
     * The columns of the rule's facts; the 90-day spend is summed once per customer here.
     *
     * @param rule the compiled rule, whose catalog the table uses
     * @param subjects the customers
     * @return the table
     */
    static FactTable columns(Rule rule, Subject[] subjects) {
        FactTable.Builder b = FactTable.builder(rule.catalog(), condition());
        for (Subject s : subjects) {
            b.add(s);
        }
        return b.build();
    }

    /** {@return how many customers the hand-written predicate selects} */
    @Benchmark
    public long handWritten() {
        long n = 0;
        for (Subject s : subjects) {
            if (handWritten(s)) {
                n++;
            }
        }
        return n;
    }

    static boolean handWritten(Subject s) {
        Customer c = s.customer();
        LifecycleStage stage = c.lifecycleStage();
        if (stage != LifecycleStage.CUSTOMER && stage != LifecycleStage.LAPSED) {
            return false;
        }
        if (!c.tags().contains("pet-owner")) {
            return false;
        }
        AttributeValue size = c.attributes().get("household-size");
        if (!(size instanceof AttributeValue.Decimal d) || d.value().compareTo(TWO) < 0) {
            return false;
        }
        if (!c.consents().permits(Purpose.MARKETING, Channel.EMAIL, s.at())) {
            return false;
        }
        return ScriptHelpers.spend(s).compareTo(FIFTY) >= 0;
    }

    /** {@return how many customers SpEL in compiled mode selects} */
    @Benchmark
    public long spelCompiled() {
        long n = 0;
        for (Subject s : subjects) {
            spelContext.setVariable("s", s);
            if (Boolean.TRUE.equals(spel.getValue(spelContext, Boolean.class))) {
                n++;
            }
        }
        return n;
    }

    /** {@return how many customers compiled MVEL selects} */
    @Benchmark
    public long mvelCompiled() {
        long n = 0;
        ScriptHelpers h = new ScriptHelpers();
        Map<String, Object> vars = new HashMap<>();
        vars.put("h", h);
        for (Subject s : subjects) {
            vars.put("s", s);
            if (Boolean.TRUE.equals(MVEL.executeExpression(mvel, vars))) {
                n++;
            }
        }
        return n;
    }

    /** {@return how many customers JEXL selects} */
    @Benchmark
    public long jexl() {
        long n = 0;
        JexlContext context = new MapContext();
        context.set("h", new ScriptHelpers());
        for (Subject s : subjects) {
            context.set("s", s);
            if (Boolean.TRUE.equals(jexl.evaluate(context))) {
                n++;
            }
        }
        return n;
    }

    /** {@return the RFM scores of one million customers} */
    @Benchmark
    public List<Rfm.Score> rfmScoring() {
        return Rfm.score(rfmInputs);
    }

    /** What the expression engines call for the checks they cannot express: public for their reflection. */
    public static final class ScriptHelpers {
        /**
         * Reads the household size.
         *
         * @param s the subject
         * @param min the bound
         * @return true when the attribute is a number of at least {@code min}
         */
        public boolean householdAtLeast(Subject s, int min) {
            AttributeValue size = s.customer().attributes().get("household-size");
            return size instanceof AttributeValue.Decimal d && d.value().compareTo(BigDecimal.valueOf(min)) >= 0;
        }

        /** {@return whether email marketing is allowed now} @param s the subject */
        public boolean emailMarketing(Subject s) {
            return s.customer().consents().permits(Purpose.MARKETING, Channel.EMAIL, s.at());
        }

        /** {@return the 90-day purchase spend in USD, as a double for the engines' arithmetic} @param s subject */
        public double spend90(Subject s) {
            return spend(s).doubleValue();
        }

        static BigDecimal spend(Subject s) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Touchpoint t : s.touchpointsAfter(s.at().minus(WINDOW))) {
                if (t.kind().equals(TouchpointKind.PURCHASE)) {
                    for (LineItem l : t.lineItems()) {
                        if (l.unitPrice().currency().getCurrencyCode().equals("USD")) {
                            sum = sum.add(l.unitPrice().amount().multiply(l.quantity()));
                        }
                    }
                }
            }
            return sum;
        }
    }

    /**
     * Customers with a random stage, tag, household size, consent and three purchases over 200 days.
     *
     * @param n how many
     * @param seed the seed
     * @return the subjects, evaluated at {@link #NOW}
     */
    static Subject[] population(int n, long seed) {
        Random random = new Random(seed);
        LifecycleStage[] stages = LifecycleStage.values();
        Subject[] out = new Subject[n];
        Money[] prices = new Money[100];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = Money.of(BigDecimal.valueOf(100 + i * 97L, 2), "USD");
        }
        for (int i = 0; i < n; i++) {
            CustomerId id = CustomerId.of("b-" + i);
            Customer.Builder b = Customer.builder().id(id).name(Name.person("Bench", "Customer"))
                    .lifecycleStage(stages[random.nextInt(stages.length)])
                    .tags(random.nextBoolean() ? Set.of("pet-owner") : Set.of("student"))
                    .putAttribute("household-size", AttributeValue.number(1 + random.nextInt(5)))
                    .createdAt(NOW.minus(Duration.ofDays(500)));
            if (random.nextInt(10) < 6) {
                b.consents(List.of(ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL,
                        NOW.minus(Duration.ofDays(100)), "web")));
            }
            Customer c = b.build();
            List<Touchpoint> buys = new ArrayList<>(3);
            for (int k = 0; k < 3; k++) {
                buys.add(Touchpoint.builder().id(TouchpointId.of("b-" + i + "-" + k)).customerId(id)
                        .occurredAt(NOW.minus(Duration.ofHours(random.nextInt(200 * 24)))).channel(Channel.COUNTER)
                        .direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                        .lineItems(List.of(LineItem.of("sku-" + k, "grocery", "store", 1 + random.nextInt(2),
                                prices[random.nextInt(prices.length)])))
                        .build());
            }
            out[i] = Subject.of(c, buys, NOW);
        }
        return out;
    }
}
