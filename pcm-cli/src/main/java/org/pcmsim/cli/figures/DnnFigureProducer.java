package org.pcmsim.cli.figures;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.analog.LayerConverters;
import org.pcmsim.nn.experiment.DnnOptions;
import org.pcmsim.nn.experiment.PeripheryStudy;

/**
 * Figure 5(a) or 5(c): test accuracy of a ResNet deployed on simulated PCM chips (pcm-nn). Not part
 * of {@code pcm run all}: it needs a dataset and runs minutes (CI scale) to days (published scale).
 *
 * <p>The DNN options do not fit {@link RunSettings}, so {@code pcm run} first makes a
 * {@linkplain #configured configured} copy carrying a {@link DnnRequest}; {@link #produce} then runs
 * it (the settings are not used: seed and noise scales are in the request). Nothing here touches
 * DL4J or ND4J until {@link #produce} runs: listing the figures or running the MVM ones never
 * initialises them.
 */
public final class DnnFigureProducer implements FigureProducer {
    /** Published chips per configuration (100 independently programmed chips). */
    public static final int PUBLISHED_CHIPS = 100;

    /*
     * Seconds per image on the development machine (2 cores, one OpenMP thread, 27 Nov 2026), for
     * the rough estimates of `pcm list` only. ResNet-32: DnnBenchmark on the idle machine (0.8 s per
     * 64-image training step; 4.5 s per 1000 images of inference on one evaluation thread, reads
     * included; two evaluation threads took 1.3-2.3 s). ResNet-8 (CI): the CI-scale runs of
     * figure-5a/5c on an idle machine (630 training steps of 64 images in 36 s; 323 and 403
     * evaluations of 1000 test images in 30.5 s and 37.2 s on one evaluation thread). Other jobs on
     * the machine make both up to about 1.5 times slower.
     */
    private static final double RESNET32_TRAIN = 0.8 / 64;
    private static final double RESNET32_EVAL = 4.5e-3;
    private static final double RESNET8_TRAIN = 36.2 / (630 * 64);
    private static final double RESNET8_EVAL = 0.95e-4;
    /** Speed-up of the test-set evaluations from a second evaluation thread (measured 1.9-3.5; kept low). */
    private static final double SECOND_THREAD = 1.8;
    /** JVM, ND4J and data start-up, s. */
    private static final double STARTUP = 5;

    private final String name;
    private final String description;
    private final DnnRequest request;
    private final Consumer<String> notes;
    private final LayerConverters converters;

    private DnnFigureProducer(String name, String description, DnnRequest request, Consumer<String> notes,
                              LayerConverters converters) {
        this.name = name;
        this.description = description;
        this.request = request;
        this.notes = notes;
        this.converters = converters;
    }

    /** @return Figure 5(a), not configured */
    public static DnnFigureProducer figure5a() {
        return new DnnFigureProducer("figure-5a", "Analog ResNet test accuracy vs time (t0 to 1 year), Max-fill b_W = 1, "
                + "n_W = 1, 2, 4, 8; digital baseline. Needs --dataset.", null, note -> { }, LayerConverters.NONE);
    }

    /** @return Figure 5(c), not configured */
    public static DnnFigureProducer figure5c() {
        return new DnnFigureProducer("figure-5c", "Analog ResNet test accuracy vs n_W at t0 and one month: Equal-fill, "
                + "Max-fill, Max-fill EC (b_W = 1, 2). Needs --dataset.", null, note -> { }, LayerConverters.NONE);
    }

    /** @return the DNN companion of {@code periphery}, not configured */
    public static DnnFigureProducer peripheryDnn() {
        return new DnnFigureProducer("periphery-dnn", "Analog ResNet test accuracy at one month vs n_W (Max-fill "
                + "b_W = 1) without converters, with 9/8-bit converters, ADC noise, IR drop, both. Needs --dataset.",
                null, note -> { }, LayerConverters.NONE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** @return the published chip count (the default of {@code --chips} at published scale) */
    @Override
    public int defaultTrials() {
        return PUBLISHED_CHIPS;
    }

    @Override
    public boolean inAll() {
        return false;
    }

    /**
     * @param r the options of a run
     * @return this figure configured for that run
     */
    public DnnFigureProducer configured(DnnRequest r) {
        return configured(r, notes);
    }

    /**
     * @param r the options of a run
     * @param notes receives one line when the run resumes from chips an interrupted run finished
     * @return this figure configured for that run
     */
    public DnnFigureProducer configured(DnnRequest r, Consumer<String> notes) {
        return configured(r, notes, converters);
    }

    /**
     * @param r the options of a run
     * @param notes receives one line when the run resumes from chips an interrupted run finished
     * @param converters the chips' DAC, ADCs and periphery ({@link LayerConverters#NONE}: the paper's
     *     DNN path); {@code periphery-dnn} ignores them (each of its settings brings its own)
     * @return this figure configured for that run
     */
    public DnnFigureProducer configured(DnnRequest r, Consumer<String> notes, LayerConverters converters) {
        return new DnnFigureProducer(name, description, Objects.requireNonNull(r, "request"),
                Objects.requireNonNull(notes, "notes"), Objects.requireNonNull(converters, "converters"));
    }

    /** @return the request, or null if not configured */
    public DnnRequest request() {
        return request;
    }

    /** The published scale on CIFAR-10 with {@code settings.trials()} chips, training included. */
    @Override
    public Duration estimate(RunSettings settings) {
        DnnRequest r = new DnnRequest("cifar10", Path.of("cifar-10-batches-bin"), null, Path.of("figures"),
                Path.of("work"), DnnRequest.Scale.PUBLISHED, null, null, null, null, null, settings.trials(),
                settings.seed(), 1, 1, Runtime.getRuntime().availableProcessors());
        return estimate(r, true);
    }

    /**
     * A rough run time on a machine like the development one (2 cores, one OpenMP thread, the
     * request's evaluation threads).
     *
     * @param r the request
     * @param training whether the model must be trained first
     * @return the expected wall time
     */
    public Duration estimate(DnnRequest r, boolean training) {
        DnnOptions o = DnnRunner.options(r);
        boolean ci = o.network().equals(org.pcmsim.nn.model.ResNetSpec.RESNET8_CI);
        // Other networks of the 16/32/64 family: ResNet-32's cost per image scaled by the number of
        // 3x3 convolutions (depth - 2 of 30) and by the input area (28 x 28 on Fashion-MNIST).
        double scale = (o.network().depth() - 2) / 30.0 * (r.fashionMnist() ? 28.0 * 28 / (32 * 32) : 1);
        double train = ci ? RESNET8_TRAIN : RESNET32_TRAIN * scale;
        // The evaluations scale with the evaluation threads up to the cores (conservatively).
        int threads = Math.min(r.threads(), Runtime.getRuntime().availableProcessors());
        double eval = (ci ? RESNET8_EVAL : RESNET32_EVAL * scale) / (threads > 1 ? SECOND_THREAD * threads / 2 : 1);
        int trainImages = Math.min(o.trainImages(), r.fashionMnist() ? 60_000 : 50_000);
        int testImages = Math.min(o.testImages(), 10_000);
        double seconds = STARTUP;
        if (training) {
            seconds += (double) (o.epochs() + o.noiseAwareEpochs()) * trainImages * train;
        }
        long evaluations = evaluations(r);
        // Plus the digital, clipped and quantised baselines.
        seconds += (evaluations + 3) * testImages * eval;
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * @param r the request
     * @return the chip evaluations (configuration x chip x time, each over the test set) a run makes
     */
    public long evaluations(DnnRequest r) {
        DnnOptions o = DnnRunner.options(r);
        return switch (name) {
            case "figure-5a" -> 4L * o.chips() * o.timePoints();
            case "periphery-dnn" -> (long) PeripheryStudy.defaultSettings().size() * 4 * o.chips();
            default -> 20L * o.chips() * 2;
        };
    }

    @Override
    public FigureResult produce(RunSettings settings, ProgressListener progress) {
        if (request == null) {
            throw new IllegalStateException(name + " needs DNN options (--dataset ...): use configured(request)");
        }
        return DnnRunner.figure(name, DnnRunner.options(request).withConverters(converters), progress, notes);
    }
}
