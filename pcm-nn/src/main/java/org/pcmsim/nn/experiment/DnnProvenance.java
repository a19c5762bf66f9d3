package org.pcmsim.nn.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pcmsim.Version;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.nn.OneDnn;
import org.pcmsim.nn.model.ResNetSpec;

/** The provenance record of a DNN figure: data, model, training, device, evaluation and timing. */
final class DnnProvenance {
    private DnnProvenance() {
    }

    /**
     * @param o options
     * @param data the data
     * @param m the model
     * @param device the device model the chips were programmed with
     * @param clippedAcc the digital baseline accuracy, percent
     * @param quantAcc the accuracy with int9-quantised weights, percent
     * @param reusedChips chips whose results came from an earlier run's work folder
     * @param evaluationSeconds wall time of the evaluation, s
     * @return the record, in a fixed key order
     */
    static Map<String, Object> of(DnnOptions o, DnnData data, DnnExperiments.TrainedModel m, PcmDeviceModel device,
                                  double clippedAcc, double quantAcc, int reusedChips, double evaluationSeconds) {
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("dataset", o.dataset().label());
        prov.put("dataset_id", o.dataset().id());
        prov.put("synthetic", o.dataset() == DatasetKind.SYNTHETIC);
        prov.put("data_dir", o.resolvedDataDir().toString());
        prov.put("train_images", data.train().count());
        prov.put("test_images", data.test().count());
        prov.put("input_shape", data.test().channels() + "x" + data.test().side() + "x" + data.test().side());
        prov.put("augmentation", "random crop with padding " + o.dataset().augmentation().pad()
                + (o.dataset().augmentation().flip() ? ", horizontal flip" : ""));
        prov.put("network", o.network().toString());
        prov.put("published_network", o.network().equals(ResNetSpec.RESNET32));
        prov.put("model_file", m.file().toString());
        prov.put("model_trained_in_this_run", m.trainedNow());
        prov.put("training_seconds", m.trainingSeconds());
        prov.put("epochs", o.epochs());
        prov.put("noise_aware_epochs", o.noiseAwareEpochs());
        prov.put("seed", o.seed());
        prov.put("chips", o.chips());
        prov.put("digital_baseline", "float32 weights clipped at 2 sigma_W (the noise-aware forward pass without noise)");
        prov.put("digital_accuracy_percent", clippedAcc);
        prov.put("digital_unclipped_accuracy_percent", m.digitalAccuracy());
        prov.put("quantized_int9_accuracy_percent", quantAcc);
        prov.put("weight_quantizer", "int9, clipped at 2 sigma_W per layer");
        prov.put("device", "nandakumar2019");
        prov.put("conventions", device.conventions());
        prov.put("noise_scales", "programming=" + o.programmingNoiseScale() + ", drift=" + o.driftScale() + ", read="
                + o.readNoiseScale());
        prov.put("converters", o.converters().describe());
        prov.put("gdc", "per layer, calibration c = sum_i |sum_k W_ik(t)|, reference at t0");
        prov.put("eval_batch_size", o.evalBatchSize());
        prov.put("eval_threads", o.threads());
        prov.put("read_streams", "per layer, keyed by (seed, chip, layer) for programming and (seed, chip, layer, "
                + "time, chunk) for each read; independent of the thread count");
        prov.put("onednn_helpers", OneDnn.helpersEnabled());
        prov.put("chips_reused_from_work_folder", reusedChips);
        prov.put("evaluation_seconds", evaluationSeconds);
        prov.put("version", Version.get());
        return prov;
    }
}
