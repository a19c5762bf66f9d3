package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.nn.data.CifarBinary;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;

class CifarBinaryTest {
    @TempDir
    Path dir;

    @Test
    void readsAGeneratedFileExactly() throws IOException {
        LabeledImages img = new SyntheticCifar(7).generate(37, 1);
        Path f = dir.resolve("data_batch_1.bin");
        CifarBinary.write(f, img);
        assertEquals(37L * 3073, Files.size(f), "37 records of 1 + 3072 bytes");
        // The format itself: label byte, then the R plane, row-major.
        byte[] raw = Files.readAllBytes(f);
        assertEquals(img.label(1), raw[3073]);
        assertEquals(img.pixel(1, 0, 0, 1), raw[3073 + 2] & 0xff);
        assertEquals(img.pixel(1, 2, 31, 31), raw[2 * 3073 - 1] & 0xff);
        LabeledImages back = CifarBinary.read(f, Integer.MAX_VALUE);
        assertArrayEquals(img.labels(), back.labels());
        assertArrayEquals(img.pixels(), back.pixels());
        assertEquals(5, CifarBinary.read(f, 5).count());
    }

    @Test
    void rejectsATruncatedFileNamingFileAndOffset() throws IOException {
        LabeledImages img = new SyntheticCifar(7).generate(3, 1);
        Path f = dir.resolve("test_batch.bin");
        CifarBinary.write(f, img);
        byte[] raw = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(raw, 2 * 3073 + 100));
        IOException e = assertThrows(CifarBinary.CifarFormatException.class, () -> CifarBinary.read(f, 10));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 6146"), e.getMessage());
    }

    @Test
    void rejectsABadLabelAndAnEmptyFile() throws IOException {
        LabeledImages img = new SyntheticCifar(7).generate(3, 1);
        Path f = dir.resolve("data_batch_1.bin");
        CifarBinary.write(f, img);
        byte[] raw = Files.readAllBytes(f);
        raw[3073] = 42;
        Files.write(f, raw);
        IOException e = assertThrows(CifarBinary.CifarFormatException.class, () -> CifarBinary.read(f, 10));
        assertTrue(e.getMessage().contains("label 42 at byte offset 3073"), e.getMessage());
        Files.write(f, new byte[0]);
        e = assertThrows(CifarBinary.CifarFormatException.class, () -> CifarBinary.read(f, 10));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void readsADatasetFolderAndNamesMissingFiles() throws IOException {
        new SyntheticCifar(3).writeDataset(dir, 52, 11);
        LabeledImages train = CifarBinary.readTrain(dir, Integer.MAX_VALUE);
        assertEquals(52, train.count());
        assertArrayEquals(new SyntheticCifar(3).generate(52, 1).pixels(), train.pixels(), "batches concatenate in order");
        assertEquals(30, CifarBinary.readTrain(dir, 30).count());
        assertEquals(11, CifarBinary.readTest(dir, 100).count());
        IOException e = assertThrows(IOException.class, () -> CifarBinary.readTrain(dir.resolve("nowhere"), 10));
        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
    }
}
