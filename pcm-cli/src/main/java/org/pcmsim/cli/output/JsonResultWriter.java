package org.pcmsim.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ResultRow;

/**
 * Writes a figure as JSON: what the run was (command, figure, axis, panels), the full provenance of
 * the result (version, seed, trials, threads, every model parameter, start and wall time) and the
 * same points as the CSV, keyed by the CSV column names. NaN (theory {@code std}) is written as null.
 */
public final class JsonResultWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private JsonResultWriter() {
    }

    /**
     * @param r the result
     * @param run what the CLI adds: command line, tool, whole wall time, … (written under {@code "run"})
     * @param out where to write UTF-8 JSON; not closed
     * @throws IOException if writing fails
     */
    public static void write(FigureResult r, RunRecord run, OutputStream out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", r.name());
        doc.put("figure", r.figure());
        doc.put("title", r.title());
        doc.put("xAxis", r.xAxis());
        doc.put("times", r.times());
        if (r.panels().values().stream().anyMatch(v -> !v.isEmpty())) {
            doc.put("panels", r.panels());
        }
        doc.put("run", run);
        doc.put("provenance", ProvenanceJson.toJson(r.provenance()));
        doc.put("columns", ResultRow.COLUMNS);
        List<Map<String, Object>> points = new ArrayList<>();
        for (ResultRow row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("figure", row.figure());
            m.put("series", row.series());
            m.put("weights", row.weights());
            m.put("algorithm", row.algorithm());
            m.put("base", row.base());
            m.put("n_w", row.nW());
            m.put("time_s", row.timeS());
            m.put("trials", row.trials());
            m.put("metric", row.metric());
            m.put("mean", finite(row.mean()));
            m.put("std", finite(row.std()));
            points.add(m);
        }
        doc.put("points", points);
        // The generator must not close the caller's stream.
        MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, doc);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
