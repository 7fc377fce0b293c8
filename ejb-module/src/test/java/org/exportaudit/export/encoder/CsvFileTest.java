package org.exportaudit.export.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.ExportFormat;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("name", "Name"), new Column("note", "Note, free text"),
            new Column("score", "Score", Column.Type.NUMBER));

    private static String csv(String[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFile file = RecordFile.open(ExportFormat.CSV, out, COLUMNS, Runnable::run);
        for (String[] row : rows) {
            file.write(row);
        }
        file.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writes_a_header_and_crlf_records_quoting_only_what_needs_it() throws Exception {
        String csv = csv(new String[] {"Zoë Ångström", "plain", "42"},
                new String[] {"O'Brien", "says \"hi\", twice", null},
                new String[] {"王", "line one\nline two", ""});

        assertEquals("Name,\"Note, free text\",Score\r\n"
                + "Zoë Ångström,plain,42\r\n"
                + "O'Brien,\"says \"\"hi\"\", twice\",\r\n"
                + "王,\"line one\nline two\",\r\n", csv);
    }

    @Test
    void neutralises_every_formula_prefix_in_text() throws Exception {
        String csv = csv(new String[] {"=SUM(1,2)", "+1", "-1+1"}, new String[] {"@cmd", "\tx", "\rx"},
                new String[] {"-1", "-2", "+3"});

        assertEquals("Name,\"Note, free text\",Score\r\n"
                + "\"'=SUM(1,2)\",'+1,'-1+1\r\n"
                + "'@cmd,'\tx,\"'\rx\"\r\n"
                + "'-1,'-2,'+3\r\n", csv);
    }

    @Test
    void writes_negative_numbers_in_a_number_column_as_numbers() throws Exception {
        String csv = csv(new String[] {"=1+1", "-5", "-5"}, new String[] {"x", "y", "-0.25"},
                new String[] {"x", "y", "-1.5E-3"}, new String[] {"x", "y", "-Infinity"});

        assertEquals("Name,\"Note, free text\",Score\r\n"
                + "'=1+1,'-5,-5\r\n"
                + "x,y,-0.25\r\n"
                + "x,y,-1.5E-3\r\n"
                + "x,y,'-Infinity\r\n", csv);
    }

    @Test
    void copies_lines_the_database_wrote_neutralised_and_ending_with_crlf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFile file = RecordFile.open(ExportFormat.CSV, out, COLUMNS, Runnable::run);

        file.writeCsvLine("Zoë,\"two\nlines\",1\n".getBytes(StandardCharsets.UTF_8));
        file.writeCsvLine("=cmd,\"=SUM(1,2)\",-3\n".getBytes(StandardCharsets.UTF_8));
        file.writeCsvLine("\"a \"\"=quoted\"\" word\",@x,\"\"\n".getBytes(StandardCharsets.UTF_8));
        file.writeCsvLine("\tx,,+1\n".getBytes(StandardCharsets.UTF_8));
        file.writeCsvLine("-1,-2,-1+1\n".getBytes(StandardCharsets.UTF_8));
        file.writeCsvLine("\"-1\",x,-0.5\n".getBytes(StandardCharsets.UTF_8));
        file.finish();

        assertEquals("Name,\"Note, free text\",Score\r\n"
                + "Zoë,\"two\nlines\",1\r\n"
                + "'=cmd,\"'=SUM(1,2)\",-3\r\n"
                + "\"a \"\"=quoted\"\" word\",'@x,\"\"\r\n"
                + "'\tx,,'+1\r\n"
                + "'-1,'-2,'-1+1\r\n"
                + "\"'-1\",x,-0.5\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void has_no_byte_order_mark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordFile.open(ExportFormat.CSV, out, COLUMNS, Runnable::run).finish();

        assertEquals('N', out.toByteArray()[0]);
    }
}
