package org.pcmsim.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcmsim.Build;
import org.pcmsim.device.DriftLaw;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoise;
import org.pcmsim.device.ReadNoise;
import org.pcmsim.experiment.MatrixSource;
import org.pcmsim.experiment.MonteCarloRun;
import org.pcmsim.experiment.MvmProvenance;
import org.pcmsim.experiment.PeripheryStudyProvenance;
import org.pcmsim.experiment.Provenance;
import org.pcmsim.experiment.Timing;
import org.pcmsim.experiment.WeightStudyProvenance;
import org.pcmsim.nn.experiment.DnnPeripheryProvenance;
import org.pcmsim.nn.experiment.DnnProvenance;
import org.pcmsim.periphery.Periphery;

/**
 * The provenance records as the JSON object under a result's {@code "provenance"} key, and back.
 *
 * <p>The records group their fields into parts ({@link Build}, {@link MonteCarloRun}, {@link Timing}, the
 * DNN record's parts, …); the JSON keeps one flat object, as users' scripts read it
 * ({@code provenance.seed}, {@code provenance.wallTimeS}). Jackson maps each record; this class only
 * lifts a part's fields into its parent on writing and gathers them back on reading. The Monte Carlo
 * records use the Java names ({@code gitCommit}), the DNN records snake case ({@code git_commit}), as
 * their JSON always has. Which record a JSON object holds is told by a key only that record has
 * ({@link Kind}); a missing optional part (a user's matrix) is null, any unknown key is an error.
 */
public final class ProvenanceJson {
    /** The parts whose fields are written into their parent's object. */
    private static final Set<Class<?>> FLAT_PARTS = Set.of(Build.class, MonteCarloRun.class, Timing.class,
            MatrixSource.class, DnnProvenance.Data.class, DnnProvenance.Network.class, DnnProvenance.Baseline.class,
            DnnProvenance.Hardware.class, DnnProvenance.Evaluation.class);
    private static final ObjectMapper JAVA_NAMES = mapper(false);
    private static final ObjectMapper SNAKE_CASE = mapper(true);

    /** Each provenance record, its naming and the key that tells it apart from the others. */
    enum Kind {
        MONTE_CARLO(MvmProvenance.class, JAVA_NAMES, "clippedTargets"),
        WEIGHT_STUDY(WeightStudyProvenance.class, JAVA_NAMES, "weightSources"),
        PERIPHERY_STUDY(PeripheryStudyProvenance.class, JAVA_NAMES, "conditions"),
        DNN_FIGURE(DnnProvenance.class, SNAKE_CASE, "model_trained_in_this_run"),
        DNN_PERIPHERY(DnnPeripheryProvenance.class, SNAKE_CASE, "chip_index");

        final Class<? extends Provenance> type;
        final ObjectMapper mapper;
        final String signature;

        Kind(Class<? extends Provenance> type, ObjectMapper mapper, String signature) {
            this.type = type;
            this.mapper = mapper;
            this.signature = signature;
        }

        static Kind of(Provenance p) {
            for (Kind k : values()) {
                if (k.type.isInstance(p)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no JSON form for provenance " + p.getClass().getName());
        }
    }

    private ProvenanceJson() {
    }

    /**
     * @param p a provenance record
     * @return its flat JSON object
     */
    public static ObjectNode toJson(Provenance p) {
        Kind k = Kind.of(p);
        return flatten(k.mapper, k.mapper.valueToTree(p), k.type);
    }

    /**
     * @param json a result's {@code "provenance"} object
     * @return the record it holds
     * @throws JsonProcessingException if it is not one of the records, a value has the wrong type, a key is
     *     unknown or a value breaks the record's checks
     */
    public static Provenance fromJson(JsonNode json) throws JsonProcessingException {
        if (!(json instanceof ObjectNode o)) {
            throw new IllegalProvenance("the provenance is not a JSON object");
        }
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (o.has(k.signature)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            throw new IllegalProvenance("the provenance is " + (kinds.isEmpty() ? "of no known kind" : "ambiguous")
                    + " (it should have exactly one of the keys " + signatures() + ")");
        }
        Kind k = kinds.get(0);
        ObjectNode nested = nest(k.mapper, o, k.type);
        // The DNN records of version 0.1.0 named no project; every file this reads is pcm-sim's.
        if (nested.get("build") instanceof ObjectNode build && !build.has("project")) {
            build.put("project", "pcm-sim");
        }
        return k.mapper.treeToValue(nested, k.type);
    }

    /**
     * Reads the provenance of a result's JSON file.
     *
     * @param file a {@code .json} written by {@code pcm run}
     * @return its provenance record
     * @throws IOException one line naming the file and what is wrong with it, if it cannot be read, is not
     *     JSON, or its provenance is not a valid record
     */
    public static Provenance read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode doc = JAVA_NAMES.readTree(bytes);
            if (doc == null || !doc.has("provenance")) {
                throw new IllegalProvenance("not a pcm-sim result (no \"provenance\" key)");
            }
            return fromJson(doc.get("provenance"));
        } catch (ValueInstantiationException e) {
            // A record's own check failed: say which record and what, as its constructor put it.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String what = cause instanceof NullPointerException ? cause.getMessage() + " is missing"
                    : firstLine(cause.getMessage());
            throw new IOException(file + ": invalid provenance (" + e.getType().getRawClass().getSimpleName() + "): "
                    + what, e);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException(file + ": unknown provenance key \"" + e.getPropertyName() + "\"", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String key = m.getPath().get(m.getPath().size() - 1).getFieldName();
                where = key == null ? where : " (provenance key \"" + key + "\")";
            }
            throw new IOException(file + ": " + firstLine(e.getOriginalMessage()) + where, e);
        }
    }

    /** A provenance object of no known shape. */
    private static final class IllegalProvenance extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        IllegalProvenance(String message) {
            super(message);
        }
    }

    private static String signatures() {
        List<String> keys = new ArrayList<>();
        for (Kind k : Kind.values()) {
            keys.add(k.signature);
        }
        return String.join(", ", keys);
    }

    /** Jackson's message without its second line and its advice on reader settings. */
    private static String firstLine(String s) {
        String line = s == null ? "invalid JSON" : s.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl).strip();
        int hint = line.indexOf(" (set DeserializationConfig");
        return hint < 0 ? line : line.substring(0, hint);
    }

    /**
     * Lifts each part's fields (nulls included: an unknown commit is written as null) into the parent
     * object, in the part's place; omits the parent's own absent values (an optional part, a field that
     * does not apply).
     */
    private static ObjectNode flatten(ObjectMapper m, ObjectNode nested, Class<?> type) {
        Map<String, Class<?>> parts = parts(m, type);
        ObjectNode flat = m.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = nested.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (parts.containsKey(e.getKey()) && e.getValue() instanceof ObjectNode part) {
                flat.setAll(part);
            } else if (!e.getValue().isNull()) {
                flat.set(e.getKey(), e.getValue());
            }
        }
        return flat;
    }

    /** Gathers each part's fields from the flat object back under the part's name. */
    private static ObjectNode nest(ObjectMapper m, ObjectNode flat, Class<?> type) {
        ObjectNode nested = flat.deepCopy();
        for (Map.Entry<String, Class<?>> part : parts(m, type).entrySet()) {
            ObjectNode own = m.createObjectNode();
            for (BeanPropertyDefinition p : properties(m, part.getValue())) {
                if (nested.has(p.getName())) {
                    own.set(p.getName(), nested.remove(p.getName()));
                }
            }
            if (!own.isEmpty()) {
                nested.set(part.getKey(), own);
            }
        }
        return nested;
    }

    /** The JSON names of a record's flat parts, with the part's type. */
    private static Map<String, Class<?>> parts(ObjectMapper m, Class<?> type) {
        Map<String, Class<?>> parts = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : properties(m, type)) {
            if (FLAT_PARTS.contains(p.getRawPrimaryType())) {
                parts.put(p.getName(), p.getRawPrimaryType());
            }
        }
        return parts;
    }

    private static List<BeanPropertyDefinition> properties(ObjectMapper m, Class<?> type) {
        BeanDescription d = m.getSerializationConfig().introspect(m.constructType(type));
        return d.findProperties();
    }

    /**
     * The model's records keep their Java names inside the snake-case DNN records, so that a DNN
     * figure's {@code device_model} reads as a Monte Carlo figure's {@code device}.
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    private abstract static class JavaNamesMixIn {
    }

    /**
     * The periphery's {@code isIdeal()} is written (scripts read it) but derived, so ignored on reading.
     */
    @JsonIgnoreProperties(value = "ideal", allowGetters = true)
    private abstract static class PeripheryMixIn {
    }

    /** Instants as ISO-8601 text ({@code 2026-11-30T15:29:49.015707699Z}), as {@link Instant#toString}. */
    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    /** The writer's and the reader's mapper: strict on reading (unknown keys, nulls for numbers). */
    private static ObjectMapper mapper(boolean snakeCase) {
        SimpleModule instants = new SimpleModule("instants");
        instants.addSerializer(Instant.class, ToStringSerializer.instance);
        instants.addDeserializer(Instant.class, new InstantDeserializer());
        JsonMapper.Builder b = JsonMapper.builder()
                .addModule(instants)
                .addMixIn(Periphery.class, PeripheryMixIn.class)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (snakeCase) {
            b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            for (Class<?> model : List.of(PcmDeviceModel.class, ProgrammingNoise.class, DriftLaw.class,
                    ReadNoise.class)) {
                b.addMixIn(model, JavaNamesMixIn.class);
            }
        }
        return b.build();
    }
}
