package org.crmkit.core.json;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

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
    public static <T> void register(SimpleModule module, Class<T> type, Function<T, String> write, Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(ctx.handleUnexpectedToken(type, p));
                }
                return read.apply(p.getText());
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
