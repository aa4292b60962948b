package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 10: the bar fits the terminal without vanishing; a log gets plain lines. */
class ConsoleProgressTest {
    private static final Pattern BAR = Pattern.compile("\\[([= ]*)\\]");

    private static int barWidth(String line) {
        Matcher m = BAR.matcher(line);
        return m.find() ? m.group(1).length() : -1;
    }

    @Test
    void at80ColumnsTheBarKeepsAUsefulWidthAndTheLineFits() {
        String line = ConsoleProgress.line("demo (quick) shard 3/8", 540, 1200, 12.3, 53, 80);
        assertTrue(line.length() <= 79, line.length() + ": " + line);
        assertTrue(barWidth(line) >= 20, line);
        assertTrue(line.startsWith("demo (quick) shard 3/8  45% [") && line.endsWith("] 540/1200 12.3/s ETA 53 s"), line);
        // 45% of the bar is filled.
        Matcher m = BAR.matcher(line);
        assertTrue(m.find());
        assertEquals(barWidth(line) * 540 / 1200, m.group(1).chars().filter(c -> c == '=').count());
    }

    @Test
    void narrowTerminalsDropTheRateThenCutTheNameButKeepTheBar() {
        String task = "phase-transition (full) shard 12/64 with a long declaration name";
        for (int width = 30; width <= 200; width++) {
            String line = ConsoleProgress.line(task, 10, 1_000_000, 1234.5, 3 * 3600 + 5, width);
            assertTrue(line.length() <= width - 1, width + ": " + line);
            assertTrue(barWidth(line) >= 10, width + ": " + line);
            assertTrue(line.contains("10/1000000"), width + ": " + line);
            assertTrue(width < 50 || line.contains("ETA 3:00:05"), width + ": " + line);
        }
        assertFalse(ConsoleProgress.line(task, 10, 1000, 5, 10, 50).contains("/s"), "rate dropped at 50 columns");
        String wide = ConsoleProgress.line(task, 10, 1000, 5, 10, 200);
        assertTrue(wide.startsWith(task) && wide.contains("5.00/s"), wide);
        assertTrue(ConsoleProgress.line(task, 0, 10, 0, -1, 12).length() <= 11, "tiny terminals: text only, cut");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndEndsWithANewline() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ConsoleProgress p = new ConsoleProgress("tiny", new PrintWriter(text), new Terminal(true, 80), () -> now[0]);
        p.started(100);
        for (int i = 0; i < 10; i++) {
            now[0] += 1_000_000_000L;
            p.trialsDone(10);
        }
        p.finished();
        String out = text.toString();
        assertTrue(out.startsWith("\r") && out.endsWith("\n"), out);
        String last = out.substring(out.lastIndexOf('\r') + 1).strip();
        assertTrue(last.startsWith("tiny 100% [" + "=".repeat(barWidth(last)) + "] 100/100"), last);
        assertFalse(out.contains("\u001b"), "no escape sequences");
    }

    @Test
    void withoutATerminalProgressIsPlainLinesAtMostEveryTenSeconds() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ConsoleProgress p = new ConsoleProgress("demo (quick)", new PrintWriter(text), Terminal.NONE, () -> now[0]);
        p.started(1200);
        p.trialsReused(200);
        for (int i = 0; i < 100; i++) {
            now[0] += 1_000_000_000L; // 1 s and 10 trials each
            p.trialsDone(10);
            if (i == 50) {
                p.warning("a damaged row was set aside");
            }
        }
        p.finished();
        String out = text.toString().replace(System.lineSeparator(), "\n");
        assertFalse(out.contains("\r") || out.contains("\u001b"), out);
        assertEquals("demo (quick): 0/1200 trials (0%)", out.lines().findFirst().orElseThrow());
        assertTrue(out.contains("demo (quick): 300/1200 trials (25%), 10.0 trials/s, about 1:30 left\n"), out);
        assertTrue(out.contains("warning: a damaged row was set aside\n"), out);
        assertTrue(out.endsWith("demo (quick): 1200/1200 trials (100%), 10.0 trials/s\n"), out);
        assertEquals(12, out.lines().count(), out); // the start, one per 10 s, the warning; the end not twice
    }

    @Test
    void terminalWidthComesFromTheLauncherProperty() {
        assertEquals(132, Terminal.parseColumns("132"));
        assertEquals(80, Terminal.parseColumns("wide"));
        assertEquals(80, Terminal.parseColumns(null));
        assertEquals(80, Terminal.parseColumns("3"));
    }
}
