package org.crmkit.core.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;

/**
 * Contact addresses as a one-field object named by kind: {@code {"email": "mei@example.com"}},
 * {@code {"phone": "+12125550100"}} or {@code {"postal": {...}}}.
 */
final class ContactAddressJson {
    private ContactAddressJson() {
    }

    static final class Writer extends JsonSerializer<ContactAddress> {
        @Override
        public void serialize(ContactAddress value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            if (value instanceof EmailAddress e) {
                gen.writeStringField("email", e.value());
            } else if (value instanceof PhoneNumber ph) {
                gen.writeStringField("phone", ph.value());
            } else if (value instanceof PostalAddress pa) {
                // Written by hand: this serializer also serves PostalAddress itself, so asking the provider would
                // come back here.
                gen.writeObjectFieldStart("postal");
                gen.writeArrayFieldStart("lines");
                for (String line : pa.lines()) {
                    gen.writeString(line);
                }
                gen.writeEndArray();
                gen.writeStringField("locality", pa.locality());
                if (pa.region() != null) {
                    gen.writeStringField("region", pa.region());
                }
                if (pa.postalCode() != null) {
                    gen.writeStringField("postalCode", pa.postalCode());
                }
                gen.writeStringField("country", pa.country());
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<ContactAddress> {
        @Override
        public ContactAddress deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (ContactAddress) ctx.handleUnexpectedToken(ContactAddress.class, p);
            }
            String kind = p.nextFieldName();
            if (kind == null) {
                throw ctx.weirdStringException("{}", ContactAddress.class,
                        "contact address needs one of email, phone, postal");
            }
            p.nextToken();
            ContactAddress address;
            switch (kind) {
                case "email":
                    address = EmailAddress.of(ctx.readValue(p, String.class));
                    break;
                case "phone":
                    address = PhoneNumber.of(ctx.readValue(p, String.class));
                    break;
                case "postal":
                    address = ctx.readValue(p, PostalAddress.class);
                    break;
                default:
                    throw ctx.weirdStringException(kind, ContactAddress.class,
                            "contact address kind must be email, phone or postal");
            }
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw ctx.wrongTokenException(p, ContactAddress.class, JsonToken.END_OBJECT,
                        "contact address must have exactly one field");
            }
            return address;
        }
    }
}
