package org.crmkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Keeps the JDBC ledger benchmark honest: each operation stores what it claims, on H2. */
class JdbcLedgerBenchmarkTest {
    @Test
    void eachOperationStoresWhatItCounts() throws SQLException {
        JdbcLedgerBenchmark bench = new JdbcLedgerBenchmark();
        bench.database = "h2";
        bench.setUp();
        try {
            assertEquals(1, bench.post().sequence(), "a member's first entry");
            assertEquals(1, bench.plainInsert());
            assertEquals(100, bench.postAll().entries().size());
            assertEquals(100, bench.plainBatch().length);
        } finally {
            bench.tearDown();
        }
    }
}
