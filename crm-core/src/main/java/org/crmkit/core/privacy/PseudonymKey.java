package org.crmkit.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.crmkit.core.CrmException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * The host-held key that turns customer ids into keyed pseudonyms (HMAC-SHA-256): the same id gives the same
 * pseudonym under one key, and pseudonyms under different keys cannot be linked. The key never appears in
 * {@code toString}, exceptions or JSON; it has no accessor. Immutable and thread-safe.
 */
public final class PseudonymKey {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    private PseudonymKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * Wraps key bytes, which are copied.
     *
     * @param bytes at least 16 bytes from a secure source, held by the host
     * @return the key
     * @throws RuleViolationException when the key is shorter than 16 bytes
     */
    public static PseudonymKey of(byte[] bytes) {
        Checks.notNull("bytes", bytes);
        if (bytes.length < 16) {
            throw new RuleViolationException("pseudonym key must be at least 16 bytes: " + bytes.length);
        }
        return new PseudonymKey(bytes.clone());
    }

    /**
     * The pseudonym of an identifier.
     *
     * @param id the identifier, such as a customer id
     * @return 32 hex digits (128 bits of the HMAC)
     */
    public String pseudonym(String id) {
        Checks.notNull("id", id);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new CrmException("HMAC-SHA-256 is not available on this JVM", e);
        }
    }

    /** {@return a fixed text that shows no key material} */
    @Override
    public String toString() {
        return "PseudonymKey[****]";
    }
}
