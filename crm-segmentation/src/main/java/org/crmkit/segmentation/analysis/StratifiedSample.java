package org.crmkit.segmentation.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A reproducible stratified random sample (C9: each month, N customers served by each agent). Each item gets a
 * pseudo-random draw from the seed and its id alone, and each stratum keeps its N lowest draws: the same seed and
 * population give the same sample on any machine, whatever the input order, and adding customers to one stratum
 * never changes another's sample.
 */
public final class StratifiedSample {
    private StratifiedSample() {
    }

    /**
     * Draws the sample.
     *
     * @param items the population
     * @param stratum an item's stratum, such as the agent who served the customer
     * @param id an item's stable id
     * @param perStratum how many to draw from each stratum, at least 1; a smaller stratum is taken whole
     * @param seed the seed, such as the month's number
     * @param <T> the items
     * @return the sample by stratum, strata in name order, each in draw order
     */
    public static <T> Map<String, List<T>> draw(Collection<? extends T> items, Function<? super T, String> stratum,
                                                Function<? super T, String> id, int perStratum, long seed) {
        if (perStratum < 1) {
            throw new IllegalArgumentException("perStratum must be at least 1: " + perStratum);
        }
        record Drawn<T>(T item, long draw, String id) {
        }
        Map<String, List<Drawn<T>>> strata = new TreeMap<>();
        for (T item : items) {
            String key = id.apply(item);
            strata.computeIfAbsent(stratum.apply(item), s -> new ArrayList<>())
                    .add(new Drawn<>(item, draw(seed, key), key));
        }
        Map<String, List<T>> out = new TreeMap<>();
        strata.forEach((s, list) -> {
            list.sort(Comparator.<Drawn<T>>comparingLong(Drawn::draw).thenComparing(Drawn::id));
            out.put(s, list.subList(0, Math.min(perStratum, list.size())).stream().map(Drawn::item).toList());
        });
        return out;
    }

    /** A 64-bit FNV-1a hash of the id's UTF-8 bytes mixed with the seed by SplitMix64's finaliser. */
    static long draw(long seed, String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = h ^ (seed * 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
