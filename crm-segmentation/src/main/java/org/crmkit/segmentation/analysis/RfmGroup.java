package org.crmkit.segmentation.analysis;

/**
 * The usual named groups of the recency and frequency scores, which together cover every pair of scores once.
 */
public enum RfmGroup {
    /** Recent and frequent: recency 5, frequency 4-5. */
    CHAMPIONS,
    /** Frequent and fairly recent: recency 3-4, frequency 4-5. */
    LOYAL,
    /** Recent, middling frequency: recency 4-5, frequency 2-3. */
    POTENTIAL_LOYALISTS,
    /** Just arrived: recency 5, frequency 1. */
    NEW,
    /** Recent, bought once: recency 4, frequency 1. */
    PROMISING,
    /** Middling on both: recency 3, frequency 3. */
    NEED_ATTENTION,
    /** Fading, infrequent: recency 3, frequency 1-2. */
    ABOUT_TO_SLEEP,
    /** Were frequent, not recent: recency 1-2, frequency 3-4. */
    AT_RISK,
    /** The most frequent, long gone: recency 1-2, frequency 5. */
    CANNOT_LOSE,
    /** Neither recent nor frequent: recency 1-2, frequency 1-2. */
    HIBERNATING;

    /**
     * The group of a pair of scores.
     *
     * @param recency 1 to 5
     * @param frequency 1 to 5
     * @return the group
     * @throws IllegalArgumentException when a score is outside 1 to 5
     */
    public static RfmGroup of(int recency, int frequency) {
        if (recency < 1 || recency > 5 || frequency < 1 || frequency > 5) {
            throw new IllegalArgumentException("scores must be 1 to 5: recency " + recency + ", frequency "
                    + frequency);
        }
        if (recency <= 2) {
            return frequency <= 2 ? HIBERNATING : frequency <= 4 ? AT_RISK : CANNOT_LOSE;
        }
        if (recency == 3) {
            return frequency <= 2 ? ABOUT_TO_SLEEP : frequency == 3 ? NEED_ATTENTION : LOYAL;
        }
        if (frequency >= 4) {
            return recency == 5 ? CHAMPIONS : LOYAL;
        }
        if (frequency >= 2) {
            return POTENTIAL_LOYALISTS;
        }
        return recency == 5 ? NEW : PROMISING;
    }
}
