package org.exportaudit.export.encoder;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executor;
import java.util.zip.ZipOutputStream;

/**
 * The zip of an XLSX file and its parts other than the sheets' rows: the sheets are entries
 * {@code xl/worksheets/sheetN.xml}, written through {@link #xml()} between {@link #startSheet()}
 * and {@link #endSheet()}; {@link #finish()} adds the content types, the relationships, the
 * workbook that names the sheets and the style sheet whose indexes SheetXml's cells use.
 */
final class XlsxPackage {

    private final ZipOnThread zip;
    private final Utf8Buffer xml;
    private int sheets;

    XlsxPackage(OutputStream out, Executor compression, int deflateLevel) {
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
        zip.setLevel(deflateLevel);
        this.zip = new ZipOnThread(zip, compression);
        this.xml = new Utf8Buffer(this.zip.entry());
    }

    /** Where the current part's XML goes. */
    Utf8Buffer xml() {
        return xml;
    }

    /** Starts the next sheet's part. */
    void startSheet() throws IOException {
        sheets++;
        zip.putNextEntry("xl/worksheets/sheet" + sheets + ".xml");
    }

    void endSheet() throws IOException {
        xml.flush();
        zip.closeEntry();
    }

    /** Writes the parts that name the sheets, once the last is ended, and completes the zip. */
    void finish() throws IOException {
        entry("[Content_Types].xml", contentTypes());
        entry("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        entry("xl/workbook.xml", workbook());
        entry("xl/_rels/workbook.xml.rels", workbookRelations());
        entry("xl/styles.xml", STYLES);
        zip.finish();
    }

    void abandon() throws IOException {
        zip.abandon();
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(name);
        xml.append(content);
        xml.flush();
        zip.closeEntry();
    }

    /**
     * A minimal style sheet: Calibri 11, a bold heading, the quotePrefix style for text that starts
     * like a formula, ISO dates and timestamps, and the "Normal" cell style that readers look for.
     * SheetXml's cells name these styles by their index in cellXfs.
     */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>\
            <numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>""";

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
