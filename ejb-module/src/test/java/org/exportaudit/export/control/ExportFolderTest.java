package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.platform.NodeName;
import org.exportaudit.platform.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared export folder as two nodes use it: each writes its own partial file of an export. */
class ExportFolderTest {

    @TempDir
    Path folder;

    @AfterEach
    void forgetProperties() {
        System.clearProperty("jboss.node.name");
    }

    private ExportFolder on(String node) {
        System.setProperty("jboss.node.name", node);
        ExportFolder files = new ExportFolder();
        files.settings = new Settings(property -> property.equals(Settings.EXPORT_DIR.property()) ? folder.toString() : null);
        files.node = new NodeName();
        files.createFolder();
        return files;
    }

    @Test
    void a_partial_file_carries_its_node_and_publishing_removes_what_a_lost_node_left() throws Exception {
        ExportFolder lost = on("node-1");
        Files.writeString(lost.partial(7), "cut off");
        ExportFolder survivor = on("node/2");
        Files.writeString(survivor.partial(7), "whole");

        survivor.publish(7, ExportFormat.CSV);

        assertEquals(List.of("7.csv"), names());
        assertEquals("whole", Files.readString(folder.resolve("7.csv")));
    }

    @Test
    void discard_removes_every_partial_of_the_export_and_a_lost_node_only_its_own() throws Exception {
        ExportFolder files = on("node-1");
        for (String name : List.of("7.node-1.part", "7.node-2.part", "7.part", "70.node-1.part", "8.csv")) {
            Files.writeString(folder.resolve(name), name);
        }

        files.discardOwnPartial(7);
        assertEquals(List.of("7.node-2.part", "7.part", "70.node-1.part", "8.csv"), names());

        files.discard(7, ExportFormat.CSV);
        assertEquals(List.of("70.node-1.part", "8.csv"), names());
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
