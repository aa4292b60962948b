package io.sparserepro.experiments;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads result files for comparisons that ignore the measured columns. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The CSV's lines with every time column ({@code time}, {@code time_*}) and {@code check} removed. */
    public static List<String> withoutTiming(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.get(0).toList();
            List<String> lines = new ArrayList<>();
            for (CSVRecord r : records) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < header.size(); i++) {
                    String h = header.get(i);
                    if (h.equals("time") || h.startsWith("time_") || h.equals("check")) {
                        continue;
                    }
                    line.append(r.get(i)).append(',');
                }
                lines.add(line.toString());
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
