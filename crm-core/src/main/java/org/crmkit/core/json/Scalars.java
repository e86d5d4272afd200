package org.crmkit.core.json;

import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;

/**
 * Registers value types that are written as one JSON string: their text form, read back by their parser. Other
 * crmkit modules, and hosts with value types of their own, use it for their Jackson modules.
 */
public final class Scalars {
    private Scalars() {
    }

    /**
     * Registers a serializer, deserializer and map-key deserializer for a value type.
     *
     * @param module the module to register with
     * @param type the value type
     * @param write its text form
     * @param read its parser, which validates
     * @param <T> the value type
     */
    public static <T> void register(SimpleModule module, Class<T> type, Function<T, String> write,
                                    Function<String, T> read) {
        module.addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext provider) {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(ctx.handleUnexpectedToken(type, p));
                }
                return read.apply(p.getString());
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctx) {
                return read.apply(key);
            }
        });
    }
}
