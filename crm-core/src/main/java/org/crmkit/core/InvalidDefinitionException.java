package org.crmkit.core;

import org.crmkit.core.payment.CardNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a document (JSON, a rule, a standard) cannot be read into a valid value. The message names the
 * location in the document, for example {@code $.contactPoints[1].address}.
 */
public class InvalidDefinitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param path where in the document the problem is, as a JSON path such as {@code $.preferences[0]}
     * @param problem what is wrong there
     * @param cause the underlying failure, if any
     */
    public InvalidDefinitionException(String path, String problem, @Nullable Throwable cause) {
        // Masked here, whoever throws: a reader's message, or its cause's, may quote the text it refused.
        super("invalid document at " + path + ": " + CardNumbers.mask(problem), safe(cause));
        this.path = path;
        this.problem = CardNumbers.mask(problem);
    }

    /** {@return the cause, or null when any message in its chain quotes a card number} */
    private static @Nullable Throwable safe(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && CardNumbers.containsCardNumber(t.getMessage())) {
                return null;
            }
        }
        return cause;
    }

    /** {@return what is wrong, without the path; a card number in it is masked} */
    public String problem() {
        return problem;
    }

    /** {@return where in the document the problem is, as a JSON path} */
    public String path() {
        return path;
    }
}
