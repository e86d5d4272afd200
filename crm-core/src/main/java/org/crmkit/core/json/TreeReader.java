package org.crmkit.core.json;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object being read by a hand-written reader, such as a rule's or a loyalty program's, with its JSON path.
 * Every problem is an {@link InvalidDefinitionException} at the path of the offending value, worded as the
 * library's other readers word it: what the value must be, then the value found ({@code must be text: 5},
 * {@code missing}, {@code unknown field, expected one of [a, b]}). Not thread-safe; use one per reading.
 */
public final class TreeReader {
    /** The most characters of a refused value a message quotes. */
    private static final int QUOTED = 200;
    private final JsonNode node;
    private final String path;

    private TreeReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Starts reading an object.
     *
     * @param node the value found, or null when nothing was
     * @param path its JSON path, {@code $} for the document
     * @param fields the fields it may have
     * @return a reader of it
     * @throws InvalidDefinitionException when it is not an object or has a field not in {@code fields}
     */
    public static TreeReader object(@Nullable JsonNode node, String path, Set<String> fields) {
        if (node == null || !node.isObject()) {
            throw problem(path, "must be an object", node);
        }
        for (String f : node.propertyNames()) {
            if (!fields.contains(f)) {
                throw new InvalidDefinitionException(path + "." + f, "unknown field, expected one of "
                        + new TreeSet<>(fields), null);
            }
        }
        return new TreeReader(node, path);
    }

    /**
     * The exception for a value that is not what it must be.
     *
     * @param path the value's JSON path
     * @param must what it must be, such as {@code must be text}
     * @param found the value, or null when there was none
     * @return the exception
     */
    public static InvalidDefinitionException problem(String path, String must, @Nullable JsonNode found) {
        if (found == null || found.isMissingNode()) {
            return new InvalidDefinitionException(path, must + ": missing", null);
        }
        // A document may hold strings of 100,000 characters; a message quotes the start of one.
        String text = found.toString();
        return new InvalidDefinitionException(path, must + ": " + (text.length() <= QUOTED ? text
                : text.substring(0, QUOTED) + "... (" + text.length() + " characters)"), null);
    }

    /** {@return this object's JSON path} */
    public String path() {
        return path;
    }

    /**
     * The path of one field.
     *
     * @param field the field's name
     * @return this object's path with {@code .field}
     */
    public String path(String field) {
        return path + "." + field;
    }

    /** {@return this object} */
    public JsonNode node() {
        return node;
    }

    /**
     * Whether a field is given and not null.
     *
     * @param field the field
     * @return true when present
     */
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /**
     * A required field.
     *
     * @param field the field
     * @return its value
     */
    public JsonNode field(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidDefinitionException(path(field), "missing", null);
        }
        return v;
    }

    /**
     * Checks the document's {@link Documents#FORMAT format}.
     *
     * @param expected the format this version reads
     */
    public void format(int expected) {
        JsonNode v = node.get(Documents.FORMAT);
        if (!Documents.isFormat(v, expected)) {
            throw problem(path(Documents.FORMAT), "must be " + expected
                    + ", the layout this version of crmkit reads", v);
        }
    }

    /**
     * A required text field.
     *
     * @param field the field
     * @return its text
     */
    public String text(String field) {
        JsonNode v = field(field);
        if (!v.isString()) {
            throw problem(path(field), "must be text", v);
        }
        return v.stringValue();
    }

    /**
     * A required whole number that fits a {@code long}.
     *
     * @param field the field
     * @return its value
     */
    public long longValue(String field) {
        JsonNode v = field(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw problem(path(field), "must be a whole number", v);
        }
        return v.longValue();
    }

    /**
     * A required whole number that fits an {@code int}.
     *
     * @param field the field
     * @return its value
     */
    public int integer(String field) {
        JsonNode v = field(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw problem(path(field), "must be a whole number", v);
        }
        return v.intValue();
    }

    /**
     * A required {@code true} or {@code false}.
     *
     * @param field the field
     * @return its value
     */
    public boolean bool(String field) {
        JsonNode v = field(field);
        if (!v.isBoolean()) {
            throw problem(path(field), "must be true or false", v);
        }
        return v.booleanValue();
    }

    /**
     * A required decimal, written as a number or as text.
     *
     * @param field the field
     * @return its value
     */
    public BigDecimal decimal(String field) {
        JsonNode v = field(field);
        try {
            if (v.isNumber()) {
                return v.decimalValue();
            }
            if (v.isString()) {
                return new BigDecimal(v.stringValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(path(field), "must be a decimal number", v);
    }

    /**
     * A required ISO-8601 instant.
     *
     * @param field the field
     * @return its value
     */
    public Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(path(field), "must be an ISO-8601 instant such as 2026-03-01T18:30:00Z", field(field));
        }
    }

    /**
     * A required enumeration constant, spelled as {@link EnumNames} spells it.
     *
     * @param field the field
     * @param type the enumeration
     * @param <E> the enumeration
     * @return the constant
     */
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String text = text(field);
        try {
            return EnumNames.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw problem(path(field), "must be one of " + EnumNames.all(type), field(field));
        }
    }

    /**
     * A required list of text.
     *
     * @param field the field
     * @return the texts, in order
     */
    public List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = array(field);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isString()) {
                throw problem(path(field) + "[" + i + "]", "must be text", items.get(i));
            }
            out.add(items.get(i).stringValue());
        }
        return out;
    }

    /**
     * A required list.
     *
     * @param field the field
     * @return its items, in order
     */
    public List<JsonNode> array(String field) {
        JsonNode v = field(field);
        if (!v.isArray()) {
            throw problem(path(field), "must be a list", v);
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /**
     * Builds a value, reporting a broken domain rule at this object's path.
     *
     * @param build makes the value; its validation may throw
     * @param <T> the value's type
     * @return the value
     */
    public <T> T build(Supplier<T> build) {
        return at(path, build);
    }

    /**
     * Builds a value, reporting a broken domain rule at the given path.
     *
     * @param path where the problem is reported
     * @param build makes the value; its validation may throw
     * @param <T> the value's type
     * @return the value
     */
    public static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidDefinitionException e) {
            throw e;
        } catch (CrmException | IllegalArgumentException | DateTimeException e) {
            throw new InvalidDefinitionException(path, String.valueOf(e.getMessage()), e);
        }
    }
}
