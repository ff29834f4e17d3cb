package org.synthtrust.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled DejaVu Sans fonts (Bitstream Vera licence, see fonts/DejaVu-LICENSE.txt). Charts use the same
 * font in AWT as the PDF embeds, so measured text widths match the drawn text.
 */
public final class ReportFonts {
    public static final String REGULAR = "fonts/DejaVuSans.ttf";
    public static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    /** Shown in place of a character the font has no glyph for (U+FFFD REPLACEMENT CHARACTER). */
    public static final String PLACEHOLDER = "\uFFFD";

    private static final Font AWT_REGULAR = load(REGULAR);
    private static final Font AWT_BOLD = load(BOLD);

    private ReportFonts() { }

    public static InputStream open(String resource) {
        InputStream in = ReportFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font resource " + resource + " is missing from the report jar");
        }
        return in;
    }

    /**
     * Returns the font file with its GSUB table hidden. PDFBox 3 applies GSUB ligatures (fi, fl) when it
     * writes text, and text extraction then yields U+FB01 instead of "fi", so the report would not be
     * searchable for words such as "file". Renaming the table tag in the table directory makes the parser skip
     * it. The embedded subset never contains GSUB anyway, so the embedded font is the same.
     */
    public static byte[] pdfBytes(String resource) {
        byte[] ttf;
        try (InputStream in = open(resource)) {
            ttf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int tables = ((ttf[4] & 0xff) << 8) | (ttf[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            if (ttf[entry] == 'G' && ttf[entry + 1] == 'S' && ttf[entry + 2] == 'U' && ttf[entry + 3] == 'B') {
                ttf[entry] = 'g';
                ttf[entry + 1] = 's';
                ttf[entry + 2] = 'u';
                ttf[entry + 3] = 'x';
            }
        }
        return ttf;
    }

    /** Returns the regular or bold AWT font at {@code size} points. */
    public static Font awt(boolean bold, float size) {
        return (bold ? AWT_BOLD : AWT_REGULAR).deriveFont(size);
    }

    private static Font load(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font resource " + resource + " is not a TrueType font", e);
        }
    }
}
