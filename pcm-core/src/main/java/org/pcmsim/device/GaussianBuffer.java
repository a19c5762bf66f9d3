package org.pcmsim.device;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Standard normals drawn in blocks by commons-rng's ziggurat sampler and handed out one at a time.
 * The sequence is exactly the sampler's; filling a block in a tight loop keeps the sampler's
 * branches out of the caller's loop, which is measurably faster in the programming hot path.
 */
public final class GaussianBuffer implements NormalizedGaussianSampler {
    private static final int BLOCK = 512;

    private final NormalizedGaussianSampler sampler;
    private final double[] block = new double[BLOCK];
    private int next = BLOCK;

    /** @param rng the uniform source */
    public GaussianBuffer(UniformRandomProvider rng) {
        this.sampler = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    @Override
    public double sample() {
        if (next == BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                block[i] = sampler.sample();
            }
            next = 0;
        }
        return block[next++];
    }
}
