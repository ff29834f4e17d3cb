package org.synthtrust.core.schema;

import java.util.HashSet;
import java.util.Set;
import org.synthtrust.core.io.BooleanSpellings;
import org.synthtrust.core.io.IsoDateTimes;
import org.synthtrust.core.io.NumberParser;
import org.synthtrust.core.io.NumberSyntax;

/**
 * Counts, in one pass over a column's raw values, how many parse as each candidate type: integers and reals
 * in the plain, decimal-comma and comma-grouping syntaxes, ISO dates and timestamps, and boolean spellings.
 * It also keeps up to {@value #CATEGORY_LIMIT} distinct values. {@link SchemaInference} turns the counts
 * into a type.
 */
public final class ColumnProfile {
    /** Most distinct values a column may have to be inferred as categorical. */
    public static final int CATEGORY_LIMIT = 100;

    final String name;
    long values;
    long missing;

    long plainLong;
    long plainDouble;
    long commaDecimalLong;
    long commaDecimalDouble;
    /** Values that only the decimal-comma reading accepts, such as {@code 12,5}. */
    long commaDecimalEvidence;
    long commaGroupingLong;
    long commaGroupingDouble;
    /** Values that only the comma-grouping reading accepts, such as {@code 1,234,567} or {@code 1,234.5}. */
    long commaGroupingEvidence;
    long declaredLong;
    long declaredDouble;
    String ambiguousExample;
    String firstNonNumeric;
    long numericLike;

    long dates;
    long dateTimes;
    long dateTimesWithOffset;
    final Set<String> offsets = new HashSet<>();

    long trues;
    long falses;
    final Set<String> trueSpellings = new HashSet<>();
    final Set<String> falseSpellings = new HashSet<>();

    final Set<String> distinct = new HashSet<>();
    boolean distinctOverflow;
    String firstValue;

    private final NumberParser plain = new NumberParser(NumberSyntax.PLAIN);
    private final NumberParser commaDecimal = new NumberParser(NumberSyntax.COMMA_DECIMAL);
    private final NumberParser commaGrouping = new NumberParser(NumberSyntax.COMMA_GROUPING);
    private final NumberParser declared;
    private final IsoDateTimes.Parsed parsed = new IsoDateTimes.Parsed();

    /** Creates a profile; {@code declaredSyntax} is the user's number syntax, or null to detect one. */
    public ColumnProfile(String name, NumberSyntax declaredSyntax) {
        this.name = name;
        this.declared = declaredSyntax == null ? null : new NumberParser(declaredSyntax);
    }

    public String name() {
        return name;
    }

    public long valueCount() {
        return values;
    }

    public long missingCount() {
        return missing;
    }

    NumberSyntax declaredSyntax() {
        return declared == null ? null : declared.syntax();
    }

    /** Records one value; {@code isMissing} is true when it matched a missing marker. */
    public void accept(String raw, boolean isMissing) {
        if (isMissing) {
            missing++;
            return;
        }
        values++;
        if (firstValue == null) {
            firstValue = raw;
        }
        if (!distinctOverflow) {
            distinct.add(raw);
            if (distinct.size() > CATEGORY_LIMIT) {
                distinctOverflow = true;
                distinct.clear();
            }
        }
        boolean numeric = acceptNumber(raw);
        if (numeric) {
            numericLike++;
        } else if (firstNonNumeric == null) {
            firstNonNumeric = raw;
        }
        if (!numeric || raw.length() >= 10) {
            acceptTemporal(raw);
        }
        if (!numeric && raw.length() <= 7) {
            acceptBoolean(raw);
        }
    }

    private boolean acceptNumber(String raw) {
        boolean numeric = false;
        if (plain.parseLong(raw)) {
            plainLong++;
            plainDouble++;
            commaDecimalLong++;
            commaDecimalDouble++;
            commaGroupingLong++;
            commaGroupingDouble++;
            numeric = true;
        } else {
            boolean plainReal = plain.parseDouble(raw);
            if (plainReal) {
                plainDouble++;
                numeric = true;
            }
            if (plainReal && raw.indexOf(',') < 0) {
                // Without a comma the grouping reading equals the plain one, and the decimal-comma reading only
                // accepts dot-grouped integers such as 4.100, so both are settled without parsing again.
                commaGroupingDouble++;
                if (isDotGroupedInteger(raw)) {
                    commaDecimalDouble++;
                    commaDecimalLong++;
                }
            } else if (raw.indexOf(',') >= 0 || raw.indexOf('.') >= 0) {
                boolean decimalComma = commaDecimal.parseDouble(raw);
                if (decimalComma) {
                    commaDecimalDouble++;
                    if (commaDecimal.parseLong(raw)) {
                        commaDecimalLong++;
                    }
                }
                boolean grouping = commaGrouping.parseDouble(raw);
                if (grouping) {
                    commaGroupingDouble++;
                    if (commaGrouping.parseLong(raw)) {
                        commaGroupingLong++;
                    }
                }
                if (!plainReal) {
                    if (decimalComma && !grouping) {
                        commaDecimalEvidence++;
                    } else if (grouping && !decimalComma) {
                        commaGroupingEvidence++;
                    } else if (decimalComma && ambiguousExample == null) {
                        ambiguousExample = raw;
                    }
                }
                numeric |= decimalComma || grouping;
            }
        }
        if (declared != null) {
            if (declared.parseLong(raw)) {
                declaredLong++;
                declaredDouble++;
                numeric = true;
            } else if (declared.parseDouble(raw)) {
                declaredDouble++;
                numeric = true;
            }
        }
        return numeric;
    }

    /** Matches {@code -?d{1,3}(.ddd)+}, the only plain reals that also read as decimal-comma numbers. */
    private static boolean isDotGroupedInteger(String raw) {
        int start = raw.startsWith("-") || raw.startsWith("+") ? 1 : 0;
        int firstDot = raw.indexOf('.', start);
        if (firstDot - start < 1 || firstDot - start > 3) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean dotPosition = i > firstDot - 1 && (i - firstDot) % 4 == 0;
            if (dotPosition ? c != '.' : c < '0' || c > '9') {
                return false;
            }
        }
        return (raw.length() - firstDot) % 4 == 0;
    }

    private void acceptTemporal(String raw) {
        if (raw.length() < 10) {
            return;
        }
        if (IsoDateTimes.parseDate(raw) != IsoDateTimes.NOT_A_DATE) {
            dates++;
        } else if (IsoDateTimes.parseDateTime(raw, parsed)) {
            dateTimes++;
            if (parsed.hasOffset) {
                dateTimesWithOffset++;
                if (offsets.size() < 8) {
                    offsets.add(parsed.zulu ? "Z" : IsoDateTimes.formatOffset(parsed.offsetSeconds));
                }
            }
        }
    }

    private void acceptBoolean(String raw) {
        String value = raw.strip();
        int kind = BooleanSpellings.classify(value);
        if (kind == BooleanSpellings.TRUE) {
            trues++;
            if (trueSpellings.size() < 4) {
                trueSpellings.add(value);
            }
        } else if (kind == BooleanSpellings.FALSE) {
            falses++;
            if (falseSpellings.size() < 4) {
                falseSpellings.add(value);
            }
        }
    }
}
