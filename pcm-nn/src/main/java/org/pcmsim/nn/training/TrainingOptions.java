package org.pcmsim.nn.training;

/**
 * Hyper-parameters of the two training phases: a digital baseline, then noise-aware fine-tuning
 * (docs/model.md §6). Both use SGD with Nesterov momentum and L2 weight decay; the baseline's learning
 * rate drops ×0.1 at 50 % and again at 75 % of its epochs, the fine-tuning's ×0.1 after two thirds
 * (epoch 10 of 15 in the reference).
 *
 * @param baselineEpochs digital training epochs, ≥ 0
 * @param noiseAwareEpochs noise-aware fine-tuning epochs, ≥ 0 (15 in the reference)
 * @param batchSize images per step, ≥ 1 (128 in the reference)
 * @param baselineLearningRate initial baseline learning rate, &gt; 0
 * @param noiseAwareLearningRate initial fine-tuning learning rate, &gt; 0 (0.01)
 * @param momentum SGD momentum in [0, 1) (0.9)
 * @param weightDecay L2 coefficient, ≥ 0 (1e-4)
 * @param relativeNoise noise-aware σ / max|W| (0.038)
 * @param clipSigmas noise-aware clipping point / σ_W (2)
 * @param seed seed of initialisation, data order, augmentation and training noise
 */
public record TrainingOptions(int baselineEpochs, int noiseAwareEpochs, int batchSize, double baselineLearningRate,
                              double noiseAwareLearningRate, double momentum, double weightDecay,
                              double relativeNoise, double clipSigmas, long seed) {

    /** Validates every field; messages name the value. */
    public TrainingOptions {
        if (baselineEpochs < 0 || noiseAwareEpochs < 0 || baselineEpochs + noiseAwareEpochs < 1) {
            throw new IllegalArgumentException("need epochs >= 0 with at least one in total, got baseline "
                    + baselineEpochs + ", noise-aware " + noiseAwareEpochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(baselineLearningRate > 0) || !(noiseAwareLearningRate > 0)) {
            throw new IllegalArgumentException("learning rates must be > 0, got " + baselineLearningRate + " and "
                    + noiseAwareLearningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (!(relativeNoise >= 0) || !(clipSigmas > 0)) {
            throw new IllegalArgumentException("need relativeNoise >= 0 and clipSigmas > 0, got " + relativeNoise
                    + " and " + clipSigmas);
        }
    }

    /**
     * @param baselineEpochs digital epochs
     * @param noiseAwareEpochs noise-aware epochs
     * @param seed seed
     * @return the reference recipe (batch 128, lr 0.1 then 0.01, momentum 0.9, decay 1e-4, 3.8 %, 2 σ)
     */
    public static TrainingOptions reference(int baselineEpochs, int noiseAwareEpochs, long seed) {
        return new TrainingOptions(baselineEpochs, noiseAwareEpochs, 128, 0.1, 0.01, 0.9, 1e-4,
                NoiseAwareWeightNoise.DEFAULT_RELATIVE_NOISE, NoiseAwareWeightNoise.DEFAULT_CLIP_SIGMAS, seed);
    }

    /** @return total epochs */
    public int totalEpochs() {
        return baselineEpochs + noiseAwareEpochs;
    }
}
