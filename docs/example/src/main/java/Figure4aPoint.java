import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.montecarlo.MonteCarloEngine;
import org.pcmsim.montecarlo.MonteCarloResult;
import org.pcmsim.montecarlo.MvmTrialConfig;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

public class Figure4aPoint {
    public static void main(String[] args) {
        // One point of Figure 4(a): Max-fill with error correction, 8 slices of base 1,
        // on the paper's 128 x 128 crossbar and PCM device, read at t0 and after a month.
        MvmTrialConfig config = MvmTrialConfig.paper(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 8, 1));
        double[] times = {ReadTimes.T0, ReadTimes.MONTH};
        MonteCarloResult r = MonteCarloEngine.allCores().run(config, times, 200, 42);
        System.out.printf("eta(t0) = %.4f ± %.4f, eta(1 month) = %.4f ± %.4f%n",
                r.mean(0), r.std(0), r.mean(1), r.std(1));
    }
}
