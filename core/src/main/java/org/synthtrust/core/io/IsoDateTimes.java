package org.synthtrust.core.io;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Parses ISO 8601 dates ({@code 2022-11-02}) and timestamps ({@code 2022-11-02 08:15:00},
 * {@code 2022-11-02T08:15:00.250+01:00}, {@code ...Z}) without exceptions on the hot path. Timestamps with a
 * UTC offset are converted to UTC; timestamps without one are taken as UTC wall-clock times.
 */
public final class IsoDateTimes {
    /** Returned by {@link #parseDate} for text that is not a date. */
    public static final int NOT_A_DATE = Integer.MIN_VALUE;

    private IsoDateTimes() {
    }

    /** Result of parsing one timestamp: the instant and the written form, reused across calls. */
    public static final class Parsed {
        public long epochMillis;
        public char separator;
        public boolean hasSeconds;
        public boolean hasFraction;
        public boolean hasOffset;
        /** UTC offset in seconds, 0 when there is none or it is {@code Z}. */
        public int offsetSeconds;
        public boolean zulu;
    }

    /** Returns the epoch day of an ISO date {@code yyyy-MM-dd}, or {@link #NOT_A_DATE}. */
    public static int parseDate(String text) {
        String value = text.strip();
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return NOT_A_DATE;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return NOT_A_DATE;
        }
        return (int) epochDay(year, month, day);
    }

    /** Parses an ISO timestamp into {@code out}; returns false when the text is not one. */
    public static boolean parseDateTime(String text, Parsed out) {
        String value = text.strip();
        if (value.length() < 16 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(13) != ':') {
            return false;
        }
        char separator = value.charAt(10);
        if (separator != 'T' && separator != ' ') {
            return false;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59) {
            return false;
        }
        int position = 16;
        int second = 0;
        int millis = 0;
        boolean hasSeconds = false;
        boolean hasFraction = false;
        if (position < value.length() && value.charAt(position) == ':') {
            second = digits(value, position + 1, 2);
            if (second < 0 || second > 59) {
                return false;
            }
            hasSeconds = true;
            position += 3;
            if (position < value.length() && value.charAt(position) == '.') {
                position++;
                int fractionStart = position;
                while (position < value.length() && value.charAt(position) >= '0' && value.charAt(position) <= '9') {
                    if (position - fractionStart < 3) {
                        millis = millis * 10 + (value.charAt(position) - '0');
                    }
                    position++;
                }
                int fractionDigits = position - fractionStart;
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return false;
                }
                for (int i = fractionDigits; i < 3; i++) {
                    millis *= 10;
                }
                hasFraction = true;
            }
        }
        int offsetSeconds = 0;
        boolean hasOffset = false;
        boolean zulu = false;
        if (position < value.length()) {
            char sign = value.charAt(position);
            if (sign == 'Z' && position == value.length() - 1) {
                hasOffset = true;
                zulu = true;
            } else if ((sign == '+' || sign == '-') && value.length() - position == 6 && value.charAt(position + 3) == ':') {
                int offsetHours = digits(value, position + 1, 2);
                int offsetMinutes = digits(value, position + 4, 2);
                if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                    return false;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
                hasOffset = true;
            } else {
                return false;
            }
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        out.epochMillis = seconds * 1000L + millis;
        out.separator = separator;
        out.hasSeconds = hasSeconds;
        out.hasFraction = hasFraction;
        out.hasOffset = hasOffset;
        out.offsetSeconds = offsetSeconds;
        out.zulu = zulu;
        return true;
    }

    /**
     * Returns the formatter that writes timestamps in the shape they were read in: the same separator and
     * milliseconds when any value had a fraction. Values that had an offset are written in UTC with {@code Z}.
     */
    public static DateTimeFormatter formatterFor(char separator, boolean fraction, boolean offset) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .appendPattern(separator == 'T' ? "uuuu-MM-dd'T'HH:mm:ss" : "uuuu-MM-dd HH:mm:ss");
        if (fraction) {
            builder.appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true);
        }
        if (offset) {
            builder.appendOffset("+HH:MM", "Z");
        }
        return builder.toFormatter();
    }

    /** Formats an offset in seconds as {@code +01:00}. */
    public static String formatOffset(int offsetSeconds) {
        int absolute = Math.abs(offsetSeconds);
        return String.format("%s%02d:%02d", offsetSeconds < 0 ? "-" : "+", absolute / 3600, (absolute / 60) % 60);
    }

    private static int digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isLeapYear(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 in the proleptic Gregorian calendar, as {@code LocalDate.toEpochDay}. */
    private static long epochDay(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
