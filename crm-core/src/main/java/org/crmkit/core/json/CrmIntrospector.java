package org.crmkit.core.json;

import tools.jackson.core.Version;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Spells crmkit's enumeration constants as {@link EnumNames} does, as values and as map keys. Other enumerations,
 * a host's among them, keep the spelling the host's mapper gives them.
 */
final class CrmIntrospector extends NopAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public String[] findEnumValues(MapperConfig<?> config, AnnotatedClass annotatedClass, Enum<?>[] enumValues,
                                   String[] names) {
        if (!annotatedClass.getRawType().getName().startsWith("org.crmkit.")) {
            return names;
        }
        for (int i = 0; i < enumValues.length; i++) {
            names[i] = EnumNames.of(enumValues[i]);
        }
        return names;
    }
}
