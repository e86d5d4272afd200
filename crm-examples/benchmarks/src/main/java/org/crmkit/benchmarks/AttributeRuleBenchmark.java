package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactTable;
import org.crmkit.segmentation.rule.FactType;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.Subject;
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

/**
 * A plainer shape than {@link RuleBenchmark}'s, as a new user writes it: four conditions over typed custom
 * attributes ({@code orders >= 3}, {@code total-spend > 100}, {@code days-since-last-order <= 180},
 * {@code tier != "BRONZE"}) over 23,570 customers (the size of the CDNOW cohort). crmkit's compiled rule over each
 * customer's {@link Subject}, and over a {@link FactTable} built once; beside the same checks written by hand over
 * a plain Java object's primitive fields, and in MVEL and SpEL (compiled) over those same plain objects, the shape
 * the engines read fastest. One operation is one pass over all customers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
public class AttributeRuleBenchmark {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    /** How many customers. */
    @Param("23570")
    public int customers;

    private Subject[] subjects;
    private Plain[] plain;
    private Rule rule;
    private FactTable table;
    private Expression spel;
    private StandardEvaluationContext spelContext;
    private java.io.Serializable mvel;

    /** The customer as a hand-written program holds it: primitive fields and an enum. */
    public static final class Plain {
        /** Orders placed. */
        public final int orders;
        /** Total spend. */
        public final double totalSpend;
        /** Days since the last order. */
        public final int daysSinceLastOrder;
        /** The tier. */
        public final Tier tier;

        Plain(int orders, double totalSpend, int daysSinceLastOrder, Tier tier) {
            this.orders = orders;
            this.totalSpend = totalSpend;
            this.daysSinceLastOrder = daysSinceLastOrder;
            this.tier = tier;
        }

        /** {@return a customer drawn at random} @param random the source */
        static Plain random(Random random) {
            return new Plain(random.nextInt(8), random.nextInt(40_000) / 100.0, random.nextInt(400),
                    Tier.values()[random.nextInt(3)]);
        }

        /** {@return the rule, written by hand} */
        boolean selected() {
            return orders >= 3 && totalSpend > 100 && daysSinceLastOrder <= 180 && tier != Tier.BRONZE;
        }
    }

    /** The tiers. */
    public enum Tier { BRONZE, SILVER, GOLD }

    /** The catalog declaring the attributes. */
    static final FactCatalog CATALOG = FactCatalog.builder().attribute("orders", FactType.NUMBER)
            .attribute("total-spend", FactType.NUMBER).attribute("days-since-last-order", FactType.NUMBER)
            .attribute("tier", FactType.TEXT).build();

    /** {@return the rule, in crmkit's builder} */
    static Condition condition() {
        return Condition.all(Facts.attribute("orders").atLeast(3),
                Facts.attribute("total-spend").test(org.crmkit.segmentation.rule.Operator.GT,
                        AttributeValue.number(100)),
                Facts.attribute("days-since-last-order").atMost(180),
                Facts.attribute("tier").ne("BRONZE"));
    }

    /**
     * The same customer as a profile with typed custom attributes.
     *
     * @param i its number
     * @param p its values
     * @return the subject, at {@link #NOW}
     */
    static Subject subject(int i, Plain p) {
        Customer c = Customer.builder().id(CustomerId.of("a-" + i)).name(Name.person("Bench", "Customer"))
                .createdAt(NOW).putAttribute("orders", AttributeValue.number(p.orders))
                .putAttribute("total-spend", AttributeValue.number(BigDecimal.valueOf(Math.round(p.totalSpend * 100),
                        2)))
                .putAttribute("days-since-last-order", AttributeValue.number(p.daysSinceLastOrder))
                .putAttribute("tier", AttributeValue.text(p.tier.name())).build();
        return Subject.of(c, java.util.List.of(), NOW);
    }

    /** Builds the customers both ways and compiles the rule in every engine. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(23);
        subjects = new Subject[customers];
        plain = new Plain[customers];
        for (int i = 0; i < customers; i++) {
            plain[i] = Plain.random(random);
            subjects[i] = subject(i, plain[i]);
        }
        rule = CATALOG.compile(condition());
        FactTable.Builder b = FactTable.builder(CATALOG, condition());
        for (Subject s : subjects) {
            b.add(s);
        }
        table = b.build();
        mvel = MVEL.compileExpression("orders >= 3 && totalSpend > 100 && daysSinceLastOrder <= 180"
                + " && tier.name() != 'BRONZE'");
        spel = new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.IMMEDIATE,
                AttributeRuleBenchmark.class.getClassLoader())).parseExpression(
                "orders >= 3 and totalSpend > 100 and daysSinceLastOrder <= 180 and tier.name() != 'BRONZE'");
        spelContext = new StandardEvaluationContext();
        long expected = handWritten();
        if (crmkit() != expected || crmkitColumnar() != expected || mvelCompiled() != expected
                || spelCompiled() != expected) {
            throw new IllegalStateException("engines disagree on the selection: " + expected + " " + crmkit() + " "
                    + crmkitColumnar() + " " + mvelCompiled() + " " + spelCompiled());
        }
    }

    /** {@return how many customers the hand-written predicate over primitive fields selects} */
    @Benchmark
    public long handWritten() {
        long n = 0;
        for (Plain p : plain) {
            if (p.selected()) {
                n++;
            }
        }
        return n;
    }

    /** {@return how many customers crmkit's compiled rule selects, customer by customer} */
    @Benchmark
    public long crmkit() {
        return RuleBenchmark.count(rule, subjects);
    }

    /** {@return how many customers the rule selects over the columns} */
    @Benchmark
    public long crmkitColumnar() {
        return table.select(rule).cardinality();
    }

    /** {@return how many customers compiled MVEL selects over the plain objects} */
    @Benchmark
    public long mvelCompiled() {
        long n = 0;
        Map<String, Object> none = new HashMap<>();
        for (Plain p : plain) {
            if (Boolean.TRUE.equals(MVEL.executeExpression(mvel, p, none))) {
                n++;
            }
        }
        return n;
    }

    /** {@return how many customers SpEL in compiled mode selects over the plain objects} */
    @Benchmark
    public long spelCompiled() {
        long n = 0;
        for (Plain p : plain) {
            if (Boolean.TRUE.equals(spel.getValue(spelContext, p, Boolean.class))) {
                n++;
            }
        }
        return n;
    }
}
