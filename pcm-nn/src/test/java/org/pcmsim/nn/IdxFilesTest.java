package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.nn.data.FashionMnist;
import org.pcmsim.nn.data.IdxFiles;
import org.pcmsim.nn.data.LabeledImages;

class IdxFilesTest {
    @TempDir
    Path dir;

    /** An IDX images file of n images of side × side, pixel (i, r, c) = (7i + 3r + c) mod 256. */
    private static byte[] images(int n, int side) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b); // big-endian, as IDX
        d.writeInt(0x00000803);
        d.writeInt(n);
        d.writeInt(side);
        d.writeInt(side);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    d.writeByte((7 * i + 3 * r + c) & 0xff);
                }
            }
        }
        return b.toByteArray();
    }

    private static byte[] labels(int n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(0x00000801);
        d.writeInt(n);
        for (int i = 0; i < n; i++) {
            d.writeByte((3 * i) % 10);
        }
        return b.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path f = dir.resolve(name);
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
                out.write(content);
            }
        } else {
            Files.write(f, content);
        }
        return f;
    }

    private void checkContent(LabeledImages img, int n, int side) {
        assertEquals(n, img.count());
        assertEquals(1, img.channels());
        assertEquals(side, img.side());
        for (int i = 0; i < n; i++) {
            assertEquals((3 * i) % 10, img.label(i));
            assertEquals((7 * i + 3 * 2 + 5) & 0xff, img.pixel(i, 0, 2, 5), "row-major pixels of image " + i);
        }
    }

    @Test
    void readsPlainAndGzipFilesAlike() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            // The name does not decide: a gzip file is recognised by its first two bytes.
            Path im = write("im" + gzip, images(11, 6), gzip);
            Path lb = write("lb" + gzip, labels(11), gzip);
            checkContent(IdxFiles.read(im, lb, Integer.MAX_VALUE), 11, 6);
            LabeledImages first = IdxFiles.read(im, lb, 4);
            checkContent(first, 4, 6);
        }
    }

    @Test
    void findsTheFourFilesGzipOrNot() throws IOException {
        write(FashionMnist.TRAIN_IMAGES + ".gz", images(20, 28), true);
        write(FashionMnist.TRAIN_LABELS, labels(20), false);
        write(FashionMnist.TEST_IMAGES, images(5, 28), false);
        assertEquals(java.util.List.of(FashionMnist.TEST_LABELS + ".gz"), FashionMnist.missing(dir));
        checkContent(FashionMnist.readTrain(dir, 100), 20, 28);
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FashionMnist.readTest(dir, 100));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        write(FashionMnist.TEST_LABELS + ".gz", labels(5), true);
        checkContent(FashionMnist.readTest(dir, 100), 5, 28);
    }

    private String failure(byte[] im, byte[] lb, boolean gzip) throws IOException {
        Path a = write("images-" + gzip, im, gzip);
        Path b = write("labels-" + gzip, lb, gzip);
        IOException e = assertThrows(IdxFiles.IdxFormatException.class, () -> IdxFiles.read(a, b, 100));
        return e.getMessage();
    }

    @Test
    void rejectsMalformedFilesNamingFileAndOffset() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            String where = gzip ? " of the decompressed data" : "";
            // Wrong magic: a labels file given as images.
            String m = failure(labels(3), labels(3), gzip);
            assertTrue(m.contains("images-" + gzip + ": at byte offset 0" + where) && m.contains("0x00000801")
                    && m.contains("expected 0x00000803"), m);
            // Truncated pixel data: 3 images of 4 x 4 need 48 bytes after the 16-byte header.
            m = failure(Arrays.copyOf(images(3, 4), 16 + 40), labels(3), gzip);
            assertTrue(m.contains("images-" + gzip + ": at byte offset 56" + where) && m.contains("truncated"), m);
            // Truncated header.
            m = failure(Arrays.copyOf(images(3, 4), 10), labels(3), gzip);
            assertTrue(m.contains("at byte offset 10" + where) && m.contains("row count"), m);
            // Bytes after the data.
            m = failure(Arrays.copyOf(images(3, 4), 16 + 48 + 2), labels(3), gzip);
            assertTrue(m.contains("at byte offset 64" + where) && m.contains("2 unexpected bytes"), m);
            // A label >= 10, at byte 8 + 2.
            byte[] bad = labels(3);
            bad[10] = 12;
            m = failure(images(3, 4), bad, gzip);
            assertTrue(m.contains("labels-" + gzip + ": at byte offset 10" + where) && m.contains("label 12"), m);
            // Counts that differ.
            m = failure(images(3, 4), labels(4), gzip);
            assertTrue(m.contains("images-" + gzip) && m.contains("labels-" + gzip) && m.contains("3 images")
                    && m.contains("4 labels") && m.contains("byte offset 4"), m);
        }
        // A truncated gzip stream.
        Path a = write("cut.gz", images(50, 28), true);
        byte[] gz = Files.readAllBytes(a);
        Files.write(a, Arrays.copyOf(gz, gz.length / 2));
        Path b = write("cut-labels", labels(50), false);
        IOException e = assertThrows(IdxFiles.IdxFormatException.class, () -> IdxFiles.read(a, b, 100));
        assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void readsTheInstalledFashionMnist() throws IOException {
        Path installed = Path.of(FashionMnist.DEBIAN_DIR);
        assumeTrue(FashionMnist.missing(installed).isEmpty(),
                "Fashion-MNIST is not installed in " + installed + " (apt-get install dataset-fashion-mnist)");
        LabeledImages train = FashionMnist.readTrain(installed, Integer.MAX_VALUE);
        LabeledImages test = FashionMnist.readTest(installed, Integer.MAX_VALUE);
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertEquals(28, train.side());
        assertEquals(1, test.channels());
        int[] perTrain = new int[10];
        int[] perTest = new int[10];
        for (int i = 0; i < train.count(); i++) {
            perTrain[train.label(i)]++;
        }
        for (int i = 0; i < test.count(); i++) {
            perTest[test.label(i)]++;
        }
        int[] sixThousand = new int[10];
        int[] thousand = new int[10];
        Arrays.fill(sixThousand, 6_000);
        Arrays.fill(thousand, 1_000);
        assertArrayEquals(sixThousand, perTrain);
        assertArrayEquals(thousand, perTest);
    }
}
