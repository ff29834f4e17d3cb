package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.schema.SchemaIO;
import org.synthtrust.core.table.Table;

/**
 * Feeds random bytes and randomly mutated CSV files to the reader, with and without a schema. Every input must
 * either load or raise InvalidInputException; any other exception is a bug. Seeds are fixed, so a failure
 * reproduces, and the counts keep the test to a few seconds.
 */
class CsvReaderFuzzTest {
    private static final int RANDOM_FILES = 200;
    private static final int MUTATED_FILES = 400;
    private static final byte[] ALPHABET = ",;\t|\"\n\r ?-.0123456789aZé=\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path folder;

    @Test
    void randomBytesLoadOrReject() throws IOException {
        SplittableRandom random = new SplittableRandom(20_261_204L);
        for (int i = 0; i < RANDOM_FILES; i++) {
            byte[] content = new byte[random.nextInt(0, 400)];
            for (int j = 0; j < content.length; j++) {
                content[j] = random.nextInt(3) == 0 ? (byte) random.nextInt(256)
                        : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            check(content, null, "random file " + i);
        }
    }

    @Test
    void mutatedCsvLoadOrReject() throws IOException {
        SplittableRandom random = new SplittableRandom(7L);
        String[] seeds = {
            Files.readString(TestFiles.caseFile("C09.csv")),
            Files.readString(TestFiles.caseFile("C07.csv")),
            Files.readString(TestFiles.caseFile("C01.csv"), StandardCharsets.UTF_8),
            firstLines(TestFiles.sampleData().resolve("adult/adult_train.csv"), 40),
        };
        Schema adult = SchemaIO.read(TestFiles.sampleData().resolve("adult/schema.json"));
        int loaded = 0;
        for (int i = 0; i < MUTATED_FILES; i++) {
            int seedIndex = random.nextInt(seeds.length);
            byte[] content = mutate(seeds[seedIndex].getBytes(StandardCharsets.UTF_8), random);
            Schema schema = seedIndex == 3 && random.nextBoolean() ? adult : null;
            if (check(content, schema, "mutation " + i + " of seed " + seedIndex)) {
                loaded++;
            }
        }
        // Most single mutations leave a readable file; if none loads, the mutations test nothing.
        assertThat(loaded).isGreaterThan(MUTATED_FILES / 10);
    }

    private boolean check(byte[] content, Schema schema, String label) throws IOException {
        Path file = folder.resolve("fuzz.csv");
        Files.write(file, content);
        try {
            Table table = CsvReader.read(file, schema, CsvOptions.defaults()).table();
            for (int c = 0; c < table.columnCount(); c++) {
                assertThat(table.column(c).size()).isEqualTo(table.rowCount());
            }
            return true;
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).as(label).isNotBlank();
            return false;
        } catch (RuntimeException | Error e) {
            fail(label + " raised " + e + " for input " + new String(content, StandardCharsets.UTF_8), e);
            return false;
        }
    }

    private static byte[] mutate(byte[] source, SplittableRandom random) {
        byte[] content = source.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && content.length > 0; e++) {
            int position = random.nextInt(content.length);
            switch (random.nextInt(4)) {
                case 0:
                    content[position] = ALPHABET[random.nextInt(ALPHABET.length)];
                    break;
                case 1:
                    content[position] = (byte) random.nextInt(256);
                    break;
                case 2: {
                    byte[] shorter = new byte[content.length - 1];
                    System.arraycopy(content, 0, shorter, 0, position);
                    System.arraycopy(content, position + 1, shorter, position, content.length - position - 1);
                    content = shorter;
                    break;
                }
                default: {
                    byte[] longer = new byte[content.length + 1];
                    System.arraycopy(content, 0, longer, 0, position);
                    longer[position] = ALPHABET[random.nextInt(ALPHABET.length)];
                    System.arraycopy(content, position, longer, position + 1, content.length - position);
                    content = longer;
                    break;
                }
            }
        }
        return content;
    }

    private static String firstLines(Path file, int count) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var lines = Files.lines(file)) {
            lines.limit(count).forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
