package org.crmkit.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a document (JSON, a rule, a standard) cannot be read into a valid value. The message names the
 * location in the document, for example {@code $.contactPoints[1].address}.
 */
public class InvalidDefinitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * Creates the exception.
     *
     * @param path where in the document the problem is, as a JSON path such as {@code $.preferences[0]}
     * @param problem what is wrong there
     * @param cause the underlying failure, if any
     */
    public InvalidDefinitionException(String path, String problem, @Nullable Throwable cause) {
        super("invalid document at " + path + ": " + problem, cause);
        this.path = path;
    }

    /** {@return where in the document the problem is, as a JSON path} */
    public String path() {
        return path;
    }
}
