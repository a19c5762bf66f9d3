package org.pcmsim.montecarlo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcmsim.device.Conventions;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.TargetRange;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The published preset reproduces the published reference engine where its conventions matter most:
 * Max-fill EC at b_W = 8, n_W = 4, at t0, whose least significant slice is asked for up to tens of
 * G_max. Reference values, measured by running the published engine's own trial function with each
 * convention patched in (its {@code run_trial_4b}, seeds 1000–1999, standard error 0.00021; docs/model.md,
 * Conventions): η = {@value #ABSOLUTE} with |σ_P(g)| (the published engine as it is), {@value #SATURATED}
 * with σ_P evaluated at min(g, 1) (or clamped at 0: the same to the last digit shown), and
 * {@value #CLIPPED} with the least significant slice's targets clipped to G_max. All three keep the
 * published engine's slice-max read-noise normalisation.
 *
 * <p>Tolerance: 4 standard errors of the difference (ours from the run, the reference's 0.00021 from
 * its 1 000 trials, independent draws): a false-failure rate of 6e-5 per check. The three references
 * differ by 4–12 standard errors of a difference, so the checks also tell the conventions apart.
 */
class PublishedEngineTest {
    static final double ABSOLUTE = 0.07725;
    static final double SATURATED = 0.07494;
    static final double CLIPPED = 0.07850;
    private static final double REFERENCE_SE = 0.00021;
    private static final int TRIALS = 1000;
    private static final SlicingScheme EC_B8_N4 = SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 8);
    private static final PcmDeviceModel PUBLISHED = PcmDeviceModel.nandakumar2019().withConventions(Conventions.PUBLISHED);

    private static void check(PcmDeviceModel device, double reference, String what) {
        MvmTrialConfig config = MvmTrialConfig.paper(EC_B8_N4).withDevice(device);
        MonteCarloResult r = new MonteCarloEngine(2).run(config, new double[] {ReadTimes.T0}, TRIALS, 20220401L);
        double se = r.standardError(0);
        double tol = 4 * Math.sqrt(se * se + REFERENCE_SE * REFERENCE_SE);
        assertTrue(Math.abs(r.mean(0) - reference) <= tol, String.format(
                "%s: simulated %.5f ± %.5f, published engine %.5f, tolerance %.5f", what, r.mean(0), se, reference, tol));
    }

    @Test
    void publishedPresetMatchesThePublishedEngine() {
        check(PUBLISHED, ABSOLUTE, "|sigma_P(g)|, unbounded");
    }

    @Test
    void saturatedSigmaMatchesThePatchedEngine() {
        check(PUBLISHED.withProgrammingNoiseExtrapolation(ProgrammingNoiseExtrapolation.SATURATED), SATURATED,
                "sigma_P(min(g, 1)), unbounded");
    }

    @Test
    void clippedTargetsMatchThePatchedEngine() {
        check(PUBLISHED.withTargetRange(TargetRange.CLIPPED), CLIPPED, "clipped to G_max");
    }
}
