package org.pcmsim.nn.training;

import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;

/** Test accuracy of any forward function (digital network or analog chip). */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param forward inference: features [n,3,32,32] → class scores [n,10]
     * @param test test images
     * @param norm input normalisation
     * @param batchSize images per forward pass, ≥ 1 (each pass of an analog network is one read)
     * @return top-1 accuracy, percent
     */
    public static double accuracy(Function<INDArray, INDArray> forward, LabeledImages test, Batches.Normalization norm,
                                  int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (test.count() == 0) {
            throw new IllegalArgumentException("no test images");
        }
        int correct = 0;
        for (int from = 0; from < test.count(); from += batchSize) {
            int n = Math.min(batchSize, test.count() - from);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = from + i;
            }
            DataSet ds = Batches.batch(test, idx, norm, null);
            INDArray out = forward.apply(ds.getFeatures());
            INDArray pred = out.argMax(1);
            for (int i = 0; i < n; i++) {
                if (pred.getInt(i) == test.label(from + i)) {
                    correct++;
                }
            }
        }
        return 100.0 * correct / test.count();
    }
}
