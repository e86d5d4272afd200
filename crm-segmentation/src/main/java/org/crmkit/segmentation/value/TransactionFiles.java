package org.crmkit.segmentation.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.RuleViolationException;

/**
 * Reads transaction files for the value models: CSV (RFC 4180, with Jackson's CSV module, streamed: quoted fields,
 * commas and quotes inside them) whose header names the columns customer id ({@code customer_id}, {@code customer} or
 * {@code id}), {@code date} and {@code amount} in any order, or without a header the columns id, date, amount in
 * that order; or the CDNOW whitespace format (sample file: master id, sample id, {@code yyyymmdd}, CDs, dollars,
 * where the sample id is used; master file: id, {@code yyyymmdd}, CDs, dollars, with or without a header). Dates
 * are {@code 2026-01-31} or {@code 20260131}.
 */
public final class TransactionFiles {
    private static final List<String> ID_COLUMNS = List.of("customer_id", "customer", "id", "customer id");
    private static final TypeReference<List<String>> LIST_OF_TEXT = new TypeReference<>() { };

    private TransactionFiles() {
    }

    /**
     * Reads a file, choosing the format by its first line: a comma means CSV.
     *
     * @param file the file
     * @return the transactions, in file order
     * @throws IOException when the file cannot be read
     * @throws InvalidDefinitionException when a record cannot be read, naming the file and line
     */
    public static List<Transaction> read(Path file) throws IOException {
        List<Transaction> out = new ArrayList<>();
        forEach(file, out::add);
        return out;
    }

    /**
     * Reads a file as {@link #read} does, handing each transaction to {@code sink} in file order instead of keeping
     * them: a file of any size is read in constant memory.
     *
     * @param file the file
     * @param sink what receives each transaction, such as a {@link RepeatSummary.Summariser}
     * @throws IOException when the file cannot be read
     * @throws InvalidDefinitionException when a record cannot be read, naming the file and line
     */
    public static void forEach(Path file, Consumer<? super Transaction> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        if (first == null) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (first.contains(",")) {
                csv(file, in, first, sink);
            } else {
                whitespace(file, in, sink);
            }
        }
    }

    private static void csv(Path file, Reader in, String first, Consumer<? super Transaction> out) {
        boolean header = !startsWithNumberInLastField(first);
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY)
                .enable(CsvReadFeature.TRIM_SPACES).enable(CsvReadFeature.SKIP_EMPTY_LINES).build();
        try (MappingIterator<List<String>> rows = mapper.readerFor(LIST_OF_TEXT).readValues(in)) {
            int id = 0;
            int date = 1;
            int amount = 2;
            if (header && rows.hasNext()) {
                Map<String, Integer> columns = new TreeMap<>();
                List<String> names = rows.next();
                for (int i = 0; i < names.size(); i++) {
                    columns.put(names.get(i).toLowerCase(Locale.ROOT), i);
                }
                id = column(file, columns, ID_COLUMNS);
                date = column(file, columns, List.of("date"));
                amount = column(file, columns, List.of("amount"));
            }
            while (rows.hasNext()) {
                // Where the parser stands before the row is where the row starts; after it, the next one.
                int line = rows.currentLocation().getLineNr();
                List<String> row = rows.next();
                try {
                    out.accept(new Transaction(CustomerId.of(row.get(id)), date(row.get(date)),
                            new BigDecimal(row.get(amount))));
                } catch (NumberFormatException | DateTimeParseException | IndexOutOfBoundsException
                         | RuleViolationException e) {
                    throw new InvalidDefinitionException(file.getFileName() + ":" + line,
                            String.valueOf(e.getMessage()), null);
                }
            }
        } catch (JacksonException e) {
            throw new InvalidDefinitionException(String.valueOf(file.getFileName()), "not valid CSV: "
                    + e.getMessage(), null);
        }
    }

    private static int column(Path file, Map<String, Integer> columns, List<String> names) {
        for (String n : names) {
            Integer i = columns.get(n);
            if (i != null) {
                return i;
            }
        }
        throw new InvalidDefinitionException(file.getFileName() + ":1", "the header must name a column "
                + String.join(" or ", names) + ": it has " + columns.keySet(), null);
    }

    private static boolean startsWithNumberInLastField(String line) {
        String[] f = line.split(",");
        String last = f[f.length - 1].strip();
        return !last.isEmpty() && (Character.isDigit(last.charAt(0)) || last.charAt(0) == '-');
    }

    private static void whitespace(Path file, BufferedReader in, Consumer<? super Transaction> out)
            throws IOException {
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (number == 1 && !Character.isDigit(f[f.length - 1].charAt(0))) {
                continue; // a header
            }
            try {
                out.accept(switch (f.length) {
                    case 3 -> new Transaction(CustomerId.of(f[0]), date(f[1]), new BigDecimal(f[2]));
                    case 4 -> new Transaction(CustomerId.of(f[0]), date(f[1]), new BigDecimal(f[3]));
                    case 5 -> new Transaction(CustomerId.of(String.valueOf(Integer.parseInt(f[1]))), date(f[2]),
                            new BigDecimal(f[4]));
                    default -> throw new NumberFormatException("expected 3, 4 or 5 fields, found " + f.length);
                });
            } catch (NumberFormatException | DateTimeParseException | RuleViolationException e) {
                throw new InvalidDefinitionException(file.getFileName() + ":" + number, e.getMessage(), null);
            }
        }
    }

    private static LocalDate date(String text) {
        return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
    }
}
