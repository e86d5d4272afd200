package org.crmkit.core.unify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;

/**
 * Finds the profiles that describe one customer among scattered records (C10), as record-linkage tools do: blocking
 * rules put forward candidate pairs (profiles sharing an email, a phone, a name, a birth date with an initial, or a
 * postal code with the start of a name), so that a million profiles never compare all pairs; each pair is compared
 * field by field ({@link MatchField}, {@link Agreement}); a Fellegi-Sunter {@link MatchModel} estimated from the
 * profiles themselves by expectation-maximisation turns the comparisons into a match probability; pairs at or above
 * the merge threshold are advised to merge (unless they are a household or namesakes, see {@link MatchDecision}),
 * those between the review and merge thresholds to review, and every
 * decision can be explained field by field ({@link #explain}). Immutable and thread-safe; scoring uses the common
 * fork-join pool.
 */
public final class IdentityResolver {
    /** The default probability at or above which a pair is advised to merge. */
    public static final double DEFAULT_MERGE_AT = 0.95;
    /** The default probability at or above which a pair not merged is advised for review. */
    public static final double DEFAULT_REVIEW_AT = 0.5;
    /** The default number of profiles above which a block is left out. */
    public static final int DEFAULT_MAX_BLOCK = 1_000;

    private static final int MAX_ROUNDS = 500;
    private static final int RANDOM_PAIRS = 200_000;
    private static final double FLOOR = 1e-6;
    private static final HashFunction KEYS = Hashing.farmHashFingerprint64();

    private final double mergeAt;
    private final double reviewAt;
    private final int maxBlock;
    private final Map<String, String> nicknames;
    private final List<String> identifiers;

    private IdentityResolver(Builder b) {
        this.mergeAt = b.mergeAt;
        this.reviewAt = b.reviewAt;
        this.maxBlock = b.maxBlock;
        this.nicknames = Map.copyOf(b.nicknames);
        this.identifiers = List.copyOf(b.identifiers);
    }

    /** {@return a resolver with the default thresholds and nicknames} */
    public static IdentityResolver create() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Estimates a model from the profiles and scores every candidate pair with it.
     *
     * @param profiles the profiles, each id once
     * @return the pairs to merge and to review, the clusters the merges make, and the model
     * @throws RuleViolationException when an id occurs twice
     */
    public Resolution resolve(Collection<Customer> profiles) {
        List<Customer> list = Checks.list("profiles", profiles);
        Set<CustomerId> ids = new HashSet<>(list.size() * 2);
        for (Customer c : list) {
            if (!ids.add(c.id())) {
                throw new RuleViolationException("profiles must have distinct ids: " + c.id() + " occurs twice");
            }
        }
        int n = list.size();
        MatchRecord[] records = new MatchRecord[n];
        IntStream.range(0, n).parallel().forEach(i -> records[i] = MatchRecord.of(list.get(i), nicknames, identifiers));
        long[] oversized = new long[1];
        long[] pairs = candidatePairs(records, oversized);
        int[] patterns = new int[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(k -> {
            pairs[k] = inIdOrder(list, pairs[k]);
            patterns[k] = pattern(records, pairs[k]);
        });
        MatchModel model = estimate(records, patterns);
        List<CandidateMatch> matches = score(list, records, pairs, patterns, model);
        return new Resolution(model, matches, clusters(list, matches), n, pairs.length, oversized[0]);
    }

    /**
     * Explains how a model scores a pair of profiles, field by field.
     *
     * @param left one profile
     * @param right the other
     * @param model a model, such as the one {@link #resolve} estimated
     * @return the evidence, the total and the advice at this resolver's thresholds
     */
    public MatchExplanation explain(Customer left, Customer right, MatchModel model) {
        Checks.notNull("left", left);
        Checks.notNull("right", right);
        Checks.notNull("model", model);
        // Compared in id order, as resolve does, so that the answer does not depend on the order asked.
        boolean inOrder = left.id().value().compareTo(right.id().value()) <= 0;
        MatchRecord a = MatchRecord.of(inOrder ? left : right, nicknames, identifiers);
        MatchRecord b = MatchRecord.of(inOrder ? right : left, nicknames, identifiers);
        boolean swapped = MatchRecord.swapped(a, b);
        int[] levels = new int[MatchRecord.FIELDS];
        MatchRecord.compare(a, b, swapped, levels);
        List<FieldEvidence> fields = new ArrayList<>(levels.length);
        double total = model.priorWeight();
        for (MatchField f : MatchField.values()) {
            int level = levels[f.ordinal()];
            if (level == MatchRecord.MISSING) {
                fields.add(new FieldEvidence(f, java.util.Optional.empty(), 0, 0, 0));
                continue;
            }
            Agreement agreement = Agreement.values()[level];
            double w = model.weight(f.ordinal(), level, a, swapped);
            total += w;
            fields.add(new FieldEvidence(f, java.util.Optional.of(agreement), model.m(f, agreement),
                    model.u(f.ordinal(), level, a, swapped), w));
        }
        double p = probability(total);
        return new MatchExplanation(left.id(), right.id(), model.priorWeight(), fields, swapped, total, p,
                decide(p, levels));
    }

    /**
     * The advice for a probability. Three kinds of pair are never merged unreviewed, however probable the model
     * finds them, since their fields are not the independent evidence the model assumes: a household (one family
     * name, given names that differ outright, with an address, a landline or a car shared), namesakes (nothing but
     * the names agreeing: among a million profiles many people share a name), and a thing handed on (both names
     * differ and only an identifier agrees: a car sold to its next owner).
     */
    private MatchDecision decide(double p, int[] levels) {
        boolean household = levels[MatchField.GIVEN_NAME.ordinal()] == Agreement.DIFFERENT.ordinal()
                && levels[MatchField.FAMILY_NAME.ordinal()] <= Agreement.CLOSE.ordinal();
        boolean namesDiffer = levels[MatchField.GIVEN_NAME.ordinal()] == Agreement.DIFFERENT.ordinal()
                && levels[MatchField.FAMILY_NAME.ordinal()] == Agreement.DIFFERENT.ordinal();
        boolean beyondNames = false;
        boolean beyondIdentifier = false;
        for (MatchField f : MatchField.values()) {
            if (f != MatchField.GIVEN_NAME && f != MatchField.FAMILY_NAME
                    && levels[f.ordinal()] <= Agreement.CLOSE.ordinal()) {
                beyondNames = true;
                beyondIdentifier |= f != MatchField.IDENTIFIER;
            }
        }
        boolean handedOn = namesDiffer && !beyondIdentifier;
        if (p >= mergeAt && !household && beyondNames && !handedOn) {
            return MatchDecision.MERGE;
        }
        return p >= reviewAt ? MatchDecision.REVIEW : MatchDecision.KEEP_APART;
    }

    private static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    /**
     * The pairs of records sharing a blocking key, each once, as {@code i << 32 | j} with {@code i < j}.
     * Keys are hashed to 64 bits and packed with the record's index, so that blocks are runs of one sorted array.
     */
    private long[] candidatePairs(MatchRecord[] records, long[] oversized) {
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(records.length));
        long indexMask = (1L << indexBits) - 1;
        long[][] perRecord = new long[records.length][];
        IntStream.range(0, records.length).parallel().forEach(i -> {
            List<String> keys = records[i].blockingKeys();
            long[] packed = new long[keys.size()];
            for (int k = 0; k < packed.length; k++) {
                long h = KEYS.hashString(keys.get(k), StandardCharsets.UTF_8).asLong();
                packed[k] = (h << indexBits) | i; // the hash's top bits, then the index
            }
            perRecord[i] = packed;
        });
        int total = 0;
        for (long[] p : perRecord) {
            total += p.length;
        }
        long[] keyed = new long[total];
        int at = 0;
        for (long[] p : perRecord) {
            System.arraycopy(p, 0, keyed, at, p.length);
            at += p.length;
        }
        Arrays.parallelSort(keyed);
        LongArray pairs = new LongArray();
        int start = 0;
        while (start < keyed.length) {
            long key = keyed[start] >>> indexBits;
            int end = start + 1;
            while (end < keyed.length && keyed[end] >>> indexBits == key) {
                end++;
            }
            if (end - start > maxBlock) {
                oversized[0]++;
            } else {
                for (int x = start; x < end; x++) {
                    for (int y = x + 1; y < end; y++) {
                        long i = keyed[x] & indexMask;
                        long j = keyed[y] & indexMask;
                        if (i != j) {
                            pairs.add(Math.min(i, j) << 32 | Math.max(i, j));
                        }
                    }
                }
            }
            start = end;
        }
        return pairs.sortedDistinct();
    }

    /**
     * The pair with the profile first in id order first, as {@link #explain} compares them, so that a pair's
     * comparison and score do not depend on where its profiles stood in the input.
     */
    private static long inIdOrder(List<Customer> list, long pair) {
        int i = (int) (pair >>> 32);
        int j = (int) pair;
        return list.get(i).id().value().compareTo(list.get(j).id().value()) <= 0 ? pair : (long) j << 32 | i;
    }

    private static int pattern(MatchRecord[] records, long pair) {
        MatchRecord a = records[(int) (pair >>> 32)];
        MatchRecord b = records[(int) pair];
        int[] levels = new int[MatchRecord.FIELDS];
        MatchRecord.compare(a, b, MatchRecord.swapped(a, b), levels);
        return encode(levels);
    }

    private static int encode(int[] levels) {
        int code = 0;
        for (int l : levels) {
            code = code * (MatchRecord.MISSING + 1) + l;
        }
        return code;
    }

    private static int level(int code, int field) {
        int base = MatchRecord.MISSING + 1;
        for (int f = MatchRecord.FIELDS - 1; f > field; f--) {
            code /= base;
        }
        return code % base;
    }

    /**
     * Fellegi-Sunter estimation as record-linkage tools do it: {@code u} measured on random pairs (nearly all of
     * which do not match) and kept; {@code m} by expectation-maximisation in sessions, each over the candidate
     * pairs that agree on some fields (the same name; the same birth date; the same email or phone) and estimating
     * only the other fields, since within a session the fields it selects on say nothing about matching; each
     * field's {@code m} is the mean of the sessions that estimated it. The prior for any two profiles is the
     * expected matches among all candidates over all pairs.
     */
    private static MatchModel estimate(MatchRecord[] records, int[] patterns) {
        int fields = MatchRecord.FIELDS;
        double[][] u = randomPairAgreement(records);
        Patterns all = Patterns.of(patterns, code -> true);
        int exact = Agreement.EXACT.ordinal();
        int given = MatchField.GIVEN_NAME.ordinal();
        int family = MatchField.FAMILY_NAME.ordinal();
        int birth = MatchField.BIRTH_DATE.ordinal();
        int email = MatchField.EMAIL.ordinal();
        int phone = MatchField.PHONE.ordinal();
        List<Session> sessions = List.of(
                new Session(Set.of(given, family), code -> level(code, given) <= Agreement.CLOSE.ordinal()
                        && level(code, family) == exact),
                new Session(Set.of(birth), code -> level(code, birth) == exact),
                new Session(Set.of(email, phone), code -> level(code, email) == exact || level(code, phone) == exact));
        double[][] mSum = new double[fields][MatchRecord.MISSING];
        int[] estimates = new int[fields];
        int rounds = 0;
        boolean settled = true;
        for (Session session : sessions) {
            Patterns selected = Patterns.of(patterns, session.selects);
            if (selected.distinct() == 0) {
                continue;
            }
            double[][] m = startingM();
            Fit fit = em(selected, m, u, session.fields);
            rounds += fit.rounds;
            settled &= fit.settled;
            for (int f = 0; f < fields; f++) {
                if (!session.fields.contains(f)) {
                    for (int l = 0; l < MatchRecord.MISSING; l++) {
                        mSum[f][l] += m[f][l];
                    }
                    estimates[f]++;
                }
            }
        }
        double[][] m = startingM();
        for (int f = 0; f < fields; f++) {
            if (estimates[f] > 0) {
                for (int l = 0; l < MatchRecord.MISSING; l++) {
                    m[f][l] = mSum[f][l] / estimates[f];
                }
            }
        }
        double share = all.distinct() == 0 ? 0 : all.matchShare(m, u, 0.5);
        double allPairs = (double) records.length * (records.length - 1) / 2;
        double prior = clamp(share * patterns.length / Math.max(1, allPairs));
        return new MatchModel(prior, m, u, frequencies(records, true), frequencies(records, false), rounds,
                settled && patterns.length > 0);
    }

    /** Candidate pairs selected by a predicate on their pattern, whose fields are then left out of its estimate. */
    private record Session(Set<Integer> fields, java.util.function.IntPredicate selects) {
    }

    private record Fit(int rounds, boolean settled) {
    }

    private static double[][] startingM() {
        double[][] m = new double[MatchRecord.FIELDS][MatchRecord.MISSING];
        for (double[] row : m) {
            row[Agreement.EXACT.ordinal()] = 0.85;
            row[Agreement.CLOSE.ordinal()] = 0.08;
            row[Agreement.PARTIAL.ordinal()] = 0.04;
            row[Agreement.DIFFERENT.ordinal()] = 0.03;
        }
        return m;
    }

    /** Estimates {@code m} (in place) for the fields not left out, and the share of matches, with {@code u} kept. */
    private static Fit em(Patterns patterns, double[][] m, double[][] u, Set<Integer> leftOut) {
        double share = 0.5;
        int rounds = 0;
        boolean settled = false;
        while (!settled && rounds < MAX_ROUNDS) {
            rounds++;
            double[][] sums = new double[MatchRecord.FIELDS][MatchRecord.MISSING];
            double matched = 0;
            double total = 0;
            for (int p = 0; p < patterns.distinct(); p++) {
                int[] levels = patterns.levels[p];
                double posterior = posterior(levels, m, u, share, leftOut);
                double w = patterns.counts[p];
                matched += posterior * w;
                total += w;
                for (int f = 0; f < levels.length; f++) {
                    if (levels[f] != MatchRecord.MISSING && !leftOut.contains(f)) {
                        sums[f][levels[f]] += posterior * w;
                    }
                }
            }
            double next = clamp(matched / total);
            double change = Math.abs(next - share);
            share = next;
            for (int f = 0; f < MatchRecord.FIELDS; f++) {
                if (!leftOut.contains(f)) {
                    change = Math.max(change, normalise(sums[f], m[f]));
                }
            }
            settled = change < 1e-6;
        }
        return new Fit(rounds, settled);
    }

    private static double posterior(int[] levels, double[][] m, double[][] u, double share, Set<Integer> leftOut) {
        double logM = Math.log(share);
        double logU = Math.log(1 - share);
        for (int f = 0; f < levels.length; f++) {
            int l = levels[f];
            if (l != MatchRecord.MISSING && !leftOut.contains(f)) {
                logM += Math.log(m[f][l]);
                logU += Math.log(u[f][l]);
            }
        }
        return 1 / (1 + Math.exp(logU - logM));
    }

    /** Distinct comparison patterns with how many pairs show each. */
    private static final class Patterns {
        final int[][] levels;
        final double[] counts;

        private Patterns(int[][] levels, double[] counts) {
            this.levels = levels;
            this.counts = counts;
        }

        static Patterns of(int[] patterns, java.util.function.IntPredicate selects) {
            Map<Integer, Long> counts = new HashMap<>();
            for (int p : patterns) {
                if (selects.test(p)) {
                    counts.merge(p, 1L, Long::sum);
                }
            }
            int[][] levels = new int[counts.size()][];
            double[] n = new double[counts.size()];
            int k = 0;
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                levels[k] = new int[MatchRecord.FIELDS];
                for (int f = 0; f < MatchRecord.FIELDS; f++) {
                    levels[k][f] = level(e.getKey(), f);
                }
                n[k++] = e.getValue();
            }
            return new Patterns(levels, n);
        }

        int distinct() {
            return counts.length;
        }

        /** The share of these pairs that match under {@code m} and {@code u}, by EM over the share alone. */
        double matchShare(double[][] m, double[][] u, double start) {
            double share = start;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                double matched = 0;
                double total = 0;
                for (int p = 0; p < distinct(); p++) {
                    matched += posterior(levels[p], m, u, share, Set.of()) * counts[p];
                    total += counts[p];
                }
                double next = clamp(matched / total);
                if (Math.abs(next - share) < 1e-9) {
                    return next;
                }
                share = next;
            }
            return share;
        }
    }

    private static double clamp(double p) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, p));
    }

    /** Sets {@code into} to the sums as probabilities (each at least {@link #FLOOR}); returns the largest change. */
    private static double normalise(double[] sums, double[] into) {
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        if (total <= 0) {
            return 0;
        }
        double change = 0;
        double norm = 0;
        double[] next = new double[sums.length];
        for (int l = 0; l < sums.length; l++) {
            next[l] = Math.max(FLOOR, sums[l] / total);
            norm += next[l];
        }
        for (int l = 0; l < sums.length; l++) {
            double v = next[l] / norm;
            change = Math.max(change, Math.abs(v - into[l]));
            into[l] = v;
        }
        return change;
    }

    /** Each field's agreement among random pairs of records, with half a pair's weight on every level. */
    private static double[][] randomPairAgreement(MatchRecord[] records) {
        double[][] u = new double[MatchRecord.FIELDS][MatchRecord.MISSING];
        for (double[] row : u) {
            Arrays.fill(row, 0.5);
        }
        int n = records.length;
        if (n >= 2) {
            long all = (long) n * (n - 1) / 2;
            long draws = Math.min(RANDOM_PAIRS, all);
            SplittableRandom random = new SplittableRandom(n);
            int[] levels = new int[MatchRecord.FIELDS];
            for (long d = 0; d < draws; d++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                MatchRecord.compare(records[i], records[j], MatchRecord.swapped(records[i], records[j]), levels);
                for (int f = 0; f < levels.length; f++) {
                    if (levels[f] != MatchRecord.MISSING) {
                        u[f][levels[f]]++;
                    }
                }
            }
        }
        for (double[] row : u) {
            normalise(row.clone(), row);
        }
        return u;
    }

    private static MatchModel.TermFrequencies frequencies(MatchRecord[] records, boolean given) {
        Map<String, Integer> counts = new HashMap<>();
        for (MatchRecord r : records) {
            String v = given ? r.given : r.family;
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return new MatchModel.TermFrequencies(counts);
    }

    /** Scores each pair from its comparison pattern, compared once for the estimate and read back here. */
    private List<CandidateMatch> score(List<Customer> list, MatchRecord[] records, long[] pairs, int[] patterns,
                                       MatchModel model) {
        double prior = model.priorWeight();
        CandidateMatch[] found = new CandidateMatch[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(k -> {
            int i = (int) (pairs[k] >>> 32);
            int j = (int) pairs[k];
            MatchRecord a = records[i];
            boolean swapped = MatchRecord.swapped(a, records[j]);
            int[] levels = new int[MatchRecord.FIELDS];
            for (int f = 0; f < levels.length; f++) {
                levels[f] = level(patterns[k], f);
            }
            double w = prior;
            for (int f = 0; f < levels.length; f++) {
                w += model.weight(f, levels[f], a, swapped);
            }
            double p = probability(w);
            MatchDecision d = decide(p, levels);
            if (d != MatchDecision.KEEP_APART) {
                found[k] = new CandidateMatch(list.get(i).id(), list.get(j).id(), w, p, d);
            }
        });
        List<CandidateMatch> out = new ArrayList<>();
        for (CandidateMatch c : found) {
            if (c != null) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingDouble(CandidateMatch::probability).reversed()
                .thenComparing(c -> c.left().value()).thenComparing(c -> c.right().value()));
        return out;
    }

    /** Joins the profiles that merges connect, with a union-find over their indexes. */
    private static List<Set<CustomerId>> clusters(List<Customer> list, List<CandidateMatch> matches) {
        Map<CustomerId, Integer> index = new HashMap<>(list.size() * 2);
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i).id(), i);
        }
        int[] parent = IntStream.range(0, list.size()).toArray();
        for (CandidateMatch c : matches) {
            if (c.decision() == MatchDecision.MERGE) {
                int a = root(parent, index.get(c.left()));
                int b = root(parent, index.get(c.right()));
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        Map<Integer, TreeSet<CustomerId>> groups = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            int r = root(parent, i);
            if (r != i || groups.containsKey(r)) {
                groups.computeIfAbsent(r, x -> new TreeSet<>(Comparator.comparing(CustomerId::value)))
                        .add(list.get(i).id());
            }
        }
        List<Set<CustomerId>> out = new ArrayList<>();
        for (Map.Entry<Integer, TreeSet<CustomerId>> e : groups.entrySet()) {
            e.getValue().add(list.get(e.getKey()).id());
            out.add(java.util.Collections.unmodifiableSortedSet(e.getValue()));
        }
        out.sort(Comparator.<Set<CustomerId>>comparingInt(Set::size).reversed()
                .thenComparing(s -> s.iterator().next().value()));
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A growing array of longs. */
    private static final class LongArray {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        long[] sortedDistinct() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.parallelSort(out);
            int n = 0;
            for (int i = 0; i < out.length; i++) {
                if (i == 0 || out[i] != out[i - 1]) {
                    out[n++] = out[i];
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** Builds a resolver. Not thread-safe. */
    public static final class Builder {
        private double mergeAt = DEFAULT_MERGE_AT;
        private double reviewAt = DEFAULT_REVIEW_AT;
        private int maxBlock = DEFAULT_MAX_BLOCK;
        private Map<String, String> nicknames = Nicknames.ENGLISH;
        private List<String> identifiers = List.of();

        private Builder() {
        }

        /**
         * Names the custom attributes that identify something only one customer holds, compared as
         * {@link MatchField#IDENTIFIER}: C10's vehicle identification number, a customer number another system
         * gave. Text values are compared in upper-case letters and digits; other values are ignored. A shared
         * identifier is strong evidence, but not alone: two profiles whose given and family names both differ are
         * sent for review however probable the model finds them (a car sold to a new owner keeps its number).
         *
         * @param names the attribute names, none by default
         * @return this builder
         */
        public Builder identifiers(String... names) {
            List<String> checked = new ArrayList<>();
            for (String name : Checks.list("identifiers", Arrays.asList(Checks.notNull("identifiers", names)))) {
                checked.add(Checks.shortText("identifier name", name));
            }
            this.identifiers = List.copyOf(checked);
            return this;
        }

        /**
         * Sets the thresholds.
         *
         * @param review the probability at or above which a pair is advised for review
         * @param merge the probability at or above which a pair is advised to merge; not below {@code review}
         * @return this builder
         * @throws RuleViolationException when a threshold is outside 0 to 1 or merge is below review
         */
        public Builder thresholds(double review, double merge) {
            Checks.unitInterval("review threshold", review);
            Checks.unitInterval("merge threshold", merge);
            if (merge < review) {
                throw new RuleViolationException("merge threshold must not be below the review threshold: " + merge
                        + " < " + review);
            }
            this.reviewAt = review;
            this.mergeAt = merge;
            return this;
        }

        /**
         * Sets the largest block compared within.
         *
         * @param profiles at least 2
         * @return this builder
         * @throws RuleViolationException when below 2
         */
        public Builder maxBlock(int profiles) {
            if (profiles < 2) {
                throw new RuleViolationException("max block must be at least 2: " + profiles);
            }
            this.maxBlock = profiles;
            return this;
        }

        /**
         * Sets the nicknames: each maps a nickname to the given name it stands for, both as written; names are
         * compared in lower-case letters without accents.
         *
         * @param nicknames the table, replacing the default English one
         * @return this builder
         */
        public Builder nicknames(Map<String, String> nicknames) {
            Map<String, String> folded = new HashMap<>();
            Checks.map("nicknames", nicknames).forEach((k, v) -> folded.put(MatchRecord.letters(k),
                    MatchRecord.letters(v)));
            this.nicknames = folded;
            return this;
        }

        /** {@return the resolver} */
        public IdentityResolver build() {
            return new IdentityResolver(this);
        }
    }
}
