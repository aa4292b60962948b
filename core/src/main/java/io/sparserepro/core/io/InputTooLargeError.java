package io.sparserepro.core.io;

/**
 * The data of a file did not fit in the Java heap. Thrown in place of the JVM's bare
 * {@link OutOfMemoryError} ("Java heap space") by the readers, at the allocation that failed,
 * so that the message can say which file, what shape and how many bytes were needed.
 */
public final class InputTooLargeError extends OutOfMemoryError {
    private static final long serialVersionUID = 1L;
    private final long bytes;

    /**
     * @param message what did not fit, naming the file
     * @param bytes   the size of the allocation that failed
     */
    public InputTooLargeError(String message, long bytes) {
        super(message);
        this.bytes = bytes;
    }

    /** The size of the allocation that failed, in bytes. */
    public long bytes() {
        return bytes;
    }

    /** {@code n} bytes in binary units, e.g. {@code 122 MiB}. */
    public static String describeBytes(long n) {
        if (n >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.0f MiB", n / (double) (1L << 20));
        }
        return String.format(java.util.Locale.ROOT, "%.0f KiB", Math.ceil(n / 1024.0));
    }
}
