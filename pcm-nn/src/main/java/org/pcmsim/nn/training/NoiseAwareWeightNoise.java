package org.pcmsim.nn.training;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.pcmsim.random.NamedStream;

/**
 * Noise-aware training (Joshi et al. 2020; docs/model.md §6) as a DL4J weight-noise hook: in every
 * training forward pass the weight tensor W of a convolution or dense layer becomes
 * clip(W + relativeNoise · max|W| · ξ, ±clipSigmas · σ_W), ξ ~ N(0, 1) per element, σ_W the
 * standard deviation of the clean W. In inference W is returned unchanged, and biases are never
 * touched (unlike DL4J's built-in {@code WeightNoise}, which adds bias noise at inference).
 *
 * <p>DL4J caches the returned tensor for the backward pass of the same iteration and applies the
 * gradient computed at it to the clean parameter: a straight-through estimator. The noise of a
 * step depends only on (seed, layer index, iteration), so a training run resumed from a checkpoint
 * draws the same noise as an uninterrupted one.
 */
public final class NoiseAwareWeightNoise implements IWeightNoise {
    private static final long serialVersionUID = 1L;
    /** Joshi et al.'s relative noise amplitude, 3.8 % of max|W|. */
    public static final double DEFAULT_RELATIVE_NOISE = 0.038;
    /** Clipping at 2 σ_W, the same point as the analog deployment quantiser. */
    public static final double DEFAULT_CLIP_SIGMAS = 2.0;

    private final long seed;
    private final double relativeNoise;
    private final double clipSigmas;

    /**
     * @param seed root seed of the noise
     * @param relativeNoise noise σ as a fraction of max|W|, ≥ 0
     * @param clipSigmas clipping point in units of σ_W, &gt; 0
     */
    @JsonCreator
    public NoiseAwareWeightNoise(@JsonProperty("seed") long seed, @JsonProperty("relativeNoise") double relativeNoise,
                                 @JsonProperty("clipSigmas") double clipSigmas) {
        if (!(relativeNoise >= 0) || Double.isInfinite(relativeNoise)) {
            throw new IllegalArgumentException("relativeNoise must be finite and >= 0, got " + relativeNoise);
        }
        if (!(clipSigmas > 0)) {
            throw new IllegalArgumentException("clipSigmas must be > 0, got " + clipSigmas);
        }
        this.seed = seed;
        this.relativeNoise = relativeNoise;
        this.clipSigmas = clipSigmas;
    }

    /** @param seed root seed; Joshi et al.'s defaults for the rest */
    public NoiseAwareWeightNoise(long seed) {
        this(seed, DEFAULT_RELATIVE_NOISE, DEFAULT_CLIP_SIGMAS);
    }

    /** @return the root seed */
    @JsonProperty("seed")
    public long getSeed() {
        return seed;
    }

    /** @return noise σ / max|W| */
    @JsonProperty("relativeNoise")
    public double getRelativeNoise() {
        return relativeNoise;
    }

    /** @return clipping point / σ_W */
    @JsonProperty("clipSigmas")
    public double getClipSigmas() {
        return clipSigmas;
    }

    @Override
    public INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train,
                                 LayerWorkspaceMgr workspaceMgr) {
        INDArray p = layer.getParam(paramKey);
        if (!train || !"W".equals(paramKey)) {
            return p;
        }
        return noisy(p, layer.getIndex(), iteration);
    }

    /**
     * The noisy weight of one training step (what the forward pass uses).
     *
     * @param w clean weights
     * @param layerIndex the layer's index in its network
     * @param iteration the network's iteration count at that step
     * @return clip(W + a·max|W|·ξ, ±c·σ_W), same shape as w, c order
     */
    public INDArray noisy(INDArray w, int layerIndex, int iteration) {
        float[] v = w.dup('c').data().asFloat();
        double[] d = new double[v.length];
        double max = 0;
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
            max = Math.max(max, Math.abs(d[i]));
        }
        int n = v.length;
        double sigma = StandardDeviation.of(d).setBiased(true).getAsDouble();
        double amp = relativeNoise * max;
        double clip = clipSigmas * sigma;
        // (layer, iteration) → an independent stream; index collisions would need 2^31 iterations.
        UniformRandomProvider rng = NamedStream.TRAINING_NOISE.stream(seed, ((long) layerIndex << 31) + iteration);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double x = v[i] + amp * normal.sample();
            out[i] = (float) Math.max(-clip, Math.min(clip, x));
        }
        return Nd4j.create(out, w.shape(), 'c').castTo(w.dataType());
    }

    @Override
    public IWeightNoise clone() {
        return new NoiseAwareWeightNoise(seed, relativeNoise, clipSigmas);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseAwareWeightNoise n && n.seed == seed && n.relativeNoise == relativeNoise
                && n.clipSigmas == clipSigmas;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, relativeNoise, clipSigmas);
    }

    @Override
    public String toString() {
        return "NoiseAwareWeightNoise(seed=" + seed + ", relativeNoise=" + relativeNoise + ", clipSigmas=" + clipSigmas + ")";
    }
}
