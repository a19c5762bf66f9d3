package org.pcmsim.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ResultRow;

/**
 * Writes a figure's points in the project's one long CSV schema,
 * {@code figure,series,weights,algorithm,base,n_w,time_s,trials,metric,mean,std,weight_source,array,weight_clip,periphery}
 * ({@link ResultRow#COLUMNS}; weight_source, array and weight_clip are empty for the DNN figures; periphery is
 * {@code ideal} or the short description of the converters and wires, docs/model.md §9).
 *
 * <p>Plain CSV (RFC 4180 quoting, UTF-8, {@code \n} line ends): the header row, then one row per
 * point, nothing else, so that any CSV reader (pandas {@code read_csv}, Python's {@code csv}, R,
 * spreadsheets) reads it with default settings. The provenance (version, seed, model, command) is in
 * the {@code .json} file of the same name. A theory row has an empty {@code std}.
 */
public final class CsvResultWriter {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(ResultRow.COLUMNS)
            .setRecordSeparator('\n')
            .get();

    private CsvResultWriter() {
    }

    /**
     * @param r the result
     * @param out where to write UTF-8 text; not closed
     * @throws IOException if writing fails
     */
    public static void write(FigureResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        for (ResultRow row : r.rows()) {
            printer.printRecord(row.figure(), row.series(), row.weights(), row.algorithm(), row.base(), row.nW(),
                    number(row.timeS()), row.trials(), row.metric(), number(row.mean()), number(row.std()),
                    row.weightSource(), row.array(), number(row.weightClip()), row.periphery());
        }
        printer.flush();
    }

    /** Integers without a trailing ".0", everything else round-trippable; NaN as an empty field. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return ProvenanceSummary.fmt(v);
    }
}
