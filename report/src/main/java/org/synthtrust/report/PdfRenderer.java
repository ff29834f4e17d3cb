package org.synthtrust.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * Renders a {@link ReportModel} to PDF with Apache PDFBox. Text uses the embedded DejaVu Sans subset. Charts
 * are JFreeChart objects drawn as vector form XObjects through the pdfbox-graphics2d bridge. The bridge's font
 * text drawer writes chart labels as real text in the same embedded font, so they can be searched and extracted.
 */
public final class PdfRenderer {
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50f;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 20f;
    private static final float BODY = 9.5f;
    private static final float TABLE = 7.5f;
    private static final float PAD = 3f;
    private static final float MAX_COLUMN = 200f;
    private static final float MAX_WORD = 120f;
    private static final float CHART_HEIGHT = 215f;
    private static final int TOC_LINES_PER_PAGE = 40;
    private static final Color INK = new Color(0x222222);
    private static final Color RULE = new Color(0xBBBBBB);
    private static final Color HEAD_FILL = new Color(0xE8EEF4);
    private static final Color WARN = new Color(0xB2182B);
    private static final Color NOTICE = new Color(0x0072B2);

    private final ReportModel model;
    private PDDocument doc;
    private PDType0Font regular;
    private PDType0Font bold;
    private PdfBoxGraphics2DFontTextDrawer chartText;
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private final List<PDPage> tocPages = new ArrayList<>();
    private final List<TocEntry> toc = new ArrayList<>();
    private final Map<Integer, Boolean> glyphCache = new HashMap<>();
    private final TreeSet<Integer> missingGlyphs = new TreeSet<>();

    private record TocEntry(int level, String text, PDPage page, float top) { }

    private PdfRenderer(ReportModel model) {
        this.model = model;
    }

    /** Renders the model to a PDF file, written atomically. */
    public static void render(ReportModel model, Path file) {
        Files2.writeAtomically(file, render(model));
    }

    /** Renders the model and returns the PDF bytes. */
    public static byte[] render(ReportModel model) {
        try {
            return new PdfRenderer(model).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF report: " + e.getMessage(), e);
        }
    }

    private byte[] build() throws IOException {
        try (PDDocument document = new PDDocument()) {
            doc = document;
            regular = PDType0Font.load(doc, new ByteArrayInputStream(ReportFonts.pdfBytes(ReportFonts.REGULAR)), true);
            bold = PDType0Font.load(doc, new ByteArrayInputStream(ReportFonts.pdfBytes(ReportFonts.BOLD)), true);
            chartText = new PdfBoxGraphics2DFontTextDrawer();
            // The bridge looks fonts up by their AWT name; Charts uses fonts created from the same TTF files.
            chartText.registerFont(ReportFonts.awt(false, 10f).getFontName(), regular);
            chartText.registerFont(ReportFonts.awt(true, 10f).getFontName(), bold);

            List<Block> blocks = ReportLayout.blocks(model);
            newPage();
            for (Block block : blocks) {
                draw(block);
            }
            if (!missingGlyphs.isEmpty()) {
                listMissingGlyphs();
            }
            out.close();
            fillContents();
            numberPages();
            metadata();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void draw(Block block) throws IOException {
        if (block instanceof Block.Title title) {
            y -= 90;
            line(title.text(), bold, 24f, MARGIN, INK);
            y -= 12;
            if (title.subtitle() != null) {
                line(title.subtitle(), regular, 15f, MARGIN, INK);
            }
            y -= 24;
        } else if (block instanceof Block.Contents) {
            int lines = countHeadings() + 2;
            int pages = Math.max(1, (lines + TOC_LINES_PER_PAGE - 1) / TOC_LINES_PER_PAGE);
            for (int i = 0; i < pages; i++) {
                newPage();
                tocPages.add(page);
            }
        } else if (block instanceof Block.Heading heading) {
            heading(heading);
        } else if (block instanceof Block.Paragraph paragraph) {
            paragraph(paragraph.text(), paragraph.style());
        } else if (block instanceof Block.Bullets bullets) {
            for (String item : bullets.items()) {
                bullet(item);
            }
            y -= 4;
        } else if (block instanceof Block.Table table) {
            table(table);
        } else if (block instanceof Block.Charts charts) {
            charts(charts.charts());
        }
    }

    private int countHeadings() {
        int n = 0;
        for (Block block : ReportLayout.blocks(model)) {
            if (block instanceof Block.Heading) {
                n++;
            }
        }
        return n;
    }

    // ---- pages and text ------------------------------------------------------------------------------------

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Replaces characters the embedded font has no glyph for by a visible placeholder and records them. */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
            } else if (hasGlyph(cp)) {
                sb.appendCodePoint(cp);
            } else {
                missingGlyphs.add(cp);
                sb.append(ReportFonts.PLACEHOLDER);
            }
        });
        return sb.toString();
    }

    private boolean hasGlyph(int cp) {
        return glyphCache.computeIfAbsent(cp, c -> {
            if (Character.isISOControl(c)) {
                return false;
            }
            try {
                regular.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    private void line(String text, PDType0Font font, float size, float x, Color colour) throws IOException {
        y -= size * 1.25f;
        text(clean(text), font, size, x, y, colour);
    }

    private void text(String cleaned, PDType0Font font, float size, float x, float baseline, Color colour)
            throws IOException {
        out.beginText();
        out.setNonStrokingColor(colour);
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(cleaned);
        out.endText();
    }

    /** Splits cleaned text into lines no wider than {@code max} points, breaking long words by characters. */
    private List<String> wrap(String cleaned, PDType0Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : cleaned.split(" ", -1)) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(candidate, font, size) <= max) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            // A word wider than the line is broken after the last '.', '_', '=', ',' or '-' that fits (metric
            // ids, group lists), or else between code points.
            StringBuilder piece = new StringBuilder();
            int[] cps = word.codePoints().toArray();
            for (int cp : cps) {
                String next = piece.toString() + new String(Character.toChars(cp));
                if (width(next, font, size) > max && piece.length() > 0) {
                    int cut = lastBreak(piece);
                    if (cut > 0 && cut < piece.length()) {
                        lines.add(piece.substring(0, cut));
                        piece.delete(0, cut);
                    } else {
                        lines.add(piece.toString());
                        piece.setLength(0);
                    }
                }
                piece.appendCodePoint(cp);
            }
            current.append(piece);
        }
        lines.add(current.toString());
        return lines;
    }

    private void heading(Block.Heading heading) throws IOException {
        float size = heading.level() == 1 ? 16f : 12f;
        if (heading.level() == 1) {
            newPage();
        } else {
            ensure(size * 2 + 60);
            y -= 8;
        }
        toc.add(new TocEntry(heading.level(), clean(heading.text()), page, y));
        line(heading.text(), bold, size, MARGIN, INK);
        y -= heading.level() == 1 ? 10 : 4;
    }

    private void paragraph(String text, String style) throws IOException {
        boolean boxed = !"normal".equals(style);
        float inset = boxed ? 8f : 0f;
        List<String> lines = wrap(clean(text), boxed ? bold : regular, BODY, WIDTH - 2 * inset);
        float lead = BODY * 1.35f;
        float height = lines.size() * lead + 2 * inset;
        ensure(Math.min(height, TOP - BOTTOM));
        Color colour = "warning".equals(style) ? WARN : "notice".equals(style) ? NOTICE : INK;
        if (boxed) {
            out.setStrokingColor(colour);
            out.setLineWidth(1f);
            out.addRect(MARGIN, y - height, WIDTH, height);
            out.stroke();
            y -= inset;
        }
        for (String l : lines) {
            ensure(lead);
            y -= lead;
            text(l, boxed ? bold : regular, BODY, MARGIN + inset, y + 2, colour);
        }
        y -= inset + 6;
    }

    private void bullet(String item) throws IOException {
        List<String> lines = wrap(clean(item), regular, BODY, WIDTH - 14);
        float lead = BODY * 1.35f;
        boolean first = true;
        for (String l : lines) {
            ensure(lead);
            y -= lead;
            if (first) {
                text("\u2022", regular, BODY, MARGIN + 2, y + 2, INK);
                first = false;
            }
            text(l, regular, BODY, MARGIN + 14, y + 2, INK);
        }
        y -= 2;
    }

    // ---- tables --------------------------------------------------------------------------------------------

    /**
     * Draws a table. Rows continue on the next page with the header repeated. A table wider than the page is
     * cut into column slices that each repeat the key columns, so no column is dropped.
     */
    private void table(Block.Table table) throws IOException {
        int n = table.header().size();
        String[] header = new String[n];
        for (int c = 0; c < n; c++) {
            header[c] = clean(table.header().get(c));
        }

        List<String[]> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            String[] cells = new String[n];
            for (int c = 0; c < n; c++) {
                cells[c] = clean(c < row.size() ? row.get(c) : "");
            }
            rows.add(cells);
        }
        // Natural width fits the longest cell on one line. Minimum width fits the longest word, so a column
        // breaks inside a word only when the word alone is wider than MAX_COLUMN.
        float[] natural = new float[n];
        float[] minimum = new float[n];
        for (int c = 0; c < n; c++) {
            float w = width(header[c], bold, TABLE);
            float word = longestWord(header[c], bold);
            for (String[] cells : rows) {
                w = Math.max(w, width(cells[c], regular, TABLE));
                word = Math.max(word, longestWord(cells[c], regular));
            }
            natural[c] = Math.min(MAX_COLUMN, Math.max(24f, w + 2 * PAD + 1));
            // Words longer than MAX_WORD (long group lists in reasons) are broken so tables rarely need slicing.
            minimum[c] = Math.min(natural[c], Math.max(24f, Math.min(MAX_WORD, word) + 2 * PAD + 1));
        }

        int keys = Math.min(table.keyColumns(), n);
        List<List<Integer>> slices = slices(minimum, keys);
        for (int s = 0; s < slices.size(); s++) {
            String caption = table.caption();
            if (slices.size() > 1) {
                List<Integer> slice = slices.get(s);
                int from = slice.get(Math.min(keys, slice.size() - 1)) + 1;
                int to = slice.get(slice.size() - 1) + 1;
                caption = (caption == null ? "Table" : caption) + " (columns " + from + "\u2013" + to + " of " + n + ")";
            }
            tableSlice(caption, header, rows, natural, minimum, slices.get(s));
        }
        y -= 6;
    }

    private List<List<Integer>> slices(float[] natural, int keys) {
        float keyWidth = 0;
        for (int c = 0; c < keys; c++) {
            keyWidth += natural[c];
        }
        List<List<Integer>> slices = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        float used = keyWidth;
        for (int c = keys; c < natural.length; c++) {
            if (!current.isEmpty() && used + natural[c] > WIDTH) {
                slices.add(withKeys(current, keys));
                current = new ArrayList<>();
                used = keyWidth;
            }
            current.add(c);
            used += natural[c];
        }
        if (!current.isEmpty() || slices.isEmpty()) {
            slices.add(withKeys(current, keys));
        }
        return slices;
    }

    private static List<Integer> withKeys(List<Integer> columns, int keys) {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < keys; c++) {
            all.add(c);
        }
        all.addAll(columns);
        return all;
    }

    private void tableSlice(String caption, String[] header, List<String[]> rows, float[] natural, float[] minimum,
                            List<Integer> columns) throws IOException {
        float naturalTotal = 0;
        float minimumTotal = 0;
        for (int c : columns) {
            naturalTotal += natural[c];
            minimumTotal += minimum[c];
        }
        // A slice that fits keeps natural widths. Otherwise each column gets its minimum plus a share of the
        // remaining page width in proportion to how much wrapping it saves. A slice whose minimums overflow
        // (one very wide column beyond the keys) is scaled down to the page.
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            int c = columns.get(i);
            if (naturalTotal <= WIDTH) {
                widths[i] = natural[c];
            } else if (minimumTotal <= WIDTH) {
                widths[i] = minimum[c] + (natural[c] - minimum[c]) * (WIDTH - minimumTotal) / (naturalTotal - minimumTotal);
            } else {
                widths[i] = minimum[c] * WIDTH / minimumTotal;
            }
        }
        float lead = TABLE * 1.3f;
        if (caption != null) {
            List<String> lines = wrap(caption, bold, BODY, WIDTH);
            ensure(lines.size() * BODY * 1.25f + 3 * lead);
            for (String l : lines) {
                y -= BODY * 1.25f;
                text(l, bold, BODY, MARGIN, y, INK);
            }
            y -= 3;
        }
        drawRow(header, columns, widths, true);
        for (String[] cells : rows) {
            if (rowHeight(cells, columns, widths, regular) > y - BOTTOM) {
                newPage();
                drawRow(header, columns, widths, true);
            }
            drawRow(cells, columns, widths, false);
        }
    }

    private static int lastBreak(CharSequence text) {
        for (int i = text.length() - 1; i > 0; i--) {
            char c = text.charAt(i - 1);
            if (c == '.' || c == '_' || c == '=' || c == ',' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private float longestWord(String cleaned, PDType0Font font) throws IOException {
        float max = 0;
        for (String word : cleaned.split(" ")) {
            max = Math.max(max, width(word, font, TABLE));
        }
        return max;
    }

    private float rowHeight(String[] cells, List<Integer> columns, float[] widths, PDType0Font font)
            throws IOException {
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            lines = Math.max(lines, wrap(cells[columns.get(i)], font, TABLE, widths[i] - 2 * PAD).size());
        }
        return lines * TABLE * 1.3f + 2 * PAD;
    }

    private void drawRow(String[] cells, List<Integer> columns, float[] widths, boolean head) throws IOException {
        PDType0Font font = head ? bold : regular;
        float height = rowHeight(cells, columns, widths, font);
        ensure(height);
        float x = MARGIN;
        float rowWidth = 0;
        for (float w : widths) {
            rowWidth += w;
        }
        if (head) {
            out.setNonStrokingColor(HEAD_FILL);
            out.addRect(MARGIN, y - height, rowWidth, height);
            out.fill();
        }
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = wrap(cells[columns.get(i)], font, TABLE, widths[i] - 2 * PAD);
            float baseline = y - PAD - TABLE;
            for (String l : lines) {
                text(l, font, TABLE, x + PAD, baseline, INK);
                baseline -= TABLE * 1.3f;
            }
            x += widths[i];
        }
        out.setStrokingColor(RULE);
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y - height);
        out.lineTo(MARGIN + rowWidth, y - height);
        out.stroke();
        y -= height;
    }

    // ---- charts --------------------------------------------------------------------------------------------

    /** Draws charts two per row; heatmaps with many columns take the full width. */
    private void charts(List<ReportModel.Chart> charts) throws IOException {
        float half = (WIDTH - 12) / 2;
        int i = 0;
        while (i < charts.size()) {
            ReportModel.Chart chart = charts.get(i);
            if (isWide(chart) || i + 1 >= charts.size() || isWide(charts.get(i + 1))) {
                float w = isWide(chart) ? WIDTH : half;
                float h = chartHeight(chart, isWide(chart));
                ensure(h + 10);
                drawChart(chart, MARGIN, w, h);
                y -= h + 10;
                i++;
            } else {
                // Side by side, top-aligned, each at its own height.
                float left = chartHeight(chart, false);
                float right = chartHeight(charts.get(i + 1), false);
                float h = Math.max(left, right);
                ensure(h + 10);
                drawChart(chart, MARGIN, half, left);
                drawChart(charts.get(i + 1), MARGIN + half + 12, half, right);
                y -= h + 10;
                i += 2;
            }
        }
    }

    private static boolean isWide(ReportModel.Chart chart) {
        return "heatmap".equals(chart.kind()) && chart.categories().size() > 8;
    }

    /** Height in points: horizontal bars grow with their bar count so labels never overlap. */
    private static float chartHeight(ReportModel.Chart chart, boolean wide) {
        if ("hbar".equals(chart.kind())) {
            int bars = chart.categories().size() * Math.max(1, chart.series().size());
            return Math.min(TOP - BOTTOM - 20, Math.max(CHART_HEIGHT, 100 + 6.5f * bars + 9f * chart.categories().size()));
        }
        if ("heatmap".equals(chart.kind())) {
            return wide ? CHART_HEIGHT * 1.8f : CHART_HEIGHT + 40;
        }
        return CHART_HEIGHT;
    }

    private void drawChart(ReportModel.Chart spec, float x, float w, float h) throws IOException {
        JFreeChart chart = Charts.create(cleanChart(spec));
        PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(doc, w, h);
        graphics.setFontTextDrawer(chartText);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, w, h));
        graphics.dispose();
        PDFormXObject form = graphics.getXFormObject();
        out.saveGraphicsState();
        out.transform(Matrix.getTranslateInstance(x, y - h));
        out.drawForm(form);
        out.restoreGraphicsState();
    }

    private ReportModel.Chart cleanChart(ReportModel.Chart c) {
        List<String> categories = c.categories() == null ? null : c.categories().stream().map(this::clean).toList();
        List<ReportModel.Series> series = c.series() == null ? null : c.series().stream()
                .map(s -> new ReportModel.Series(clean(s.name()), s.values(), s.lower(), s.upper())).toList();
        List<ReportModel.Line> lines = c.lines() == null ? null : c.lines().stream()
                .map(l -> new ReportModel.Line(clean(l.name()), l.x(), l.y())).toList();
        return new ReportModel.Chart(c.kind(), clean(c.title()), clean(c.xLabel()), clean(c.yLabel()), categories,
                series, lines, c.matrix(), c.xMax(), c.note() == null ? null : clean(c.note()));
    }

    // ---- finishing -----------------------------------------------------------------------------------------

    private void listMissingGlyphs() throws IOException {
        List<String> codes = new ArrayList<>();
        for (int cp : missingGlyphs) {
            codes.add(String.format("U+%04X", cp));
        }
        paragraph("Characters not in the embedded font, shown as " + ReportFonts.PLACEHOLDER + ": "
                + String.join(", ", codes) + ". The HTML and JSON reports contain them unchanged.", "notice");
    }

    private void fillContents() throws IOException {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem currentSection = null;
        int index = 0;
        for (int p = 0; p < tocPages.size(); p++) {
            PDPage tocPage = tocPages.get(p);
            try (PDPageContentStream cs = new PDPageContentStream(doc, tocPage, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = cs;
                y = TOP;
                if (p == 0) {
                    line("Contents", bold, 16f, MARGIN, INK);
                    y -= 12;
                }
                int onPage = 0;
                while (index < toc.size() && onPage < TOC_LINES_PER_PAGE) {
                    TocEntry entry = toc.get(index++);
                    onPage++;
                    float indent = entry.level() == 1 ? 0 : 16;
                    PDType0Font font = entry.level() == 1 ? bold : regular;
                    String number = Integer.toString(doc.getPages().indexOf(entry.page()) + 1);
                    y -= BODY * 1.6f;
                    text(entry.text(), font, BODY, MARGIN + indent, y, INK);
                    float numberWidth = width(number, regular, BODY);
                    text(number, regular, BODY, MARGIN + WIDTH - numberWidth, y, INK);
                    PDPageXYZDestination destination = new PDPageXYZDestination();
                    destination.setPage(entry.page());
                    destination.setTop((int) (entry.top() + 4));
                    destination.setLeft(0);
                    PDAnnotationLink link = new PDAnnotationLink();
                    link.setRectangle(new PDRectangle(MARGIN, y - 3, WIDTH, BODY * 1.4f));
                    link.setDestination(destination);
                    PDBorderStyleDictionary border = new PDBorderStyleDictionary();
                    border.setWidth(0);
                    link.setBorderStyle(border);
                    tocPage.getAnnotations().add(link);

                    PDOutlineItem item = new PDOutlineItem();
                    item.setTitle(entry.text());
                    item.setDestination(destination);
                    if (entry.level() == 1 || currentSection == null) {
                        outline.addLast(item);
                        currentSection = item;
                    } else {
                        currentSection.addLast(item);
                    }
                }
            }
        }
    }

    private void numberPages() throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = cs;
                String footer = clean("SynthTrust audit report \u2013 " + model.cover().studyName()
                        + " \u2013 page " + (i + 1) + " of " + total);
                float w = width(footer, regular, 7.5f);
                text(footer, regular, 7.5f, (PAGE.getWidth() - w) / 2, MARGIN - 10, new Color(0x666666));
            }
        }
    }

    private void metadata() {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("SynthTrust audit report: " + model.cover().studyName());
        info.setAuthor("SynthTrust " + model.cover().version());
        info.setSubject("Audit of differentially private synthetic data candidates for study "
                + model.cover().studyId());
        info.setKeywords("synthetic data, differential privacy, audit, trust index");
        info.setCreator("SynthTrust " + model.cover().version());
        info.setProducer("Apache PDFBox");
        Calendar now = Calendar.getInstance();
        info.setCreationDate(now);
        doc.getDocumentCatalog().setLanguage("en");

        // PDF/A readers take title, author and subject from XMP metadata, so the same facts go there too.
        String date = String.format(java.util.Locale.ROOT, "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS%1$tz", now)
                .replaceFirst("(\\d{2})(\\d{2})$", "$1:$2");
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "<dc:format>application/pdf</dc:format>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + HtmlRenderer.esc(info.getTitle())
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:creator><rdf:Seq><rdf:li>" + HtmlRenderer.esc(info.getAuthor()) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + HtmlRenderer.esc(info.getSubject())
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "<pdf:Producer>" + HtmlRenderer.esc(info.getProducer()) + "</pdf:Producer>\n"
                + "<pdf:Keywords>" + HtmlRenderer.esc(info.getKeywords()) + "</pdf:Keywords>\n"
                + "<xmp:CreatorTool>" + HtmlRenderer.esc(info.getCreator()) + "</xmp:CreatorTool>\n"
                + "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
        try {
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XMP metadata: " + e.getMessage(), e);
        }
    }
}
