package io.sparserepro.cli;

import io.sparserepro.experiments.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar (trials done, rate, ETA) on standard error; used only when a
 * console is attached, never by library code or tests.
 */
final class ConsoleProgress implements ProgressListener {
    private final String task;
    private ProgressBar bar;

    ConsoleProgress(String task) {
        this.task = task;
    }

    @Override
    public void started(long trials) {
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(trials)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" trials", 1)
                .showSpeed()
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void trialsReused(int count) {
        trialsDone(count);
    }

    @Override
    public void trialsDone(int count) {
        if (bar != null) {
            bar.stepBy(count);
        }
    }

    @Override
    public void warning(String message) {
        if (bar != null) {
            bar.pause();
        }
        System.err.println("warning: " + message);
        if (bar != null) {
            bar.resume();
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
