package org.crmkit.core.json;

import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes crmkit JSON with limits fit for untrusted input: documents of at most 10 MB, nesting of at
 * most 64 levels, strings of at most 100,000 characters and numbers of at most 100 digits. Any document that
 * does not make a valid value fails with an {@link InvalidDefinitionException} naming the JSON path, for example
 * {@code $.contactPoints[0].address}, and never with another exception type. Output is indented, with
 * properties in a fixed order, map keys sorted and absent values left out, so the same value always gives the
 * same text. Error messages never repeat a card number found in a document, and then carry no cause whose message
 * would. Thread-safe.
 */
public final class CrmJson {
    /** Largest document accepted, in bytes or characters. */
    public static final long MAX_DOCUMENT_LENGTH = 10_000_000;
    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string accepted. */
    public static final int MAX_STRING_LENGTH = 100_000;

    private static final JsonMapper MAPPER = newMapper();

    private CrmJson() {
    }

    /**
     * A new mapper configured as this class uses it: the crm-core module (plus any module on the class path
     * registered through {@code ServiceLoader}), the input limits, no default typing, unknown properties refused.
     *
     * @return a mapper the caller may configure further
     */
    public static JsonMapper newMapper() {
        return newMapperBuilder().build();
    }

    /**
     * A builder of {@link #newMapper()}'s mapper, for a caller that adds modules or features of its own.
     *
     * @return a builder holding this class's configuration
     */
    public static JsonMapper.Builder newMapperBuilder() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(100)
                        .build())
                // A repeated key would let a reader see one value and a checker another.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // The crm-core module first; findAndAddModules adds the others on the class path and skips a second copy.
        return JsonMapper.builder(factory)
                .addModule(new CrmJacksonModule())
                .findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_ABSENT)
                        .withContentInclusion(JsonInclude.Include.NON_ABSENT));
    }

    /** {@return the shared mapper; do not reconfigure it} */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a value.
     *
     * @param value the value
     * @param type the type to write it as, for example {@code ContactAddress.class} for an address
     * @return the JSON text
     */
    public static String write(Object value, Class<?> type) {
        Checks.notNull("value", value);
        try {
            return MAPPER.writerFor(type).writeValueAsString(value);
        } catch (JacksonException e) {
            throw new CrmException("could not write " + type.getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Writes a value as its runtime type.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        return write(value, value.getClass());
    }

    /**
     * Reads a value.
     *
     * @param json the document
     * @param type the type to read
     * @param <T> the type
     * @return the valid value
     * @throws InvalidDefinitionException when the document is malformed, too large or too deep, or does not make
     *     a valid value; the message names the JSON path
     */
    public static <T> T read(String json, Class<T> type) {
        Checks.notNull("json", json);
        Checks.notNull("type", type);
        return reading(() -> notNull(MAPPER.readValue(json, type), type));
    }

    /**
     * Reads a value from a stream, which is not closed.
     *
     * @param json the document
     * @param type the type to read
     * @param <T> the type
     * @return the valid value
     * @throws InvalidDefinitionException as for {@link #read(String, Class)}
     */
    public static <T> T read(InputStream json, Class<T> type) {
        Checks.notNull("json", json);
        Checks.notNull("type", type);
        return reading(() -> notNull(MAPPER.readValue(json, type), type));
    }

    /** One read that may fail in any way. */
    @FunctionalInterface
    private interface Read<T> {
        T run();
    }

    /** A document that is just {@code null} holds no value: refused, so that callers never get null back. */
    private static <T> T notNull(@Nullable T value, Class<T> type) {
        if (value == null) {
            throw new InvalidDefinitionException("$", "the document is null, not a " + type.getSimpleName(), null);
        }
        return value;
    }

    private static <T> T reading(Read<T> read) {
        try {
            return read.run();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Turns any failure to read a document into the library's exception, naming the JSON path.
     *
     * @param failure what Jackson or a constructor threw
     * @return the exception to throw
     */
    public static InvalidDefinitionException translate(Exception failure) {
        if (failure instanceof InvalidDefinitionException ide) {
            return ide;
        }
        String path = "$";
        if (failure instanceof JacksonException je) {
            path = path(je.getPath());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            if (root.getCause() instanceof InvalidDefinitionException inner) {
                // A hand-written reader inside the document names paths from its own value's root: under this one.
                return new InvalidDefinitionException(path + inner.path().substring(1), inner.problem(), inner);
            }
            root = root.getCause();
        }
        String problem;
        if (root instanceof CrmException || root instanceof NullPointerException) {
            problem = root instanceof NullPointerException ? "missing required value " + root.getMessage()
                    : root.getMessage();
        } else if (failure instanceof UnrecognizedPropertyException u) {
            // Worded as TreeReader words it, so that every reader of crmkit's documents speaks alike.
            problem = "unknown field, expected one of " + new TreeSet<>(u.getKnownPropertyIds().stream()
                    .map(String::valueOf).toList());
        } else if (failure instanceof InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum() && f.getTargetType().getName().startsWith("org.crmkit.")) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) f.getTargetType();
            problem = "must be one of " + EnumNames.all(type) + ": \"" + f.getValue() + "\"";
        } else if (failure instanceof JacksonException je) {
            problem = je.getOriginalMessage();
        } else {
            problem = String.valueOf(root.getMessage());
        }
        // Jackson quotes offending values: the exception masks a card number among them and drops a cause that
        // quotes one, whoever throws it.
        return new InvalidDefinitionException(path, String.valueOf(problem), failure);
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                sb.append('.').append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
