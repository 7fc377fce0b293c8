package org.exportaudit.export.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;
import org.exportaudit.export.entity.Column;

/**
 * A streaming XLSX writer: the sheet's XML goes straight into the zip, row by row, with inline
 * strings, so memory stays constant however many rows and distinct values there are. (The usual
 * libraries either build the workbook in memory or keep every distinct string in a shared-strings
 * table until the end: neither holds 5,000,000 unique rows in a 512 MB heap.) A sheet holds at
 * most 1,048,576 rows; beyond that the export continues on sheets "Export 2", "Export 3", …, each
 * with the header row.
 */
final class XlsxFile implements RecordFile {

    static final int EXCEL_ROWS = 1_048_576;

    /** Plain decimal numbers, which become numeric cells; anything else in a numeric column is text. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

    private final ZipOnThread zip;
    private final Utf8Buffer xml;
    private final List<Column> columns;
    private final String[] labels;
    private final int rowsPerSheet;
    private int sheets;
    private int rowInSheet;

    XlsxFile(OutputStream out, List<Column> columns, Executor compression) throws IOException {
        this(out, columns, compression, EXCEL_ROWS);
    }

    XlsxFile(OutputStream out, List<Column> columns, Executor compression, int rowsPerSheet) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        });
        // Fast compression: the sheet XML is repetitive, level 1 already shrinks it several times.
        zip.setLevel(Deflater.BEST_SPEED);
        this.zip = new ZipOnThread(zip, compression);
        this.xml = new Utf8Buffer(this.zip.entry());
        this.columns = columns;
        this.labels = columns.stream().map(Column::label).toArray(String[]::new);
        this.rowsPerSheet = rowsPerSheet;
        startSheet();
    }

    @Override
    public void write(String[] row) throws IOException {
        if (rowInSheet == rowsPerSheet) {
            endSheet();
            startSheet();
        }
        // Cells carry no reference: each takes the next column, which keeps the sheet a third
        // smaller, and so faster to compress. An empty cell is written as <c/> to hold its place.
        xml.append("<row>");
        for (int column = 0; column < row.length; column++) {
            String value = row[column];
            if (value == null || value.isEmpty()) {
                xml.append("<c/>");
            } else if (columns.get(column).numeric() && NUMBER.matcher(value).matches()) {
                xml.append("<c><v>").append(value).append("</v></c>");
            } else {
                text(value, false);
            }
        }
        xml.append("</row>");
        rowInSheet++;
    }

    @Override
    public void finish() throws IOException {
        endSheet();
        entry("[Content_Types].xml", contentTypes());
        entry("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        entry("xl/workbook.xml", workbook());
        entry("xl/_rels/workbook.xml.rels", workbookRelations());
        entry("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                </styleSheet>""");
        zip.finish();
    }

    @Override
    public void abandon() throws IOException {
        zip.abandon();
    }

    private void startSheet() throws IOException {
        sheets++;
        zip.putNextEntry("xl/worksheets/sheet" + sheets + ".xml");
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>");
        xml.append("<row>");
        for (String label : labels) {
            text(label, true);
        }
        xml.append("</row>");
        rowInSheet = 1;
    }

    private void endSheet() throws IOException {
        xml.append("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
    }

    private void text(String value, boolean heading) throws IOException {
        String text = SpreadsheetFormulas.neutralise(value);
        xml.append(heading ? "<c s=\"1\" t=\"inlineStr\"><is>" : "<c t=\"inlineStr\"><is>");
        // Spreadsheets trim the ends of a text unless told to keep them.
        boolean keepSpaces = !text.isEmpty() && Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        xml.append(keepSpaces ? "<t xml:space=\"preserve\">" : "<t>");
        escape(text);
        xml.append("</t></is></c>");
    }

    /** XML-escapes a value and drops the characters XML 1.0 cannot hold at all. */
    private void escape(String value) throws IOException {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null) {
                xml.append(value, from, i).append(replacement);
                from = i + 1;
            }
        }
        xml.append(value, from, value.length());
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(name);
        xml.append(content);
        xml.flush();
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder types = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int sheet = 1; sheet <= sheets; sheet++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(sheet)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder workbook = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int sheet = 1; sheet <= sheets; sheet++) {
            workbook.append("<sheet name=\"Export").append(sheet == 1 ? "" : " " + sheet)
                    .append("\" sheetId=\"").append(sheet).append("\" r:id=\"rId").append(sheet).append("\"/>");
        }
        return workbook.append("</sheets></workbook>").toString();
    }

    private String workbookRelations() {
        StringBuilder relations = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int sheet = 1; sheet <= sheets; sheet++) {
            relations.append("<Relationship Id=\"rId").append(sheet)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"")
                    .append(" Target=\"worksheets/sheet").append(sheet).append(".xml\"/>");
        }
        return relations.append("<Relationship Id=\"rId").append(sheets + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\"")
                .append(" Target=\"styles.xml\"/></Relationships>").toString();
    }
}
