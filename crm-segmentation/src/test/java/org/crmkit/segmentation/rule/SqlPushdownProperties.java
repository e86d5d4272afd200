package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.Customer;

/**
 * The differential test of SQL pushdown: random rules over stored facts select the same customers from an H2
 * table as the compiled rule selects in memory.
 */
class SqlPushdownProperties {
    static final SqlPushdown PUSHDOWN = SqlPushdown.builder(Population.CATALOG, "c.id")
            .column(Facts.kind(), "c.kind")
            .column(Facts.lifecycleStage(), "c.lifecycle_stage")
            .column(Facts.attribute("household-size"), "c.household_size")
            .column(Facts.attribute("region"), "c.region")
            .column(Facts.attribute("has-car"), "c.has_car")
            .setTable(Facts.tags(), "customer_tags", "customer_id", "tag")
            .build();

    private static Connection db;

    @BeforeContainer
    static void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:pushdown;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE customers (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(16) NOT NULL, "
                    + "lifecycle_stage VARCHAR(16) NOT NULL, household_size DECIMAL(20, 4), region VARCHAR(64), "
                    + "has_car BOOLEAN)");
            s.execute("CREATE TABLE customer_tags (customer_id VARCHAR(64) NOT NULL, tag VARCHAR(64) NOT NULL, "
                    + "PRIMARY KEY (customer_id, tag))");
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        db.close();
    }

    @Provide
    Arbitrary<Condition> rules() {
        return Population.storedConditions();
    }

    @Provide
    Arbitrary<List<Subject>> customers() {
        return Population.subjects().list().ofMinSize(1).ofMaxSize(15).uniqueElements(s -> s.customer().id());
    }

    @Property(tries = 300)
    void sqlSelectsWhatTheRuleSelects(@ForAll("rules") Condition rule, @ForAll("customers") List<Subject> customers)
            throws SQLException {
        load(customers);
        Rule compiled = Population.CATALOG.compile(rule);
        Set<String> inMemory = new TreeSet<>();
        customers.stream().filter(compiled).forEach(s -> inMemory.add(s.customer().id().value()));

        SqlPredicate where = PUSHDOWN.translate(rule, customers.get(0).at());
        assertTrue(where.parameters().stream().allMatch(p -> p instanceof String || p instanceof BigDecimal
                || p instanceof Boolean), where::toString);
        Set<String> inSql = new TreeSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT c.id FROM customers c WHERE " + where.sql())) {
            for (int i = 0; i < where.parameters().size(); i++) {
                q.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    inSql.add(rs.getString(1));
                }
            }
        }
        assertEquals(inMemory, inSql, () -> rule + "\n" + where);
    }

    private static void load(List<Subject> customers) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM customer_tags");
            s.execute("DELETE FROM customers");
        }
        try (PreparedStatement row = db.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement tag = db.prepareStatement("INSERT INTO customer_tags VALUES (?, ?)")) {
            for (Subject subject : customers) {
                Customer c = subject.customer();
                row.setString(1, c.id().value());
                row.setString(2, Population.lower(c.kind().name()));
                row.setString(3, Population.lower(c.lifecycleStage().name()));
                AttributeValue size = c.attributes().get("household-size");
                row.setObject(4, size == null ? null : size.raw(), Types.DECIMAL);
                AttributeValue region = c.attributes().get("region");
                row.setObject(5, region == null ? null : region.raw(), Types.VARCHAR);
                AttributeValue car = c.attributes().get("has-car");
                row.setObject(6, car == null ? null : car.raw(), Types.BOOLEAN);
                row.executeUpdate();
                for (String t : c.tags()) {
                    tag.setString(1, c.id().value());
                    tag.setString(2, t);
                    tag.executeUpdate();
                }
            }
        }
    }
}
