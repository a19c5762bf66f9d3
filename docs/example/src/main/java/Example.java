import org.pcmsim.analog.AnalogMatrix;
import org.pcmsim.analog.AnalogSettings;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.weights.WeightDistribution;
import org.pcmsim.weights.WeightMatrix;

public class Example {
    public static void main(String[] args) {
        // A 300 x 64 layer (here Laplace weights; WeightMatrix.of(yourDoubleArray) takes your own), tiled
        // on the paper's 128 x 128 arrays, sliced by Max-fill EC over 4 devices, programmed as chip 0 of seed 42.
        WeightMatrix w = WeightDistribution.LAPLACE.sample(300, 64, 1);
        AnalogSettings settings = AnalogSettings.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1));
        AnalogMatrix chip = AnalogMatrix.program(w, settings, 42, 0);
        double[] x = WeightDistribution.GAUSSIAN.sample(1, 64, 2).toArray();
        for (double t : new double[] {ReadTimes.T0, ReadTimes.DAY}) {
            double[] y = chip.multiply(x, t);   // real outputs, drift-compensated
            System.out.printf("t = %6.0f s: error vs exact product %.4f, vs quantised product %.4f%n", t,
                    AnalogMatrix.relativeError(y, chip.exact(x)), AnalogMatrix.relativeError(y, chip.quantizedExact(x)));
        }
    }
}
