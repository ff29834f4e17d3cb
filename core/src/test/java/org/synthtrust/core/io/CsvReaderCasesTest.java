package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.schema.ColumnReport;
import org.synthtrust.core.schema.InferenceReport;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.table.CategoricalColumn;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.DateColumn;
import org.synthtrust.core.table.DateTimeColumn;
import org.synthtrust.core.table.IntegerColumn;
import org.synthtrust.core.table.RealColumn;
import org.synthtrust.core.table.Table;
import org.synthtrust.core.table.TextColumn;

/** The loading, type and header cases: byte order marks, duplicate and odd names, mixed types, dates, ids. */
class CsvReaderCasesTest {
    @TempDir
    Path folder;

    private static ReadResult read(Path file) {
        return CsvReader.read(file, null, CsvOptions.defaults());
    }

    // Byte order mark before a quoted header.

    @Test
    void bomBeforeQuotedHeader() {
        ReadResult result = read(TestFiles.caseFile("C01.csv"));
        Table table = result.table();

        assertThat(table.columnNames()).containsExactly("region", "visits", "score");
        assertThat(table.rowCount()).isEqualTo(8);
        assertThat(table.column("region").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(table.column("visits").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(table.column("score").type()).isEqualTo(ColumnType.REAL);
        assertThat(((IntegerColumn) table.column("visits")).value(2)).isEqualTo(22);
        assertThat(((RealColumn) table.column("score")).value(2)).isEqualTo(2.75);
        assertThat(result.dialect().byteOrderMark()).isTrue();
    }

    @Test
    void bomWithOtherDialects() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String[] bodies = {
            "\"name\";\"size\"\r\nx;1\r\ny;2\r\n",
            "name\tsize\nx\t1\ny\t2\n",
            "\"name\"|size\nx|1\ny|2",
            "name,size\nx,1\ny,2\n",
        };
        for (int i = 0; i < bodies.length; i++) {
            byte[] text = bodies[i].getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, content, 0, bom.length);
            System.arraycopy(text, 0, content, bom.length, text.length);
            Table table = read(TestFiles.writeBytes(folder, "bom" + i + ".csv", content)).table();

            assertThat(table.columnNames()).as("body %d", i).containsExactly("name", "size");
            assertThat(((IntegerColumn) table.column("size")).value(1)).isEqualTo(2);
        }
    }

    @Test
    void bomKeptOnWrite() {
        ReadResult first = read(TestFiles.caseFile("C01.csv"));
        Path copy = folder.resolve("copy.csv");
        CsvWriter.write(first.table(), copy, first.dialect(), false);
        ReadResult second = read(copy);

        assertThat(second.dialect().byteOrderMark()).isTrue();
        Tables.assertSameTable(second.table(), first.table());
    }

    // Duplicate column names.

    @Test
    void duplicateNamesRejected() {
        assertThatThrownBy(() -> read(TestFiles.caseFile("C05.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'score'")
                .hasMessageContaining("columns 2 and 3")
                .hasMessageContaining("C05.csv");
    }

    @Test
    void duplicateAfterNormalisationRejected() {
        // "é" precomposed and as e + combining acute are the same name once normalised to NFC.
        Path file = TestFiles.write(folder, "nfc.csv", "caf\u00e9,x,cafe\u0301\n1,2,3\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'caf\u00e9'")
                .hasMessageContaining("columns 1 and 3");
    }

    @Test
    void emptyHeaderNameRejected() {
        Path file = TestFiles.write(folder, "empty.csv", "a,,c\n1,2,3\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 1, column 2");
    }

    // Trailing delimiter in the header, wrong field counts.

    @Test
    void trailingHeaderDelimiterDropped() {
        ReadResult result = read(TestFiles.caseFile("C06.csv"));
        Table table = result.table();

        assertThat(table.columnNames()).containsExactly("age", "sex", "region_code", "income");
        assertThat(table.column("age").format(0)).isEqualTo("34");
        assertThat(table.column("sex").format(0)).isEqualTo("F");
        assertThat(table.column("region_code").format(0)).isEqualTo("R07");
        assertThat(table.column("income").format(0)).isEqualTo("41000");
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("line 1").contains("empty field").contains("dropped"));
    }

    @Test
    void trailingDelimiterOnRecordsAccepted() {
        Path file = TestFiles.write(folder, "trailing.csv", "a,b,\n1,2,\n3,4\n");
        Table table = read(file).table();

        assertThat(table.columnNames()).containsExactly("a", "b");
        assertThat(table.column("b").format(1)).isEqualTo("4");
    }

    @Test
    void wrongFieldCountNamesLine() {
        Path file = TestFiles.write(folder, "short.csv", "a,b,c,d\n1,2,3,4\n5,6,7\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3 has 3 fields")
                .hasMessageContaining("(line 1) has 4");
    }

    @Test
    void lineNumbersCountQuotedNewlines() {
        Path file = TestFiles.write(folder, "multiline.csv",
                "id,note\n1,\"first\nsecond\nthird\"\n2,\"say \"\"hi\"\"\"\n3,x,extra\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 6 has 3 fields");
    }

    @Test
    void quotedNewlinesAndQuotesKept() {
        Path file = TestFiles.write(folder, "quoted.csv", "id,note\n1,\"first\nsecond\"\n2,\"say \"\"hi\"\", ok\"\n");
        Table table = read(file).table();

        assertThat(table.column("note").format(0)).isEqualTo("first\nsecond");
        assertThat(table.column("note").format(1)).isEqualTo("say \"hi\", ok");
    }

    @Test
    void unclosedQuoteRejected() {
        Path file = TestFiles.write(folder, "open.csv", "a,b\n1,2\n3,\"open\n4,5\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("quote");
    }

    // Spaces, brackets and non-Latin letters in names.

    @Test
    void unusualNamesKeptExactly() {
        Table table = read(TestFiles.caseFile("C07.csv")).table();

        assertThat(table.columnNames())
                .containsExactly("length (cm)", "width (cm)", "colour-code", "Größe m²", "年齢", "rate %");
        RealColumn length = (RealColumn) table.column("length (cm)");
        int sevenNine = 0;
        for (int row = 0; row < length.size(); row++) {
            if (length.value(row) == 7.9) {
                sevenNine++;
            }
        }
        assertThat(sevenNine).isEqualTo(1);
    }

    @Test
    void unusualNamesSurviveWriteAndRead() {
        for (String name : List.of("C07.csv", "C07-synth.csv")) {
            Table table = read(TestFiles.caseFile(name)).table();
            Path copy = folder.resolve("copy-" + name);
            CsvWriter.write(table, copy);

            Tables.assertSameTable(read(copy).table(), table);
        }
    }

    @Test
    void decomposedNamesNormalisedToNfc() {
        Path file = TestFiles.write(folder, "nfd.csv", "Gro\u0308\u00dfe m\u00b2,x\n1,2\n");

        assertThat(read(file).table().columnNames()).containsExactly("Größe m²", "x");
    }

    // Mostly numeric column with a few text values.

    @Test
    void fewTextValuesMakeText() {
        ReadResult result = read(TestFiles.caseFile("C08.csv"));
        Table table = result.table();
        ColumnReport invoice = result.inference().column("invoice_no");

        assertThat(table.column("invoice_no").type()).isEqualTo(ColumnType.TEXT);
        assertThat(table.column("invoice_no").missingCount()).isZero();
        assertThat(invoice.notes()).anySatisfy(note -> assertThat(note)
                .contains("2 of 12 values are not numeric, for example C700105"));
        assertThat(invoice.spec().roles()).contains(Role.IDENTIFIER);
        assertThat(table.column("quantity").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(((IntegerColumn) table.column("quantity")).value(4)).isEqualTo(-2);
        assertThat(table.column("amount").type()).isEqualTo(ColumnType.REAL);
        assertThat(((RealColumn) table.column("amount")).value(4)).isEqualTo(-8.4);
    }

    @Test
    void missingMarkersKeepNumbersNumeric() {
        Path file = TestFiles.write(folder, "markers.csv", "code,amount\nA1,1.5\nB7,NA\n31,?\n44,2\n52,\n60,3\n");
        ReadResult result = read(file);

        assertThat(result.table().column("amount").type()).isEqualTo(ColumnType.REAL);
        assertThat(result.table().column("amount").missingCount()).isEqualTo(3);
        assertThat(result.table().column("code").type()).isEqualTo(ColumnType.TEXT);
        assertThat(result.inference().column("code").notes()).anySatisfy(note -> assertThat(note)
                .contains("2 of 6 values are not numeric, for example A1"));
    }

    @Test
    void decimalCommaOnlyWhenUnambiguous() {
        Path file = TestFiles.write(folder, "comma.csv",
                "price;grouped;code\n\"12,5\";\"1,234,567\";4.100\n\"3,25\";\"2,000\";4.200\n\"7\";\"15\";5.300\n");
        ReadResult result = CsvReader.read(file, null, CsvOptions.defaults());
        Table table = result.table();

        assertThat(result.dialect().delimiter()).isEqualTo(';');
        assertThat(((RealColumn) table.column("price")).value(0)).isEqualTo(12.5);
        assertThat(((IntegerColumn) table.column("grouped")).value(0)).isEqualTo(1_234_567L);
        assertThat(((IntegerColumn) table.column("grouped")).value(1)).isEqualTo(2_000L);
        // Dots followed by three digits read as plain decimals, never as grouping, unless declared.
        assertThat(((RealColumn) table.column("code")).value(0)).isEqualTo(4.1);
    }

    @Test
    void ambiguousCommaStaysText() {
        Path file = TestFiles.write(folder, "ambiguous.csv", "a;b\n\"1,234\";x\n\"2,500\";y\n\"3,750\";z\n");
        ReadResult result = read(file);

        assertThat(result.table().column("a").type()).isNotIn(ColumnType.INTEGER, ColumnType.REAL);
        assertThat(result.inference().column("a").notes()).anySatisfy(note -> assertThat(note)
                .contains("1,234").contains("declare"));
    }

    @Test
    void declaredDecimalCommaParses() {
        Path file = TestFiles.write(folder, "declared.csv", "a;b\n\"1,234\";x\n\"2,500\";y\n\"3,750\";z\n");
        ReadResult result = CsvReader.read(file, null, CsvOptions.defaults().withNumberSyntax(',', null));

        assertThat(((RealColumn) result.table().column("a")).value(0)).isEqualTo(1.234);
        assertThat(result.dialect().decimalSeparator()).isEqualTo(',');
    }

    // Dates and timestamps stored as text.

    @Test
    void datesAndTimestampsTyped() {
        ReadResult result = read(TestFiles.caseFile("C09.csv"));
        Table table = result.table();

        DateColumn visit = (DateColumn) table.column("visit_date");
        assertThat(visit.value(0)).isEqualTo(LocalDate.of(2022, 11, 2));
        assertThat(visit.format(1)).isEqualTo("2022-11-04");

        DateTimeColumn event = (DateTimeColumn) table.column("event_ts");
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < event.size(); row++) {
            min = Math.min(min, event.epochMilli(row));
            max = Math.max(max, event.epochMilli(row));
        }
        assertThat(Instant.ofEpochMilli(min)).isEqualTo(Instant.parse("2022-11-02T06:30:00Z"));
        assertThat(Instant.ofEpochMilli(max)).isEqualTo(Instant.parse("2022-11-04T17:55:00Z"));
        assertThat(event.format(0)).isEqualTo("2022-11-02 08:15:00");
    }

    @Test
    void offsetsConvertedToUtcWithNote() {
        ReadResult result = read(TestFiles.caseFile("C09.csv"));
        DateTimeColumn offset = (DateTimeColumn) result.table().column("event_ts_offset");

        assertThat(offset.value(0)).isEqualTo(Instant.parse("2022-11-02T07:15:00Z"));
        assertThat(offset.value(5)).isEqualTo(Instant.parse("2022-11-03T22:00:01Z"));
        assertThat(offset.format(0)).isEqualTo("2022-11-02T07:15:00Z");
        assertThat(result.inference().column("event_ts_offset").notes()).anySatisfy(note -> assertThat(note)
                .contains("+01:00").contains("+02:00").contains("UTC"));
    }

    @Test
    void timestampsSurviveWriteAndRead() {
        ReadResult first = read(TestFiles.caseFile("C09.csv"));
        Path copy = folder.resolve("c09.csv");
        CsvWriter.write(first.table(), copy, first.dialect(), false);

        Tables.assertSameTable(read(copy).table(), first.table());
    }

    @Test
    void mixedOffsetsStayText() {
        Path file = TestFiles.write(folder, "mixed.csv",
                "ts\n2022-11-02T08:15:00+01:00\n2022-11-02T09:15:00\n2022-11-03T10:00:00Z\n");
        ReadResult result = read(file);

        assertThat(result.table().column("ts").type()).isNotEqualTo(ColumnType.DATETIME);
        assertThat(result.inference().column("ts").notes()).anySatisfy(note -> assertThat(note).contains("offset"));
    }

    @Test
    void invalidCalendarDateIsNotDate() {
        Path file = TestFiles.write(folder, "feb.csv", "d\n2022-02-28\n2022-02-30\n2022-03-01\n2022-03-02\n");

        assertThat(read(file).table().column("d").type()).isNotEqualTo(ColumnType.DATE);
    }

    // Unique identifiers and high cardinality.

    @Test
    void identifierAndHighCardinality() {
        ReadResult result = read(TestFiles.caseFile("C11.csv"));
        InferenceReport report = result.inference();

        assertThat(report.column("record_id").spec().roles()).containsExactly(Role.IDENTIFIER);
        assertThat(report.column("record_id").distinctCount()).isEqualTo(40);
        assertThat(result.schema().modelledColumns()).doesNotContain("record_id");
        assertThat(report.column("ticket_ref").highCardinality()).isTrue();
        assertThat(report.column("ticket_ref").distinctCount()).isEqualTo(35);
        assertThat(report.column("ticket_ref").spec().roles()).isEmpty();
        assertThat(report.column("dept").spec().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(report.column("hours").spec().roles()).isEmpty();
    }

    @Test
    void measurementsNeverIdentifiers() {
        StringBuilder csv = new StringBuilder("income,age,customer_id,label\n");
        for (int row = 0; row < 30; row++) {
            csv.append(30_000 + row * 997).append(',').append(18 + row).append(',').append(1000 + row).append(",L")
                    .append(row).append('\n');
        }
        InferenceReport report = read(TestFiles.write(folder, "ids.csv", csv.toString())).inference();

        assertThat(report.column("income").spec().roles()).isEmpty();
        assertThat(report.column("age").spec().roles()).isEmpty();
        assertThat(report.column("customer_id").spec().roles()).containsExactly(Role.IDENTIFIER);
        assertThat(report.column("label").spec().roles()).containsExactly(Role.IDENTIFIER);
    }

    @Test
    void fewDistinctRowsNotIdentifier() {
        StringBuilder csv = new StringBuilder("label\n");
        for (int row = 0; row < 19; row++) {
            csv.append("L").append(row).append('\n');
        }
        InferenceReport report = read(TestFiles.write(folder, "few.csv", csv.toString())).inference();

        assertThat(report.column("label").spec().roles()).isEmpty();
        assertThat(report.column("label").highCardinality()).isTrue();
    }

    // A single data row.

    @Test
    void singleRowLoadsWithLowConfidence() {
        ReadResult result = read(TestFiles.caseFile("C16.csv"));

        assertThat(result.table().rowCount()).isEqualTo(1);
        assertThat(result.table().column("seats").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(result.table().column("monthly_fee").type()).isEqualTo(ColumnType.REAL);
        for (ColumnReport column : result.inference().columns()) {
            assertThat(column.lowConfidence()).as(column.name()).isTrue();
            assertThat(column.notes()).as(column.name()).anySatisfy(note -> assertThat(note).contains("low confidence"));
        }
    }

    @Test
    void headerOnlyLoadsEmptyTable() {
        ReadResult result = read(TestFiles.write(folder, "header.csv", "a,b\n"));

        assertThat(result.table().rowCount()).isZero();
        assertThat(result.table().columnNames()).containsExactly("a", "b");
        assertThat(result.inference().column("a").lowConfidence()).isTrue();
    }

    // Booleans keep their spelling; categorical columns and text columns keep values exactly.

    @Test
    void booleansKeepSpelling() {
        Path file = TestFiles.write(folder, "bool.csv", "a,b,c\nYes,TRUE,y\nNo,FALSE,y\nYes,TRUE,y\n");
        Table table = read(file).table();

        assertThat(table.column("a").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(table.column("a").format(1)).isEqualTo("No");
        assertThat(table.column("b").format(0)).isEqualTo("TRUE");
        assertThat(table.column("c").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(table.column("c").format(0)).isEqualTo("y");
    }

    @Test
    void mixedBooleanSpellingsStayCategorical() {
        Path file = TestFiles.write(folder, "bool2.csv", "a\nyes\nYes\nno\nno\nyes\nno\n");
        Table table = read(file).table();

        assertThat(table.column("a").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(((CategoricalColumn) table.column("a")).levels()).containsExactly("Yes", "no", "yes");
    }

    @Test
    void textKeepsSurroundingSpaces() {
        StringBuilder csv = new StringBuilder("t\n");
        for (int row = 0; row < 5; row++) {
            csv.append("\" v").append(row).append(" \"\n");
        }
        TextColumn text = (TextColumn) read(TestFiles.write(folder, "spaces.csv", csv.toString())).table().column("t");

        assertThat(text.value(0)).isEqualTo(" v0 ");
    }

    @Test
    void invalidUtf8Rejected() {
        byte[] content = "a,b\n1,2\n3,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(TestFiles.writeBytes(folder, "latin1.csv", content)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void missingFileRejected() {
        assertThatThrownBy(() -> read(folder.resolve("absent.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absent.csv")
                .hasMessageContaining("not found");
    }

    @Test
    void forcedDelimiterOverridesDetection() {
        Path file = TestFiles.write(folder, "forced.csv", "a;b,c\n1;2,3\n");
        Table table = CsvReader.read(file, null, CsvOptions.defaults().withDelimiter(';')).table();

        assertThat(table.columnNames()).containsExactly("a", "b,c");
    }
}
