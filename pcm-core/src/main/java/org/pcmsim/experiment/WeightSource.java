package org.pcmsim.experiment;

import java.util.Objects;
import org.pcmsim.weights.WeightDistribution;
import org.pcmsim.weights.WeightMatrix;

/**
 * Where the weights of an MVM experiment come from: fresh N × N draws of a unit-variance
 * distribution in every trial (the paper's Gaussian by default), or one fixed user matrix of any
 * shape, tiled, whose inputs and noise vary from trial to trial.
 *
 * @param distribution the distribution of fresh weights, or null for a fixed matrix
 * @param matrix the fixed matrix, or null for fresh weights
 */
public record WeightSource(WeightDistribution distribution, WeightMatrix matrix) {

    /** The paper's fresh standard normal weights. */
    public static final WeightSource GAUSSIAN = new WeightSource(WeightDistribution.GAUSSIAN, null);

    /** Exactly one of the two. */
    public WeightSource {
        if ((distribution == null) == (matrix == null)) {
            throw new IllegalArgumentException("a weight source is either a distribution or a matrix");
        }
    }

    /**
     * @param d a distribution
     * @return fresh weights of it in every trial
     */
    public static WeightSource of(WeightDistribution d) {
        return new WeightSource(Objects.requireNonNull(d, "distribution"), null);
    }

    /**
     * @param m a matrix
     * @return that matrix, fixed, in every trial
     */
    public static WeightSource of(WeightMatrix m) {
        return new WeightSource(null, Objects.requireNonNull(m, "matrix"));
    }

    /** @return the CSV's {@code weight_source}: a distribution id ({@code gaussian}, {@code student-t3}) or the matrix's source */
    public String id() {
        return distribution != null ? distribution.id() : matrix.source();
    }

    /** @return a legend label: {@code Gaussian}, {@code Student-t(3)} or the matrix's source and shape */
    public String label() {
        return distribution != null ? distribution.label()
                : matrix.source() + " (" + matrix.rows() + "x" + matrix.cols() + ")";
    }
}
