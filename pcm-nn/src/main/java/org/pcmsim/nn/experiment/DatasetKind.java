package org.pcmsim.nn.experiment;

/** Which images an experiment runs on; every output names it. */
public enum DatasetKind {
    /** CIFAR-10's binary files from a local folder. */
    CIFAR10("cifar10", "CIFAR-10"),
    /** The project's synthetic CIFAR-format dataset ({@link org.pcmsim.nn.data.SyntheticCifar}); not CIFAR-10. */
    SYNTHETIC("synthetic", "synthetic CIFAR-format data (not CIFAR-10)");

    private final String id;
    private final String label;

    DatasetKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the command-line name */
    public String id() {
        return id;
    }

    /** @return the name printed in titles and provenance */
    public String label() {
        return label;
    }

    /**
     * @param id {@code cifar10} or {@code synthetic}
     * @return the kind
     */
    public static DatasetKind fromId(String id) {
        for (DatasetKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "', expected cifar10 or synthetic");
    }
}
