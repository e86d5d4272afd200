package org.crmkit.examples.population;

/** What a synthetic customer is like; the generator draws each from a fixed mix. */
public final class Trait {
    private Trait() {
    }

    /** How much a customer buys: heavy 20%, medium 30%, light 50%. */
    public enum Usage {
        /** About two purchases a week. */
        HEAVY,
        /** About one purchase every two weeks. */
        MEDIUM,
        /** About one purchase a month. */
        LIGHT
    }

    /** Which brands a customer picks: national brand 35%, store brand 25%, switchers 40%. */
    public enum Loyalty {
        /** Nine purchases in ten of the national brand. */
        NATIONAL,
        /** Nine purchases in ten of the store brand. */
        STORE,
        /** Either, at random. */
        SWITCHER
    }

    /** Who a customer shops for: pet owners 25%, young families 20%, others 55%. */
    public enum Household {
        /** Buys pet food. */
        PET_OWNER,
        /** Buys baby products. */
        YOUNG_FAMILY,
        /** Neither. */
        OTHER
    }
}
