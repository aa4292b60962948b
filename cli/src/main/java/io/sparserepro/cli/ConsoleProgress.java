package io.sparserepro.cli;

import io.sparserepro.experiments.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Run progress on standard error, for people: trials done, rate and time left.
 *
 * <p>On a terminal, one line redrawn in place with a carriage return, sized to the terminal's
 * width: the bar takes what the text leaves, and when the terminal is narrow the rate, then the
 * task name give way first, so that the bar never shrinks to nothing. Anywhere else (a file, a
 * pipe, a cluster log) plain lines, at most one every {@link #PLAIN_INTERVAL_NANOS}, with no
 * control characters. Never used by library code or by tests of the runner.
 */
final class ConsoleProgress implements ProgressListener {
    /** Redraws of the bar at most this often: a terminal needs no more. */
    static final long REDRAW_INTERVAL_NANOS = 200_000_000L;
    /** A log file gets a line at most this often. */
    static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;
    private static final int MIN_BAR = 10;

    private final String task;
    private final PrintWriter err;
    private final Terminal terminal;
    private final LongSupplier clock;
    private long total;
    private long done;
    private long doneAtStart;
    private long startNanos;
    private long lastShown;
    private boolean active;
    private int drawnLength;
    private long shownDone = -1;
    /** What is counted ("trials"; "epochs" for training). */
    private String unit = "trials";
    /** A short text shown after the count (a training's latest losses), empty for none. */
    private String status = "";

    ConsoleProgress(String task, PrintWriter err, Terminal terminal, LongSupplier clock) {
        this.task = task;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    ConsoleProgress(String task, PrintWriter err, Terminal terminal) {
        this(task, err, terminal, System::nanoTime);
    }

    /** Counts {@code value} instead of trials (call before {@link #started}). */
    ConsoleProgress counting(String value) {
        unit = value;
        return this;
    }

    /** Shows {@code text} after the count from the next redraw on (e.g. the latest losses). */
    void status(String text) {
        status = text == null ? "" : text;
    }

    @Override
    public void started(long trials) {
        total = trials;
        done = 0;
        doneAtStart = 0;
        startNanos = clock.getAsLong();
        active = true;
        show(true);
    }

    /** Trials found in the store count as done but not toward the rate (they took no time now). */
    @Override
    public void trialsReused(int count) {
        if (active) {
            done += count;
            doneAtStart += count;
            show(false);
        }
    }

    @Override
    public void trialsDone(int count) {
        if (active) {
            done += count;
            show(false);
        }
    }

    @Override
    public void warning(String message) {
        clearLine();
        err.println("warning: " + message);
        err.flush();
        if (active && terminal.interactive()) {
            show(true);
        }
    }

    @Override
    public void finished() {
        if (!active) {
            return;
        }
        show(true);
        if (terminal.interactive()) {
            err.println();
            drawnLength = 0;
        }
        err.flush();
        active = false;
    }

    private void show(boolean always) {
        long now = clock.getAsLong();
        long interval = terminal.interactive() ? REDRAW_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
        if (!always && now - lastShown < interval && done < total) {
            return;
        }
        lastShown = now;
        double seconds = (now - startNanos) * 1e-9;
        double rate = seconds > 0 ? (done - doneAtStart) / seconds : 0;
        long left = rate > 0 ? Math.round((total - done) / rate) : -1;
        if (terminal.interactive()) {
            String text = line(task, done, total, rate, left, terminal.columns(), status);
            // Pad over a longer previous line instead of an erase escape sequence.
            err.print("\r" + text + " ".repeat(Math.max(0, drawnLength - text.length())));
            drawnLength = text.length();
        } else if (done != shownDone) { // a log gets no line that repeats the previous one
            err.println(plainLine(task, unit, done, total, rate, left, status));
        }
        shownDone = done;
        err.flush();
    }

    private void clearLine() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            drawnLength = 0;
        }
    }

    /**
     * The bar line for a terminal {@code width} columns wide, at most {@code width − 1}
     * characters (writing the last column makes some terminals wrap).
     */
    static String line(String task, long done, long total, double rate, long secondsLeft, int width) {
        return line(task, done, total, rate, secondsLeft, width, "");
    }

    /** As above, with {@code status} after the count (it gives way with the rate). */
    static String line(String task, long done, long total, double rate, long secondsLeft, int width, String status) {
        int room = width - 1;
        String percent = String.format(Locale.ROOT, "%3d%%", total == 0 ? 100 : (int) (100 * done / total));
        String count = " " + done + "/" + total;
        if (!status.isEmpty() && room - (task.length() + percent.length() + 3 + MIN_BAR + count.length() + 14)
                > status.length() + 1) {
            count += " " + status;
        }
        String speed = rate > 0 ? String.format(Locale.ROOT, " %.3g/s", rate) : "";
        String eta = secondsLeft >= 0 ? " ETA " + duration(secondsLeft) : "";
        String name = task + " ";
        // The bar keeps MIN_BAR columns; what gives way first: the rate, the task name (cut,
        // then left out), then the time left. The percentage and the count always stay.
        int brackets = 3; // " [" before the bar and "]" after it
        if (percent.length() + brackets + MIN_BAR + count.length() + eta.length() + speed.length() + name.length() > room) {
            speed = "";
        }
        int needed = percent.length() + brackets + MIN_BAR + count.length() + eta.length();
        if (needed + name.length() > room) {
            int keep = room - needed - 2; // room for "… "
            name = keep >= 4 ? task.substring(0, Math.min(task.length(), keep)) + "… " : "";
        }
        if (needed + name.length() > room) {
            eta = "";
        }
        int bar = room - percent.length() - brackets - count.length() - eta.length() - speed.length() - name.length();
        if (bar < MIN_BAR) {
            String text = percent.strip() + count + eta;
            return text.substring(0, Math.min(room, text.length()));
        }
        int filled = total == 0 ? bar : (int) (bar * done / total);
        return name + percent + " [" + "=".repeat(filled) + " ".repeat(bar - filled) + "]" + count + speed + eta;
    }

    /** A progress line for a log: no bar, no control characters. */
    static String plainLine(String task, long done, long total, double rate, long secondsLeft) {
        return plainLine(task, "trials", done, total, rate, secondsLeft, "");
    }

    /** As above, counting {@code unit}, with {@code status} after the percentage. */
    static String plainLine(String task, String unit, long done, long total, double rate, long secondsLeft,
                            String status) {
        StringBuilder s = new StringBuilder(task).append(": ").append(done).append('/').append(total)
                .append(' ').append(unit).append(" (").append(total == 0 ? 100 : 100 * done / total).append("%)");
        if (!status.isEmpty()) {
            s.append(", ").append(status);
        }
        if (rate > 0) {
            s.append(String.format(Locale.ROOT, ", %.3g %s/s", rate, unit));
        }
        if (secondsLeft >= 0 && done < total) {
            s.append(", about ").append(duration(secondsLeft)).append(" left");
        }
        return s.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
