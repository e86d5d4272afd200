package org.crmkit.demo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.crmkit.core.CrmException;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.EnumNames;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.GroupedSummaries;
import org.crmkit.segmentation.value.LifetimeValueDeciles;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.ModifiedBgNbd;
import org.crmkit.segmentation.value.ParetoNbd;
import org.crmkit.segmentation.value.PurchaseModel;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.TransactionFiles;
import org.crmkit.segmentation.value.ValueScorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Fits a customer-value model to a transaction file and prints the fit as JSON on standard output, optionally
 * writing per-customer scores as CSV; messages go to standard error. Options are parsed strictly (picocli): an
 * unknown option or value is refused before any work. Run {@code FitValueModel --help} for the options.
 *
 * <p>Exit codes: 0 on success; 1 when the input cannot be read or fitted; 2 on bad usage; 3 when the fit did not
 * converge (the JSON is printed and says so; {@code --accept-unconverged} makes that a success).
 */
@Command(name = "FitValueModel", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fits BG/NBD, MBG/NBD or Pareto/NBD and Gamma-Gamma to a transaction file (CSV with a header naming "
                + "customer_id, date and amount, or the CDNOW whitespace format) and prints the fit as JSON.")
public final class FitValueModel implements Callable<Integer> {
    /** Exit code of a fit that did not converge and was not accepted. */
    public static final int NOT_CONVERGED = 3;
    /** The most customers a streamed (--sorted) run keeps for Gamma-Gamma and the deciles. */
    static final int SAMPLE = 1_000_000;

    /** The purchase models the command fits. */
    enum Model {
        BG_NBD, MBG_NBD, PARETO_NBD
    }

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the transaction file")
    private Path input;

    @Option(names = "--cutoff", required = true, paramLabel = "YYYY-MM-DD",
            description = "the end of the calibration period")
    private LocalDate cutoff;

    @Option(names = "--model", paramLabel = "bg-nbd|mbg-nbd|pareto-nbd", converter = ModelConverter.class,
            defaultValue = "bg-nbd", description = "the purchase model (default: ${DEFAULT-VALUE})")
    private Model model;

    @Option(names = "--unit", paramLabel = "weeks|days", converter = UnitConverter.class, defaultValue = "weeks",
            description = "the time unit of the summaries and the horizon (default: ${DEFAULT-VALUE})")
    private ChronoUnit unit;

    @Option(names = "--scores", paramLabel = "FILE.csv", description = "where to write per-customer scores")
    private Path scores;

    @Option(names = "--horizon", defaultValue = "52", description = "the horizon in units (default: ${DEFAULT-VALUE})")
    private double horizon;

    @Option(names = "--steps", defaultValue = "12", description = "discounting steps over the horizon "
            + "(default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--discount", defaultValue = "0.01", description = "discount rate per step "
            + "(default: ${DEFAULT-VALUE})")
    private double discount;

    @Option(names = "--sorted", description = "the file lists customers in ascending order of their ids (as "
            + "ORDER BY customer_id COLLATE \"C\" writes it): read twice in constant memory, for populations of any "
            + "size; Gamma-Gamma and the deciles then use a uniform sample of 1,000,000 customers")
    private boolean sorted;

    @Option(names = "--accept-unconverged", description = "exit 0 even when the fit did not converge")
    private boolean acceptUnconverged;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /**
     * Runs the command and exits with its code.
     *
     * @param args the arguments; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command, printing to the given streams.
     *
     * @param args the arguments
     * @param out where the JSON goes
     * @param err where messages go
     * @return the exit code: 0 on success, 1 on bad input, 2 on bad usage, 3 when the fit did not converge
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        FitValueModel command = new FitValueModel();
        command.out = out;
        command.err = err;
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(false)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        // Every value checked before any work: a bad horizon must not cost a fit and half an output.
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new ParameterException(spec.commandLine(), "--horizon must be a positive number: " + horizon);
        }
        if (steps < 1) {
            throw new ParameterException(spec.commandLine(), "--steps must be at least 1: " + steps);
        }
        if (!(discount >= 0) || Double.isInfinite(discount)) {
            throw new ParameterException(spec.commandLine(), "--discount must be zero or more: " + discount);
        }
        try {
            long started = System.nanoTime();
            Population population = sorted ? readSorted() : readAll();
            err.printf(Locale.ROOT, "read %d customers (%d distinct x, t_x, T) in %.1f s; fitting %s%n",
                    population.groups().customers(), population.groups().rows(), seconds(started), name(model));
            started = System.nanoTime();
            ModelFit<? extends PurchaseModel> fit = switch (model) {
                case BG_NBD -> BgNbd.fit(population.groups());
                case MBG_NBD -> ModifiedBgNbd.fit(population.groups());
                case PARETO_NBD -> ParetoNbd.fit(population.groups());
            };
            ModelFit<GammaGamma> spend = GammaGamma.fit(population.sample());
            err.printf(Locale.ROOT, "fitted in %.1f s%n", seconds(started));
            Map<String, Object> report = new LinkedHashMap<>();
            // Written as the interface so that the JSON names the model's type.
            report.put("model", CrmJson.mapper().readTree(
                    CrmJson.mapper().writerFor(PurchaseModel.class).writeValueAsString(fit.model())));
            report.put("standardErrors", fit.standardErrors());
            report.put("logLikelihood", fit.logLikelihood());
            report.put("iterations", fit.iterations());
            report.put("converged", fit.converged());
            report.put("customers", population.groups().customers());
            report.put("unit", EnumNames.of(unit));
            report.put("spend", spend.model());
            report.put("spendConverged", spend.converged());
            report.put("spendCustomers", population.sample().size());
            out.println(CrmJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            if (scores != null) {
                started = System.nanoTime();
                writeScores(scores, population, ValueScorer.of(fit.model(), spend.model(), horizon, steps, discount));
                err.printf(Locale.ROOT, "scores written to %s in %.1f s%n", scores, seconds(started));
            }
            if (!(fit.converged() && spend.converged()) && !acceptUnconverged) {
                err.println("the fit did not converge: its parameters are not estimates (use --accept-unconverged "
                        + "to keep them anyway)");
                return NOT_CONVERGED;
            }
            return 0;
        } catch (CrmException | UncheckedIOException e) {
            err.println("cannot fit: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot read or write: " + e.getMessage());
            return 1;
        }
    }

    /**
     * What the fits read: every customer's summary grouped, and the customers the spend model is fitted on and the
     * deciles are cut from (all of them, or a uniform sample when the file is streamed twice); and how to visit
     * every customer again to score them.
     */
    private record Population(GroupedSummaries groups, List<RepeatSummary> sample, CustomerSource customers) {
    }

    /** Visits every customer's summary in turn. */
    @FunctionalInterface
    private interface CustomerSource {
        void forEach(Consumer<RepeatSummary> sink) throws IOException;
    }

    /** Holds every customer's summary: a file in any order, as large as the heap allows. */
    private Population readAll() throws IOException {
        // Streamed: the summariser keeps purchase days per customer, never the transactions.
        RepeatSummary.Summariser summariser = RepeatSummary.summariser(cutoff, unit);
        TransactionFiles.forEach(input, summariser);
        List<RepeatSummary> data = summariser.summaries();
        return new Population(GroupedSummaries.of(data), data, data::forEach);
    }

    /**
     * Reads a file ordered by customer in constant memory: each customer is summarised when the next one begins,
     * and kept only as a count of their (x, t_x, T) row and, by reservoir sampling, in a uniform sample of at most
     * {@value #SAMPLE} customers, on which Gamma-Gamma is fitted (its likelihood does not collapse into rows) and
     * the deciles are cut. Scores need a second pass over the file.
     */
    private Population readSorted() throws IOException {
        GroupedSummaries.Builder groups = GroupedSummaries.builder();
        List<RepeatSummary> sample = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SAMPLE);
        long[] seen = new long[1];
        CustomerSource customers = this::forEachSorted;
        customers.forEach(s -> {
            groups.add(s);
            long k = seen[0]++;
            if (k < SAMPLE) {
                sample.add(s);
            } else {
                long slot = random.nextLong(k + 1);
                if (slot < SAMPLE) {
                    sample.set((int) slot, s);
                }
            }
        });
        return new Population(groups.build(), List.copyOf(sample), customers);
    }

    /** Streams a file ordered by customer id, one summary per customer, refusing a customer out of order. */
    private void forEachSorted(Consumer<RepeatSummary> sink) throws IOException {
        String[] last = new String[1];
        RepeatSummary.Summariser[] current = new RepeatSummary.Summariser[1];
        TransactionFiles.forEach(input, t -> {
            String id = t.customerId().value();
            if (!id.equals(last[0])) {
                if (last[0] != null && id.compareTo(last[0]) < 0) {
                    throw new CrmException("--sorted needs the file ordered by customer id, but " + id
                            + " comes after " + last[0]);
                }
                if (current[0] != null) {
                    current[0].summaries().forEach(sink);
                }
                current[0] = RepeatSummary.summariser(cutoff, unit);
                last[0] = id;
            }
            current[0].accept(t);
        });
        if (current[0] != null) {
            current[0].summaries().forEach(sink);
        }
    }

    private void writeScores(Path file, Population population, ValueScorer scorer) throws IOException {
        List<CustomerValue> sampled = scorer.scoreAll(population.sample());
        LifetimeValueDeciles deciles = LifetimeValueDeciles.of(sampled.stream()
                .mapToDouble(CustomerValue::lifetimeValue).toArray());
        // Held in memory, the sample is every customer, already scored together (sharing the model's series).
        boolean everyone = population.sample().size() == population.groups().customers();
        Iterator<CustomerValue> scored = sampled.iterator();
        // Written beside the target and moved over it when complete: a run that dies leaves no half a file.
        Path absolute = file.toAbsolutePath();
        Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
        try {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                w.println("customer_id,x,t_x,T,p_alive,expected_purchases,clv,clv_decile");
                population.customers().forEach(s -> {
                    CustomerValue v = everyone ? scored.next() : scorer.score(s);
                    w.printf(Locale.ROOT, "%s,%d,%.4f,%.4f,%.6f,%.6f,%.2f,%d%n", s.customerId(), s.x(), s.tx(),
                            s.age(), v.probabilityAlive(), v.expectedPurchases(), v.lifetimeValue(),
                            deciles.decileOf(v.lifetimeValue()));
                });
                if (w.checkError()) {
                    throw new IOException("cannot write " + partial);
                }
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String name(Model m) {
        return EnumNames.of(m);
    }

    /** {@code bg-nbd}, {@code mbg-nbd} and {@code pareto-nbd}, as written in the JSON. */
    static final class ModelConverter implements CommandLine.ITypeConverter<Model> {
        @Override
        public Model convert(String value) {
            for (Model m : Model.values()) {
                if (name(m).equals(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("expected bg-nbd, mbg-nbd or pareto-nbd: " + value);
        }
    }

    /** {@code weeks} or {@code days}. */
    static final class UnitConverter implements CommandLine.ITypeConverter<ChronoUnit> {
        @Override
        public ChronoUnit convert(String value) {
            return switch (value) {
                case "weeks" -> ChronoUnit.WEEKS;
                case "days" -> ChronoUnit.DAYS;
                default -> throw new CommandLine.TypeConversionException("expected weeks or days: " + value);
            };
        }
    }
}
