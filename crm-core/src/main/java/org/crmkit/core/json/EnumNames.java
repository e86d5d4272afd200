package org.crmkit.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.crmkit.core.payment.CardNumbers;

/**
 * The one spelling crmkit uses for enumeration constants in every document and rule: lower case with hyphens, so
 * {@code NEGATIVE_BALANCE} is {@code "negative-balance"} and {@code CUSTOMER} is {@code "customer"}.
 */
public final class EnumNames {
    private EnumNames() {
    }

    /**
     * Spells a constant.
     *
     * @param constant the constant
     * @return its name in lower case with hyphens
     */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a spelled constant.
     *
     * @param type the enumeration
     * @param name its spelling, as {@link #of} gives it
     * @param <E> the enumeration
     * @return the constant
     * @throws IllegalArgumentException naming the accepted spellings when {@code name} is none of them
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("must be one of " + all(type) + ": " + CardNumbers.mask(name));
    }

    /**
     * Lists an enumeration's spellings.
     *
     * @param type the enumeration
     * @return every constant's spelling, in declaration order
     */
    public static List<String> all(Class<? extends Enum<?>> type) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : type.getEnumConstants()) {
            out.add(of(e));
        }
        return List.copyOf(out);
    }
}
