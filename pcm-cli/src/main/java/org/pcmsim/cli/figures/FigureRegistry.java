package org.pcmsim.cli.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcmsim.experiment.ExperimentSpec;
import org.pcmsim.experiment.Experiments;

/**
 * The figures {@code pcm run} knows, by name, in the order {@code pcm list} and {@code pcm run all}
 * use. The Monte Carlo MVM figures come from {@link Experiments#all()}; the DNN figures 5(a) and 5(c)
 * are {@link DnnFigureProducer}s (not in {@code all}); another module adds its figures by
 * registering a {@link FigureProducer} here.
 */
public final class FigureRegistry {
    /** The pseudo-figure that runs every figure with {@link FigureProducer#inAll()}. */
    public static final String ALL = "all";

    private final Map<String, FigureProducer> producers = new LinkedHashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    /**
     * A name that runs several registered figures, e.g. {@code weights} for both weight-study figures.
     *
     * @param name the group's name
     * @param members names of registered figures
     * @return this registry
     * @throws IllegalArgumentException if the name is taken or a member unknown
     */
    public FigureRegistry group(String name, List<String> members) {
        if (ALL.equals(name) || producers.containsKey(name) || groups.containsKey(name)) {
            throw new IllegalArgumentException("figure name '" + name + "' is already taken");
        }
        for (String m : members) {
            if (!producers.containsKey(m)) {
                throw new IllegalArgumentException("group '" + name + "' names unknown figure '" + m + "'");
            }
        }
        groups.put(name, List.copyOf(members));
        return this;
    }

    /** @return a registry of the published MVM figures, then the DNN figures 5(a) and 5(c) */
    public static FigureRegistry standard() {
        FigureRegistry r = new FigureRegistry();
        for (ExperimentSpec spec : Experiments.all()) {
            r.register(new MvmFigureProducer(spec));
        }
        r.register(WeightsFigureProducer.overTime());
        r.register(WeightsFigureProducer.overClip());
        r.group(WeightsFigureProducer.GROUP, List.of("weights-time", "weights-clip"));
        r.register(new PeripheryFigureProducer());
        r.register(DnnFigureProducer.figure5a());
        r.register(DnnFigureProducer.figure5c());
        r.register(DnnFigureProducer.peripheryDnn());
        return r;
    }

    /**
     * @param producer a figure to add
     * @return this registry
     * @throws IllegalArgumentException if the name is taken or reserved
     */
    public FigureRegistry register(FigureProducer producer) {
        String name = producer.name();
        if (ALL.equals(name) || producers.containsKey(name)) {
            throw new IllegalArgumentException("figure name '" + name + "' is already taken");
        }
        producers.put(name, producer);
        return this;
    }

    /** @return every registered figure, in registration order */
    public List<FigureProducer> all() {
        return Collections.unmodifiableList(new ArrayList<>(producers.values()));
    }

    /** @return the names a user may pass to {@code pcm run}, including {@code all} */
    public List<String> names() {
        List<String> names = new ArrayList<>(producers.keySet());
        names.addAll(groups.keySet());
        names.add(ALL);
        return names;
    }

    /**
     * @param name a figure name or {@code all}
     * @return the figures it stands for, empty if the name is unknown
     */
    public Optional<List<FigureProducer>> resolve(String name) {
        if (ALL.equals(name)) {
            return Optional.of(producers.values().stream().filter(FigureProducer::inAll).toList());
        }
        if (groups.containsKey(name)) {
            return Optional.of(groups.get(name).stream().map(producers::get).toList());
        }
        FigureProducer p = producers.get(name);
        return p == null ? Optional.empty() : Optional.of(List.of(p));
    }
}
