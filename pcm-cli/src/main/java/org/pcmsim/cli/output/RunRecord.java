package org.pcmsim.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the CLI adds to a result's JSON under {@code "run"}: the command as typed, the tool and the Java
 * that ran it, and the whole command's start and wall time (the result's own provenance times the
 * computation alone).
 *
 * @param command the command as typed, e.g. {@code pcm run figure-4a --trials 5}
 * @param tool the tool and its version, e.g. {@code pcm 0.1.0}
 * @param java the Java version
 * @param availableProcessors processors the JVM saw
 * @param started when the command started
 * @param wallTimeS the command's wall time up to writing the JSON, s
 * @param formats the formats written
 * @param dnn what a DNN run adds; null for the Monte Carlo figures
 */
public record RunRecord(String command, String tool, String java, int availableProcessors,
                        @JsonSerialize(using = ToStringSerializer.class)
                        Instant started, double wallTimeS, List<String> formats,
                        @JsonUnwrapped @JsonInclude(JsonInclude.Include.NON_NULL) DnnRun dnn) {

    /** Copies the formats. */
    public RunRecord {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(started, "started");
        formats = List.copyOf(formats);
    }

    /**
     * What a DNN run adds to the run record.
     *
     * @param dataset the dataset's id
     * @param scale the scale ({@code ci}, {@code full})
     * @param workDir the work folder (data cache, chip results)
     * @param ompNumThreads the environment's {@code OMP_NUM_THREADS}, null if unset
     * @param ompWaitPolicy the environment's {@code OMP_WAIT_POLICY}, null if unset
     */
    public record DnnRun(String dataset, String scale, String workDir,
                         @JsonProperty("OMP_NUM_THREADS") String ompNumThreads,
                         @JsonProperty("OMP_WAIT_POLICY") String ompWaitPolicy) {
    }
}
