package org.crmkit.core.unify;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.SpecialDate;
import org.jspecify.annotations.Nullable;

/** A profile's compared fields, normalised once; and the comparison of two of them. */
final class MatchRecord {
    static final int FIELDS = MatchField.values().length;
    /** The level of a field missing on either side. */
    static final int MISSING = Agreement.values().length;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Edit distances up to 1; -1 beyond. */
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(1);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Pattern NOT_WORDS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^A-Z0-9]+");
    private static final Map<String, String> STREET_WORDS = Map.of("street", "st", "road", "rd", "avenue", "ave",
            "lane", "ln", "drive", "dr", "close", "cl", "place", "pl", "court", "ct", "square", "sq", "crescent",
            "cres");
    private static final String[] NONE = {};

    final @Nullable String given;
    /** The given name with a nickname resolved to the name it stands for. */
    final @Nullable String formalGiven;
    final @Nullable String family;
    final @Nullable LocalDate birth;
    final String[] emails;
    /** Mobile numbers, and numbers whose type the numbering plan cannot tell. */
    final String[] phones;
    /** Fixed lines: a household's rather than a person's, so compared with the address. */
    final String[] fixedLines;
    /** Postal codes, aligned with {@link #streets}; an empty string where an address has none. */
    final String[] postcodes;
    final String[] streets;
    /** Identifier attributes as {@code name=VALUE}, the value in upper-case letters and digits only. */
    final String[] identifiers;

    private MatchRecord(@Nullable String given, @Nullable String formalGiven, @Nullable String family,
                        @Nullable LocalDate birth, String[] emails, String[] phones, String[] fixedLines,
                        String[] postcodes, String[] streets, String[] identifiers) {
        this.given = given;
        this.formalGiven = formalGiven;
        this.family = family;
        this.birth = birth;
        this.emails = emails;
        this.phones = phones;
        this.fixedLines = fixedLines;
        this.postcodes = postcodes;
        this.streets = streets;
        this.identifiers = identifiers;
    }

    static MatchRecord of(Customer c, Map<String, String> nicknames, List<String> identifierNames) {
        String given = null;
        String family;
        if (c.name() instanceof Name.Person p) {
            given = letters(p.given());
            family = p.family() == null ? null : letters(p.family());
        } else {
            family = letters(c.name().display());
        }
        LocalDate birth = null;
        for (SpecialDate d : c.specialDates()) {
            if (d.occasion().equals(Occasion.BIRTHDAY) && d.year() != null) {
                birth = d.day().atYear(d.year().getValue());
            }
        }
        List<String> emails = new ArrayList<>(1);
        List<String> phones = new ArrayList<>(1);
        List<String> fixedLines = new ArrayList<>(1);
        List<String> postcodes = new ArrayList<>(1);
        List<String> streets = new ArrayList<>(1);
        for (ContactPoint cp : c.contactPoints()) {
            ContactAddress a = cp.address();
            if (a instanceof EmailAddress e) {
                emails.add(e.value().toLowerCase(Locale.ROOT));
            } else if (a instanceof PhoneNumber ph) {
                (fixedLine(ph.value()) ? fixedLines : phones).add(ph.value());
            } else if (a instanceof PostalAddress pa && !pa.lines().isEmpty()) {
                postcodes.add(pa.postalCode() == null ? "" : pa.postalCode().toUpperCase(Locale.ROOT).replace(" ", ""));
                streets.add(street(pa.lines().get(0)));
            }
        }
        List<String> identifiers = new ArrayList<>(identifierNames.size());
        for (String name : identifierNames) {
            AttributeValue v = c.attributes().get(name);
            if (v instanceof AttributeValue.Text t) {
                String value = NOT_IDENTIFIER.matcher(t.value().toUpperCase(Locale.ROOT)).replaceAll("");
                if (!value.isEmpty()) {
                    identifiers.add(name + "=" + value);
                }
            }
        }
        String formal = given == null ? null : nicknames.getOrDefault(given, given);
        return new MatchRecord(empty(given), empty(formal), empty(family), birth, array(emails), array(phones),
                array(fixedLines), array(postcodes), array(streets), array(identifiers));
    }

    private static boolean fixedLine(String e164) {
        PhoneNumberUtil plans = PhoneNumberUtil.getInstance();
        try {
            return plans.getNumberType(plans.parse(e164, null)) == PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
        } catch (NumberParseException e) {
            return false; // stored numbers are E.164 already; a number the plans cannot read is nobody's landline
        }
    }

    /** Lower-case letters only, accents removed: {@code "O'Brien-Núñez"} is {@code "obriennunez"}. */
    static String letters(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String street(String line) {
        String folded = MARKS.matcher(Normalizer.normalize(line, Normalizer.Form.NFD)).replaceAll("");
        String[] words = NOT_WORDS.split(folded.toLowerCase(Locale.ROOT).strip());
        StringBuilder out = new StringBuilder(line.length());
        for (String w : words) {
            if (!w.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(STREET_WORDS.getOrDefault(w, w));
            }
        }
        return out.toString();
    }

    private static @Nullable String empty(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String[] array(List<String> list) {
        return list.isEmpty() ? NONE : list.toArray(String[]::new);
    }

    /** Whether the two records' given and family names are each other's the other way round. */
    static boolean swapped(MatchRecord a, MatchRecord b) {
        return a.given != null && a.family != null && !a.given.equals(a.family) && a.given.equals(b.family)
                && a.family.equals(b.given);
    }

    /**
     * Compares two records field by field, in {@link MatchField} order.
     *
     * @param a one record
     * @param b the other
     * @param swapped whether to compare {@code a}'s given name with {@code b}'s family name and the other way round
     * @param out one level per field: an {@link Agreement} ordinal or {@link #MISSING}
     */
    static void compare(MatchRecord a, MatchRecord b, boolean swapped, int[] out) {
        String bGiven = swapped ? b.family : b.given;
        String bFormal = swapped ? b.family : b.formalGiven;
        String bFamily = swapped ? b.given : b.family;
        out[MatchField.GIVEN_NAME.ordinal()] = given(a.given, a.formalGiven, bGiven, bFormal);
        out[MatchField.FAMILY_NAME.ordinal()] = name(a.family, bFamily);
        out[MatchField.BIRTH_DATE.ordinal()] = birth(a.birth, b.birth);
        out[MatchField.EMAIL.ordinal()] = emails(a, b);
        out[MatchField.PHONE.ordinal()] = best(a.phones, b.phones, MatchRecord::phone);
        out[MatchField.ADDRESS.ordinal()] = address(a, b);
        out[MatchField.IDENTIFIER.ordinal()] = best(a.identifiers, b.identifiers,
                (x, y) -> x.equals(y) ? Agreement.EXACT.ordinal() : Agreement.DIFFERENT.ordinal());
    }

    private static int given(@Nullable String a, @Nullable String aFormal, @Nullable String b,
                             @Nullable String bFormal) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT.ordinal();
        }
        if (aFormal != null && aFormal.equals(bFormal)) {
            return Agreement.CLOSE.ordinal();
        }
        return likeness(a, b);
    }

    private static int name(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        return a.equals(b) ? Agreement.EXACT.ordinal() : likeness(a, b);
    }

    private static int likeness(String a, String b) {
        double s = JARO_WINKLER.apply(a, b);
        if (s >= 0.92) {
            return Agreement.CLOSE.ordinal();
        }
        return s >= 0.80 || a.charAt(0) == b.charAt(0) && (a.length() == 1 || b.length() == 1)
                ? Agreement.PARTIAL.ordinal() : Agreement.DIFFERENT.ordinal();
    }

    private static int birth(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT.ordinal();
        }
        boolean transposed = a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
        boolean yearTypo = a.getMonthValue() == b.getMonthValue() && a.getDayOfMonth() == b.getDayOfMonth()
                && oneDigitApart(a.getYear(), b.getYear());
        return transposed || yearTypo ? Agreement.CLOSE.ordinal() : Agreement.DIFFERENT.ordinal();
    }

    private static boolean oneDigitApart(int x, int y) {
        int differing = 0;
        for (; x > 0 || y > 0; x /= 10, y /= 10) {
            if (x % 10 != y % 10) {
                differing++;
            }
        }
        return differing == 1;
    }

    @FunctionalInterface
    private interface Level {
        int of(String a, String b);
    }

    private static int best(String[] a, String[] b, Level level) {
        if (a.length == 0 || b.length == 0) {
            return MISSING;
        }
        int best = Agreement.DIFFERENT.ordinal();
        for (String x : a) {
            for (String y : b) {
                best = Math.min(best, level.of(x, y));
            }
        }
        return best;
    }

    private static int emails(MatchRecord a, MatchRecord b) {
        if (a.emails.length == 0 || b.emails.length == 0) {
            return MISSING;
        }
        int best = MISSING;
        for (String x : a.emails) {
            for (String y : b.emails) {
                int level = email(x, y);
                if (level == Agreement.CLOSE.ordinal() && sameName(x, y) && (a.nameOnly(x) || b.nameOnly(y))) {
                    // Made of the name alone, the same name at another provider says no more than the names do:
                    // namesakes choose it too.
                    level = MISSING;
                }
                best = Math.min(best, level);
            }
        }
        return best;
    }

    private static boolean sameName(String x, String y) {
        int at = x.indexOf('@');
        return at > 0 && y.startsWith(x.substring(0, at + 1));
    }

    /** Whether the email's local part is made of this record's names and initials alone, with no number. */
    private boolean nameOnly(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@')));
        if (given == null || family == null || !skeleton(local).replaceAll("[._-]", "").isEmpty()) {
            return false;
        }
        String letters = letters(local);
        for (String g : new String[] {given, given.substring(0, 1), formalGiven == null ? given : formalGiven}) {
            for (String f : new String[] {family, family.substring(0, 1)}) {
                if (letters.equals(g + f) || letters.equals(f + g)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int email(String a, String b) {
        if (a.equals(b)) {
            return Agreement.EXACT.ordinal();
        }
        int at = a.indexOf('@');
        int bt = b.indexOf('@');
        if (at <= 0 || bt <= 0) {
            return Agreement.DIFFERENT.ordinal();
        }
        String localA = a.substring(0, at);
        String localB = b.substring(0, bt);
        if (localA.equals(localB)) {
            return Agreement.CLOSE.ordinal(); // the same name at another provider
        }
        // A typo (a letter mistyped, dropped or swapped with its neighbour) after the first, which is often an
        // initial; not another number or separator: namesakes and families take the same name with numbers,
        // separators and initials of their own.
        boolean typo = a.substring(at).equals(b.substring(bt)) && localA.charAt(0) == localB.charAt(0)
                && skeleton(localA).equals(skeleton(localB))
                && (LEVENSHTEIN.apply(localA, localB) == 1 || transposed(localA, localB));
        return typo ? Agreement.CLOSE.ordinal() : Agreement.DIFFERENT.ordinal();
    }

    /** The digits and separators of an email's local part, in order. */
    private static String skeleton(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the two differ only by two neighbouring characters swapped. */
    private static boolean transposed(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = 0;
        while (first < a.length() && a.charAt(first) == b.charAt(first)) {
            first++;
        }
        return first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
    }

    private static int phone(String a, String b) {
        if (a.equals(b)) {
            return Agreement.EXACT.ordinal();
        }
        return a.length() >= 8 && b.length() >= 8 && a.regionMatches(a.length() - 8, b, b.length() - 8, 8)
                ? Agreement.CLOSE.ordinal() : Agreement.DIFFERENT.ordinal();
    }

    private static int address(MatchRecord a, MatchRecord b) {
        for (String line : a.fixedLines) {
            for (String other : b.fixedLines) {
                if (line.equals(other)) {
                    return Agreement.EXACT.ordinal(); // one household
                }
            }
        }
        if (a.streets.length == 0 || b.streets.length == 0) {
            return MISSING;
        }
        int best = Agreement.DIFFERENT.ordinal();
        for (int i = 0; i < a.streets.length; i++) {
            for (int j = 0; j < b.streets.length; j++) {
                best = Math.min(best, address(a.postcodes[i], a.streets[i], b.postcodes[j], b.streets[j]));
            }
        }
        return best;
    }

    private static int address(String postcodeA, String streetA, String postcodeB, String streetB) {
        boolean samePostcode = !postcodeA.isEmpty() && postcodeA.equals(postcodeB);
        boolean postcodeMissing = postcodeA.isEmpty() || postcodeB.isEmpty();
        if (streetA.equals(streetB)) {
            return samePostcode ? Agreement.EXACT.ordinal()
                    : postcodeMissing ? Agreement.CLOSE.ordinal() : Agreement.PARTIAL.ordinal();
        }
        String houseA = houseNumber(streetA);
        boolean sameHouse = houseA != null && houseA.equals(houseNumber(streetB));
        if ((samePostcode || postcodeMissing) && sameHouse && JARO_WINKLER.apply(streetA, streetB) >= 0.92) {
            return Agreement.CLOSE.ordinal();
        }
        return samePostcode ? Agreement.PARTIAL.ordinal() : Agreement.DIFFERENT.ordinal();
    }

    private static @Nullable String houseNumber(String street) {
        int end = 0;
        while (end < street.length() && Character.isDigit(street.charAt(end))) {
            end++;
        }
        return end == 0 ? null : street.substring(0, end);
    }

    /** The blocking keys: records that share none are never compared. */
    List<String> blockingKeys() {
        List<String> keys = new ArrayList<>(8);
        for (String id : identifiers) {
            keys.add("i" + id);
        }
        for (String e : emails) {
            keys.add("e" + e);
            keys.add("l" + e.substring(0, Math.max(0, e.indexOf('@'))));
        }
        for (String p : phones) {
            keys.add("p" + p);
        }
        for (String p : fixedLines) {
            keys.add("p" + p);
        }
        if (family != null && formalGiven != null) {
            keys.add("n" + formalGiven + "|" + family);
            keys.add("n" + family + "|" + formalGiven); // the same key when given and family names are swapped
        }
        if (birth != null) {
            if (family != null) {
                keys.add("b" + birth + "|" + family.charAt(0));
            }
            if (given != null) {
                keys.add("b" + birth + "|" + given.charAt(0));
            }
        }
        for (String pc : postcodes) {
            if (pc.isEmpty()) {
                continue;
            }
            if (family != null) {
                keys.add("a" + pc + "|" + prefix(family));
            }
            if (given != null) {
                keys.add("a" + pc + "|" + prefix(given));
            }
        }
        return keys;
    }

    private static String prefix(String s) {
        return s.length() <= 3 ? s : s.substring(0, 3);
    }
}
