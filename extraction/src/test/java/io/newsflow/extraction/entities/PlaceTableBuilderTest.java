package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.train.PlaceTableBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed place table is what {@code news-pipeline train gazetteer} generates from the shared data. */
class PlaceTableBuilderTest {

    @Test
    void regeneratesTheCommittedPlaceTable(@TempDir Path dir) throws IOException {
        Path geonames = SharedData.require("unlabeled/geonames");
        Path unlabeled = SharedData.require("unlabeled");

        Path built = PlaceTableBuilder.build(geonames, Path.of("src/main/gazetteer/city-aliases.tsv"), unlabeled,
                dir);

        assertThat(built).hasSameTextualContentAs(
                Path.of("src/main/resources/io/newsflow/extraction/entities/" + PlaceTableBuilder.FILE));
        assertThat(Files.readAllLines(built)).anyMatch(l -> l.startsWith("city:94787\tIQ\t"));
    }
}
