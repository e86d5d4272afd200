package org.crmkit.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.TransactionFiles;

/**
 * Writes the CDNOW sample's and cohort's summaries grouped by (x, tx, T), as {@code ValueModelBenchmark} fits them,
 * for the scipy baseline ({@code scipy/bgnbd_fit.py}) to fit the same rows. Numbers are written so that they read
 * back exactly.
 *
 * <pre>java -cp crm-examples/benchmarks/target/benchmarks.jar org.crmkit.benchmarks.ValueRows OUT_DIR [DATA_DIR]</pre>
 */
public final class ValueRows {
    private ValueRows() {
    }

    /**
     * Writes {@code sample.csv} and {@code cohort.csv}.
     *
     * @param args the output folder, and optionally the CDNOW folder (default {@code ../shared/data/cdnow})
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/cdnow");
        Files.createDirectories(out);
        LocalDate cutoff = LocalDate.of(1997, 9, 30);
        write(out.resolve("sample.csv"), RepeatSummary.of(TransactionFiles.read(data.resolve("CDNOW_sample.txt")),
                cutoff, ChronoUnit.WEEKS));
        write(out.resolve("cohort.csv"), RepeatSummary.of(TransactionFiles.read(data.resolve("CDNOW_master.txt")),
                cutoff, ChronoUnit.WEEKS));
    }

    private static void write(Path file, List<RepeatSummary> summaries) throws IOException {
        Map<List<Object>, long[]> groups = new LinkedHashMap<>();
        for (RepeatSummary s : summaries) {
            groups.computeIfAbsent(List.of(s.x(), s.tx(), s.age()), k -> new long[1])[0]++;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("x,tx,T,count");
            groups.forEach((k, n) -> w.println(k.get(0) + "," + k.get(1) + "," + k.get(2) + "," + n[0]));
        }
    }
}
