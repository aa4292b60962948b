package io.sparserepro.core.io;

/**
 * The content of a data file is malformed: the message names the file and the position (line
 * and column, header field, or byte offset), says what was found and what was expected.
 *
 * <p>It is an {@link IllegalArgumentException} because a bad file is bad input to the public
 * entry point that read it, and callers (the CLI) already report those to the user verbatim.
 */
public class DataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }
}
