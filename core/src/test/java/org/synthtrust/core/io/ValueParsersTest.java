package org.synthtrust.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Number, date and boolean parsing checked against the JDK on fixed-seed random inputs. */
class ValueParsersTest {
    @Test
    void longsMatchJdk() {
        SplittableRandom random = new SplittableRandom(1);
        NumberParser parser = new NumberParser(NumberSyntax.PLAIN);
        for (int i = 0; i < 20_000; i++) {
            long value = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong(-1000, 1000);
            String text = Long.toString(value);
            assertThat(parser.parseLong(text)).as(text).isTrue();
            assertThat(parser.longValue()).isEqualTo(value);
        }
        assertThat(parser.parseLong("9223372036854775808")).isFalse();
        assertThat(parser.parseLong("-9223372036854775808")).isTrue();
        assertThat(parser.longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(parser.parseLong("1.0")).isFalse();
        assertThat(parser.parseLong("-")).isFalse();
    }

    @Test
    void doublesMatchJdk() {
        SplittableRandom random = new SplittableRandom(2);
        NumberParser parser = new NumberParser(NumberSyntax.PLAIN);
        for (int i = 0; i < 20_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 12));
            String text = Double.toString(value);
            assertThat(parser.parseDouble(text)).as(text).isTrue();
            assertThat(parser.doubleValue()).isEqualTo(value);
        }
        for (String text : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "0x1p3", "1d", "1f", "", " ", "1.2.3"}) {
            assertThat(parser.parseDouble(text)).as(text).isFalse();
        }
    }

    @Test
    void groupedSyntaxesParse() {
        NumberParser decimalComma = new NumberParser(NumberSyntax.COMMA_DECIMAL);
        assertThat(decimalComma.parseDouble("1.234,5")).isTrue();
        assertThat(decimalComma.doubleValue()).isEqualTo(1234.5);
        assertThat(decimalComma.parseDouble("12,34.5")).isFalse();
        assertThat(decimalComma.parseDouble("1.23,5")).isFalse();

        NumberParser grouping = new NumberParser(NumberSyntax.COMMA_GROUPING);
        assertThat(grouping.parseLong("-1,234,567")).isTrue();
        assertThat(grouping.longValue()).isEqualTo(-1_234_567L);
        assertThat(grouping.parseLong("1,2345")).isFalse();
        assertThat(grouping.parseLong("1234,567")).isFalse();
    }

    @Test
    void datesMatchJdk() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            String text = String.format("%04d-%02d-%02d", random.nextInt(1600, 2400), random.nextInt(0, 14),
                    random.nextInt(0, 33));
            int parsed = IsoDateTimes.parseDate(text);
            try {
                long expected = LocalDate.parse(text).toEpochDay();
                assertThat(parsed).as(text).isEqualTo((int) expected);
            } catch (DateTimeParseException e) {
                assertThat(parsed).as(text).isEqualTo(IsoDateTimes.NOT_A_DATE);
            }
        }
    }

    @Test
    void timestampsMatchJdk() {
        SplittableRandom random = new SplittableRandom(4);
        IsoDateTimes.Parsed parsed = new IsoDateTimes.Parsed();
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(random.nextInt(1900, 2100), random.nextInt(1, 13),
                    random.nextInt(1, 29), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1000) * 1_000_000);
            int offsetMinutes = random.nextInt(-14 * 4, 14 * 4 + 1) * 15;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
            String text = OffsetDateTime.of(local, offset).toString();

            assertThat(IsoDateTimes.parseDateTime(text, parsed)).as(text).isTrue();
            assertThat(parsed.epochMillis).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        }
        assertThat(IsoDateTimes.parseDateTime("2022-11-02 25:00:00", parsed)).isFalse();
        assertThat(IsoDateTimes.parseDateTime("2022-11-02T08:15:00+1:00", parsed)).isFalse();
    }

    @Test
    void booleanPartnersKeepCase() {
        assertThat(BooleanSpellings.partner("Yes")).isEqualTo("No");
        assertThat(BooleanSpellings.partner("TRUE")).isEqualTo("FALSE");
        assertThat(BooleanSpellings.partner("n")).isEqualTo("y");
        assertThat(BooleanSpellings.partner("F")).isEqualTo("T");
        assertThat(BooleanSpellings.classify("1")).isEqualTo(BooleanSpellings.NEITHER);
    }

    @Test
    void neutraliseOnlyFormulas() {
        assertThat(CsvWriter.neutralise("=A1")).isEqualTo("'=A1");
        assertThat(CsvWriter.neutralise("-12.5")).isEqualTo("-12.5");
        assertThat(CsvWriter.neutralise("+4")).isEqualTo("+4");
        assertThat(CsvWriter.neutralise("-x")).isEqualTo("'-x");
        assertThat(CsvWriter.neutralise("a=b")).isEqualTo("a=b");
    }
}
