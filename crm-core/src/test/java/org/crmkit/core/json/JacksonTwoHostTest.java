package org.crmkit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Method;
import java.util.Map;

import org.crmkit.core.Fixtures;
import org.crmkit.core.customer.Customer;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: a host whose own mapper is Jackson 2 keeps it, and uses crmkit's documents as text beside
 * it. Jackson 2 is reached reflectively so that no crmkit source imports it.
 */
class JacksonTwoHostTest {
    @Test
    void aJacksonTwoMapperReadsAndWritesCrmkitsDocumentsAsText() throws Exception {
        Class<?> mapperType = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        assertNotEquals(mapperType.getPackageName(), CrmJson.mapper().getClass().getPackageName());
        Object hostMapper = mapperType.getConstructor().newInstance();
        Method readValue = mapperType.getMethod("readValue", String.class, Class.class);
        Method writeValue = mapperType.getMethod("writeValueAsString", Object.class);

        // crmkit writes; the host's Jackson 2 mapper reads the document as plain maps and writes it back.
        String document = CrmJson.write(Fixtures.fullGuest());
        Map<?, ?> asMaps = (Map<?, ?>) readValue.invoke(hostMapper, document, Map.class);
        assertEquals(1, asMaps.get("format"));
        assertEquals("person", asMaps.get("kind"));
        String again = (String) writeValue.invoke(hostMapper, asMaps);

        // crmkit reads what the host's mapper wrote, with its own checks.
        assertEquals(Fixtures.fullGuest(), CrmJson.read(again, Customer.class));
    }
}
