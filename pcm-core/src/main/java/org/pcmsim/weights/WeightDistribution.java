package org.pcmsim.weights;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.TSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.internal.Checks;
import org.pcmsim.random.NamedStream;

/**
 * A distribution of synthetic weights, always scaled to zero mean and unit variance so that the
 * paper's k·σ weight clip means the same thing for every one: the paper's Gaussian, and
 * heavier-tailed alternatives (the paper's first stated limitation is its Gaussian weights; trained
 * DNN weights have heavier tails).
 *
 * @param kind the family
 * @param nu degrees of freedom ν of a Student-t, &gt; 2 so that the variance exists (NaN for the
 *           other families)
 */
public record WeightDistribution(Kind kind, double nu) {

    /** The families. */
    public enum Kind {
        /** N(0, 1), the paper's. */
        GAUSSIAN,
        /** Laplace with scale 1/√2 (variance 2b² = 1): exponential tails, excess kurtosis 3. */
        LAPLACE,
        /** Student-t with ν degrees of freedom times √((ν − 2)/ν): power-law tails. */
        STUDENT_T,
        /** Uniform on [−√3, √3]: no tails at all. */
        UNIFORM
    }

    /** The paper's standard normal weights. */
    public static final WeightDistribution GAUSSIAN = new WeightDistribution(Kind.GAUSSIAN, Double.NaN);
    /** Unit-variance Laplace weights. */
    public static final WeightDistribution LAPLACE = new WeightDistribution(Kind.LAPLACE, Double.NaN);
    /** Unit-variance uniform weights. */
    public static final WeightDistribution UNIFORM = new WeightDistribution(Kind.UNIFORM, Double.NaN);

    /** Validates ν; messages name the value. */
    public WeightDistribution {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.STUDENT_T) {
            Checks.finite("Student-t degrees of freedom nu", nu);
            if (!(nu > 2)) {
                throw new IllegalArgumentException("Student-t degrees of freedom nu must be > 2 (finite variance), got "
                        + nu);
            }
        } else {
            nu = Double.NaN;
        }
    }

    /**
     * @param nu degrees of freedom, &gt; 2
     * @return unit-variance Student-t weights
     */
    public static WeightDistribution studentT(double nu) {
        return new WeightDistribution(Kind.STUDENT_T, nu);
    }

    /**
     * @param text {@code gaussian}, {@code laplace}, {@code student-t:NU} (e.g. {@code student-t:3}) or
     *             {@code uniform}
     * @return the distribution
     * @throws IllegalArgumentException naming the text if it is none of these
     */
    public static WeightDistribution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "gaussian":
                return GAUSSIAN;
            case "laplace":
                return LAPLACE;
            case "uniform":
                return UNIFORM;
            default:
                break;
        }
        if (t.startsWith("student-t:")) {
            try {
                return studentT(Double.parseDouble(t.substring("student-t:".length())));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("weight distribution must be gaussian, laplace, student-t:NU (NU > 2) or "
                + "uniform, got '" + text + "'");
    }

    /** @return the name used in CSV files: {@code gaussian}, {@code laplace}, {@code student-t3}, {@code uniform} */
    public String id() {
        return switch (kind) {
            case GAUSSIAN -> "gaussian";
            case LAPLACE -> "laplace";
            case UNIFORM -> "uniform";
            case STUDENT_T -> "student-t" + (nu == Math.rint(nu) ? String.valueOf((long) nu) : String.valueOf(nu));
        };
    }

    /** @return a label for legends, e.g. {@code Student-t(3)} */
    public String label() {
        return switch (kind) {
            case GAUSSIAN -> "Gaussian";
            case LAPLACE -> "Laplace";
            case UNIFORM -> "Uniform";
            case STUDENT_T -> "Student-t(" + (nu == Math.rint(nu) ? String.valueOf((long) nu) : String.valueOf(nu)) + ")";
        };
    }

    /**
     * @param rng the generator to draw from
     * @return a sampler of unit-variance values
     */
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return switch (kind) {
            case GAUSSIAN -> ZigguratSampler.NormalizedGaussian.of(rng);
            case LAPLACE -> {
                // A Laplace variate is an exponential one with a random sign (scale b = 1/√2).
                ContinuousSampler e = ZigguratSampler.Exponential.of(rng);
                double b = Math.sqrt(0.5);
                yield () -> (rng.nextBoolean() ? b : -b) * e.sample();
            }
            case UNIFORM -> ContinuousUniformSampler.of(rng, -Math.sqrt(3), Math.sqrt(3));
            case STUDENT_T -> {
                TSampler t = TSampler.of(rng, nu);
                double s = Math.sqrt((nu - 2) / nu);
                yield () -> s * t.sample();
            }
        };
    }

    /**
     * A rows × cols matrix of independent draws, from the seed's own stream
     * {@link NamedStream#SYNTHETIC_WEIGHTS} (index 0), which no chip, trial or DNN consumer shares.
     *
     * @param rows matrix rows
     * @param cols matrix columns
     * @param seed the seed
     * @return the matrix, named by {@link #id}
     */
    public WeightMatrix sample(int rows, int cols, long seed) {
        WeightMatrix.checkShape(rows, cols);
        ContinuousSampler s = sampler(NamedStream.SYNTHETIC_WEIGHTS.stream(seed, 0));
        double[] w = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < w.length; i++) {
            w[i] = s.sample();
        }
        return WeightMatrix.of(w, rows, cols).withSource(id());
    }

    @Override
    public String toString() {
        return id();
    }
}
