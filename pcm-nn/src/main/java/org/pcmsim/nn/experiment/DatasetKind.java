package org.pcmsim.nn.experiment;

import org.pcmsim.nn.data.Batches;

/** Which images an experiment runs on; every output names it. */
public enum DatasetKind {
    /** CIFAR-10's binary files from a local folder. */
    CIFAR10("cifar10", "CIFAR-10", Batches.Augmentation.CIFAR),
    /** The project's synthetic CIFAR-format dataset ({@link org.pcmsim.nn.data.SyntheticCifar}); not CIFAR-10. */
    SYNTHETIC("synthetic", "synthetic CIFAR-format data (not CIFAR-10)", Batches.Augmentation.CIFAR),
    /**
     * Zalando's Fashion-MNIST ({@link org.pcmsim.nn.data.FashionMnist}): 1 × 28 × 28 grayscale. The
     * garments are centred with a margin of a few pixels, so the crop pads by 2 (a shift of up to 7 %
     * of the side, against CIFAR-10's 4 of 32); a left-right flip leaves a garment's class unchanged.
     */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", new Batches.Augmentation(2, true));

    private final String id;
    private final String label;
    private final Batches.Augmentation augmentation;

    DatasetKind(String id, String label, Batches.Augmentation augmentation) {
        this.id = id;
        this.label = label;
        this.augmentation = augmentation;
    }

    /** @return the command-line name */
    public String id() {
        return id;
    }

    /** @return the name printed in titles and provenance */
    public String label() {
        return label;
    }

    /** @return the training augmentation that suits these images */
    public Batches.Augmentation augmentation() {
        return augmentation;
    }

    /**
     * @param id {@code cifar10}, {@code synthetic} or {@code fashion-mnist}
     * @return the kind
     */
    public static DatasetKind fromId(String id) {
        for (DatasetKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "', expected cifar10, synthetic or fashion-mnist");
    }
}
