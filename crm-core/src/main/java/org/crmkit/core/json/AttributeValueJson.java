package org.crmkit.core.json;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import org.crmkit.core.common.AttributeValue;

/**
 * Attribute values as natural JSON: text as a string, decimals as a number, flags as a boolean, and dates as
 * {@code {"date": "2024-05-01"}} so that they are not confused with text.
 */
final class AttributeValueJson {
    private AttributeValueJson() {
    }

    static final class Writer extends JsonSerializer<AttributeValue> {
        @Override
        public void serialize(AttributeValue value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value instanceof AttributeValue.Text t) {
                gen.writeString(t.value());
            } else if (value instanceof AttributeValue.Decimal d) {
                gen.writeNumber(d.value().toPlainString());
            } else if (value instanceof AttributeValue.Flag f) {
                gen.writeBoolean(f.value());
            } else if (value instanceof AttributeValue.Date d) {
                gen.writeStartObject();
                gen.writeStringField("date", d.value().toString());
                gen.writeEndObject();
            }
        }
    }

    static final class Reader extends JsonDeserializer<AttributeValue> {
        @Override
        public AttributeValue deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_STRING:
                    return AttributeValue.text(p.getText());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return AttributeValue.number(p.getDecimalValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return AttributeValue.flag(p.getBooleanValue());
                case START_OBJECT:
                    String field = p.nextFieldName();
                    if (!"date".equals(field) || p.nextToken() != JsonToken.VALUE_STRING) {
                        return (AttributeValue) ctx.handleUnexpectedToken(AttributeValue.class, p);
                    }
                    LocalDate date = LocalDate.parse(p.getText());
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
