package org.pcmsim.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ResultRow;

/**
 * Writes a figure's points in the project's one long CSV schema,
 * {@code figure,series,weights,algorithm,base,n_w,time_s,trials,metric,mean,std,weight_source,array,weight_clip}
 * ({@link ResultRow#COLUMNS}; the last three are empty for the DNN figures).
 *
 * <p>Provenance comes first as {@code #} comment lines (read with e.g. pandas
 * {@code read_csv(f, comment='#')}), then the header, then one row per point. A theory row has an
 * empty {@code std}.
 */
public final class CsvResultWriter {
    private CsvResultWriter() {
    }

    /**
     * @param r the result
     * @param command the command line that produced it, for the provenance comment
     * @param out where to write UTF-8 text; not closed
     * @throws IOException if writing fails
     */
    public static void write(FigureResult r, String command, OutputStream out) throws IOException {
        List<String> comments = new ArrayList<>();
        comments.add(r.title());
        // No start time or thread count here: they do not change the numbers, and leaving them to the
        // JSON keeps a regenerated CSV byte-identical when the results are.
        comments.add(ProvenanceSummary.run(r));
        String model = ProvenanceSummary.model(r);
        if (!model.isEmpty()) {
            comments.add(model);
        }
        comments.add("command: " + command);
        comments.add("full provenance in the .json file of the same name; std is empty for theory rows");
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(ResultRow.COLUMNS)
                .setCommentMarker('#')
                .setHeaderComments(comments.toArray(Object[]::new))
                .setRecordSeparator('\n')
                .get();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, format);
        for (ResultRow row : r.rows()) {
            printer.printRecord(row.figure(), row.series(), row.weights(), row.algorithm(), row.base(), row.nW(),
                    number(row.timeS()), row.trials(), row.metric(), number(row.mean()), number(row.std()),
                    row.weightSource(), row.array(), number(row.weightClip()));
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
