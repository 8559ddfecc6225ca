package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path folder;

    OutputFiles files() {
        return new OutputFiles(folder, List.of("events.jsonl", "summary.json"));
    }

    @Test
    void aRunFirstRemovesTheFilesAnEarlierRunLeftAndOnlyThose() throws Exception {
        Files.writeString(folder.resolve("events.jsonl"), "earlier");
        Files.writeString(folder.resolve(".summary.json.partial"), "killed");
        Files.writeString(folder.resolve("notes.txt"), "the user's");

        files().removeEarlierRun();

        assertThat(listing()).containsExactly("notes.txt");
    }

    @Test
    void aFileKeepsItsTemporaryNameUntilTheRunIsComplete() throws Exception {
        Files.writeString(folder.resolve("summary.json"), "earlier");
        OutputFiles files = files();

        files.write("summary.json", file -> Files.writeString(file, "this run's"));
        try (OutputStream out = files.open("events.jsonl")) {
            out.write("{}\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(listing()).containsExactly(".events.jsonl.partial", ".summary.json.partial", "summary.json");
        assertThat(folder.resolve("summary.json")).hasContent("earlier");

        files.publish();

        assertThat(listing()).containsExactly("events.jsonl", "summary.json");
        assertThat(folder.resolve("summary.json")).hasContent("this run's");
    }

    @Test
    void aRunThatFailsLeavesNoTemporaryFile() throws Exception {
        OutputFiles files = files();
        files.open("events.jsonl").close();
        assertThatThrownBy(() -> files.write("summary.json", file -> {
                    Files.writeString(file, "half");
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");

        files.discard();

        assertThat(listing()).isEmpty();
    }

    @Test
    void aRunGivenUpRemovesWhatItWrotePublishedOrNot() throws Exception {
        OutputFiles files = files();
        files.write("summary.json", file -> Files.writeString(file, "this run's"));
        files.publish();
        files.open("events.jsonl").close();

        List<Path> left = files.giveUp();

        assertThat(left).isEmpty();
        assertThat(listing()).isEmpty();
    }

    @Test
    void aRunWritesOnlyTheFilesItNamed() {
        assertThatThrownBy(() -> files().open("other.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.txt");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
