package org.crmkit.core.json;

import java.time.LocalDate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.SerializationContext;

import org.crmkit.core.common.AttributeValue;

/**
 * Attribute values as natural JSON: text as a string, decimals as a number, flags as a boolean, and dates as
 * {@code {"date": "2024-05-01"}} so that they are not confused with text.
 */
final class AttributeValueJson {
    private AttributeValueJson() {
    }

    static final class Writer extends ValueSerializer<AttributeValue> {
        @Override
        public void serialize(AttributeValue value, JsonGenerator gen, SerializationContext provider) {
            if (value instanceof AttributeValue.Text t) {
                gen.writeString(t.value());
            } else if (value instanceof AttributeValue.Decimal d) {
                gen.writeNumber(d.value().toPlainString());
            } else if (value instanceof AttributeValue.Flag f) {
                gen.writeBoolean(f.value());
            } else if (value instanceof AttributeValue.Date d) {
                gen.writeStartObject();
                gen.writeStringProperty("date", d.value().toString());
                gen.writeEndObject();
            }
        }
    }

    static final class Reader extends ValueDeserializer<AttributeValue> {
        @Override
        public AttributeValue deserialize(JsonParser p, DeserializationContext ctx) {
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_STRING:
                    return AttributeValue.text(p.getString());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return AttributeValue.number(p.getDecimalValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return AttributeValue.flag(p.getBooleanValue());
                case START_OBJECT:
                    String field = p.nextName();
                    if (!"date".equals(field) || p.nextToken() != JsonToken.VALUE_STRING) {
                        return (AttributeValue) ctx.handleUnexpectedToken(AttributeValue.class, p);
                    }
                    LocalDate date = LocalDate.parse(p.getString());
                    if (p.nextToken() != JsonToken.END_OBJECT) {
                        return (AttributeValue) ctx.handleUnexpectedToken(AttributeValue.class, p);
                    }
                    return AttributeValue.date(date);
                default:
                    return (AttributeValue) ctx.handleUnexpectedToken(AttributeValue.class, p);
            }
        }
    }
}
