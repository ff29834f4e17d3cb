package org.synthtrust.core;

/**
 * Invalid user input or configuration: a malformed file, a bad setting, a budget out of range. The message
 * names the file and line, the column or the setting, the offending value and the fix. The command line maps
 * it to exit code 2 and the GUI shows it in a dialog; every other exception counts as an internal error.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
