package org.crmkit.core.json;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.util.NameTransformer;

import org.jspecify.annotations.Nullable;

/**
 * Stored documents carry the version of their layout as their first property, {@code "format"}, so that a later
 * crmkit can tell old documents from new ones. A reader refuses a document whose format is missing or is not the
 * one it writes, naming what it found. Modules register the types they store; a hand-written serializer writes the
 * property itself, through {@link TreeReader#format(int)} when it reads.
 */
public final class Documents {
    /** The name of the property that carries a document's format. */
    public static final String FORMAT = "format";

    private Documents() {
    }

    /**
     * Makes a module write and check the format of the given types and their subtypes.
     *
     * @param module the module, whose serializer and deserializer modifiers this sets
     * @param formats each stored type with the format it writes
     */
    public static void register(SimpleModule module, Map<Class<?>, Integer> formats) {
        Map<Class<?>, Integer> copy = Map.copyOf(new LinkedHashMap<>(formats));
        module.setSerializerModifier(new ValueSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier bean,
                                                       ValueSerializer<?> serializer) {
                Integer format = formatOf(copy, bean.getBeanClass());
                return format == null ? serializer : new Writer(serializer, format);
            }
        });
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier bean,
                                                           ValueDeserializer<?> deserializer) {
                // A builder-based deserializer is described by its builder, a class named Builder nested in the
                // stored type.
                Class<?> type = bean.getBeanClass();
                Integer format = formatOf(copy, type);
                if (format == null && type.getEnclosingClass() != null && type.getSimpleName().equals("Builder")) {
                    format = formatOf(copy, type.getEnclosingClass());
                }
                return format == null ? deserializer : new Reader(deserializer, format);
            }
        });
    }

    /** {@return whether a document's format property holds the given format} */
    static boolean isFormat(@Nullable JsonNode found, int format) {
        return found != null && found.isIntegralNumber() && found.canConvertToInt() && found.intValue() == format;
    }

    private static Integer formatOf(Map<Class<?>, Integer> formats, Class<?> type) {
        for (Map.Entry<Class<?>, Integer> e : formats.entrySet()) {
            if (e.getKey().isAssignableFrom(type)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Writes the format, then the bean's own properties. */
    private static final class Writer extends ValueSerializer<Object> {
        private final ValueSerializer<Object> bean;
        private final int format;
        private volatile ValueSerializer<Object> unwrapped;

        @SuppressWarnings("unchecked")
        Writer(ValueSerializer<?> bean, int format) {
            this.bean = (ValueSerializer<Object>) bean;
            this.format = format;
        }

        @Override
        public void resolve(SerializationContext ctxt) {
            bean.resolve(ctxt);
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext ctxt, BeanProperty property) {
            ValueSerializer<?> contextual = bean.createContextual(ctxt, property);
            return contextual == bean ? this : new Writer(contextual, format);
        }

        @Override
        public Class<?> handledType() {
            return bean.handledType();
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject(value);
            gen.writeNumberProperty(FORMAT, format);
            unwrapped().serialize(value, gen, ctxt);
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializationContext ctxt,
                                      TypeSerializer typeSer) {
            WritableTypeId id = typeSer.writeTypePrefix(gen, ctxt, typeSer.typeId(value, JsonToken.START_OBJECT));
            gen.writeNumberProperty(FORMAT, format);
            unwrapped().serialize(value, gen, ctxt);
            typeSer.writeTypeSuffix(gen, ctxt, id);
        }

        private ValueSerializer<Object> unwrapped() {
            ValueSerializer<Object> p = unwrapped;
            if (p == null) {
                p = bean.unwrappingSerializer(NameTransformer.NOP);
                unwrapped = p;
            }
            return p;
        }
    }

    /** Checks the format, then lets the bean's deserializer read the rest. */
    private static final class Reader extends DelegatingDeserializer {
        private final int format;

        Reader(ValueDeserializer<?> delegate, int format) {
            super(delegate);
            this.format = format;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Reader(delegate, format);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
            }
            if (t == JsonToken.PROPERTY_NAME && FORMAT.equals(p.currentName())) {
                // The usual case: written by crmkit, format first; read on without buffering.
                p.nextToken();
                check(ctxt.readTree(p), ctxt);
                p.nextToken();
                return _delegatee.deserialize(p, ctxt);
            }
            if (t != JsonToken.PROPERTY_NAME && t != JsonToken.END_OBJECT) {
                return _delegatee.deserialize(p, ctxt);
            }
            ObjectNode rest = t == JsonToken.END_OBJECT ? ctxt.getNodeFactory().objectNode()
                    : (ObjectNode) ctxt.readTree(p);
            check(rest.remove(FORMAT), ctxt);
            try (JsonParser again = rest.traverse(ctxt)) {
                again.nextToken();
                return _delegatee.deserialize(again, ctxt);
            }
        }

        private void check(JsonNode found, DeserializationContext ctxt) {
            if (found == null) {
                ctxt.reportInputMismatch(this, "missing \"%s\": this document's layout is format %d", FORMAT,
                        format);
            } else if (!isFormat(found, format)) {
                ctxt.reportInputMismatch(this, "%s must be %d, the layout this version of crmkit reads: %s",
                        FORMAT, format, found);
            }
        }
    }
}
