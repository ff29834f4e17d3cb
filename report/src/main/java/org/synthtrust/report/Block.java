package org.synthtrust.report;

import java.util.List;

/**
 * Layout-neutral pieces of the report. {@link ReportLayout} turns a model into blocks once, and the PDF and
 * HTML renderers only format blocks, so both outputs show the same text and numbers.
 */
public sealed interface Block {
    /** Document title on the cover. */
    record Title(String text, String subtitle) implements Block { }

    /** Section (level 1, starts a new page) or subsection (level 2) heading; listed in the table of contents. */
    record Heading(int level, String text, String anchor) implements Block { }

    /** Plain paragraph; {@code style} is normal, notice (boxed) or warning (boxed, red). */
    record Paragraph(String text, String style) implements Block { }

    record Bullets(List<String> items) implements Block { }

    /** Table; the first {@code keyColumns} columns repeat on every slice when the table is wider than a page. */
    record Table(String caption, List<String> header, List<List<String>> rows, int keyColumns) implements Block { }

    record Charts(List<ReportModel.Chart> charts) implements Block { }

    /** Place of the table of contents (after the cover). */
    record Contents() implements Block { }
}
