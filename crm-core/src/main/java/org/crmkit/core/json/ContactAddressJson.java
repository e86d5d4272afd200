package org.crmkit.core.json;


import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.SerializationContext;

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

    static final class Writer extends ValueSerializer<ContactAddress> {
        @Override
        public void serialize(ContactAddress value, JsonGenerator gen, SerializationContext provider) {
            gen.writeStartObject();
            if (value instanceof EmailAddress e) {
                gen.writeStringProperty("email", e.value());
            } else if (value instanceof PhoneNumber ph) {
                gen.writeStringProperty("phone", ph.value());
            } else if (value instanceof PostalAddress pa) {
                // Written by hand: this serializer also serves PostalAddress itself, so asking the provider would
                // come back here.
                gen.writeObjectPropertyStart("postal");
                gen.writeArrayPropertyStart("lines");
                for (String line : pa.lines()) {
                    gen.writeString(line);
                }
                gen.writeEndArray();
                gen.writeStringProperty("locality", pa.locality());
                if (pa.region() != null) {
                    gen.writeStringProperty("region", pa.region());
                }
                if (pa.postalCode() != null) {
                    gen.writeStringProperty("postalCode", pa.postalCode());
                }
                gen.writeStringProperty("country", pa.country());
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    static final class Reader extends ValueDeserializer<ContactAddress> {
        @Override
        public ContactAddress deserialize(JsonParser p, DeserializationContext ctx) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (ContactAddress) ctx.handleUnexpectedToken(ContactAddress.class, p);
            }
            String kind = p.nextName();
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
