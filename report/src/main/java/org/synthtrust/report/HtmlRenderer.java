package org.synthtrust.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReportModel} to one self-contained HTML file: inline CSS, inline SVG charts, no scripts
 * and no external resources. The output is well-formed XML (XHTML syntax) so it can be checked by a parser.
 */
public final class HtmlRenderer {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;font-size:14px;line-height:1.45}
            h1{font-size:1.9rem;margin-bottom:.2rem}h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2.5rem}
            h3{margin-top:1.6rem}.subtitle{font-size:1.2rem;color:#444}
            .warning,.notice{border:1.5px solid;padding:.6rem .8rem;font-weight:bold;margin:1rem 0}
            .warning{border-color:#B2182B;color:#B2182B}.notice{border-color:#0072B2;color:#0072B2}
            .scroll{overflow-x:auto;margin:.6rem 0 1rem}
            table{border-collapse:collapse;font-size:12px}th,td{border-bottom:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
            th{background:#E8EEF4}caption{text-align:left;font-weight:bold;padding:.3rem 0}
            .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #ddd}
            .toc li{margin:.15rem 0}svg text{font-family:"DejaVu Sans",Verdana,sans-serif}
            """;

    private final StringBuilder html = new StringBuilder(1 << 16);

    private HtmlRenderer() { }

    public static void render(ReportModel model, Path file) {
        Files2.writeAtomically(file, render(model).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(ReportModel model) {
        HtmlRenderer renderer = new HtmlRenderer();
        renderer.build(model);
        return renderer.html.toString();
    }

    private void build(ReportModel model) {
        List<Block> blocks = ReportLayout.blocks(model);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"author\" content=\"SynthTrust ").append(esc(model.cover().version())).append("\"/>\n")
                .append("<title>SynthTrust audit report: ").append(esc(model.cover().studyName())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        for (Block block : blocks) {
            if (block instanceof Block.Title title) {
                html.append("<h1>").append(esc(title.text())).append("</h1>\n");
                if (title.subtitle() != null) {
                    html.append("<p class=\"subtitle\">").append(esc(title.subtitle())).append("</p>\n");
                }
            } else if (block instanceof Block.Contents) {
                contents(blocks);
            } else if (block instanceof Block.Heading heading) {
                String tag = heading.level() == 1 ? "h2" : "h3";
                html.append('<').append(tag).append(" id=\"").append(esc(heading.anchor())).append("\">")
                        .append(esc(heading.text())).append("</").append(tag).append(">\n");
            } else if (block instanceof Block.Paragraph paragraph) {
                html.append("<p");
                if (!"normal".equals(paragraph.style())) {
                    html.append(" class=\"").append(esc(paragraph.style())).append('"');
                }
                html.append('>').append(esc(paragraph.text())).append("</p>\n");
            } else if (block instanceof Block.Bullets bullets) {
                html.append("<ul>\n");
                for (String item : bullets.items()) {
                    html.append("<li>").append(esc(item)).append("</li>\n");
                }
                html.append("</ul>\n");
            } else if (block instanceof Block.Table table) {
                table(table);
            } else if (block instanceof Block.Charts charts) {
                html.append("<div class=\"charts\">\n");
                for (ReportModel.Chart chart : charts.charts()) {
                    html.append("<div class=\"chart\">").append(SvgCharts.svg(chart)).append("</div>\n");
                }
                html.append("</div>\n");
            }
        }
        html.append("</body>\n</html>\n");
    }

    private void contents(List<Block> blocks) {
        html.append("<h2>Contents</h2>\n<ul class=\"toc\">\n");
        boolean nested = false;
        for (Block block : blocks) {
            if (block instanceof Block.Heading heading) {
                if (heading.level() == 2 && !nested) {
                    html.append("<li><ul>\n");
                    nested = true;
                } else if (heading.level() == 1 && nested) {
                    html.append("</ul></li>\n");
                    nested = false;
                }
                html.append("<li><a href=\"#").append(esc(heading.anchor())).append("\">").append(esc(heading.text()))
                        .append("</a></li>\n");
            }
        }
        if (nested) {
            html.append("</ul></li>\n");
        }
        html.append("</ul>\n");
    }

    private void table(Block.Table table) {
        html.append("<div class=\"scroll\"><table>");
        if (table.caption() != null) {
            html.append("<caption>").append(esc(table.caption())).append("</caption>");
        }
        html.append("\n<thead><tr>");
        for (String cell : table.header()) {
            html.append("<th>").append(esc(cell)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(esc(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    /** Escapes text for XHTML content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even as references, so they become spaces.
                    if (cp < 0x20 && cp != '\n' && cp != '\t') {
                        sb.append(' ');
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static List<String> list(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }
}
