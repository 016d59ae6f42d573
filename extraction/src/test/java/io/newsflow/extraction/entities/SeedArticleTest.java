package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's reference story (an Arabic report on an international operation against online child
 * exploitation, and a training course on human trafficking): what it names, as read by a person, must come out.
 */
class SeedArticleTest {

    private static Path seed;
    private static List<EntityMention> mentions;

    @BeforeAll
    static void recognize() throws IOException {
        Path seedDir = SharedData.require("seed");
        try (Stream<Path> files = Files.list(seedDir)) {
            seed = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        mentions = EntityRecognizer.load().recognize(Files.readString(seed, StandardCharsets.UTF_8), "ar");
    }

    private static List<EntityMention> ofType(EntityType type) {
        return mentions.stream().filter(m -> m.type() == type).toList();
    }

    @Test
    void namesTheFourteenCountriesWithTheirIsoIds() {
        assertThat(ofType(EntityType.LOCATION).stream().map(EntityMention::canonicalId)
                .filter(id -> id != null && id.startsWith("country:")).distinct())
                .containsExactlyInAnyOrder("country:AE", "country:FR", "country:BH", "country:MA", "country:IT",
                        "country:SN", "country:SG", "country:SK", "country:ES", "country:GB", "country:AU",
                        "country:SA", "country:OM", "country:KW");
        assertThat(mentions).filteredOn(m -> m.text().equals("الإمارات"))
                .allSatisfy(m -> assertThat(m.canonicalId()).isEqualTo("country:AE"));
    }

    @Test
    void keepsEachCountryOfAListSeparate() {
        assertThat(mentions).filteredOn(m -> m.text().equals("المغرب") || m.text().equals("إيطاليا")
                        || m.text().equals("السنغال"))
                .extracting(EntityMention::canonicalId)
                .contains("country:MA", "country:IT", "country:SN");
        assertThat(mentions).noneMatch(m -> m.text().contains(" و") && m.type() == EntityType.LOCATION);
    }

    @Test
    void endsTheHeadlineCountryBeforeItsVerb() {
        assertThat(mentions).noneMatch(m -> m.text().contains("تشارك"));
    }

    @Test
    void namesTheUnBodiesWithTheirIds() {
        assertThat(ofType(EntityType.ORGANIZATION)).extracting(EntityMention::text, EntityMention::canonicalId)
                .contains(tuple("مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
                                "org:unodc"),
                        tuple("منظمة العمل الدولية", "org:ilo"));
    }

    /**
     * The ministries, police forces, institutes and associations, by the product convention (the default): ANERcorp
     * would not annotate them (see ENTITIES.md, "Annotation convention"). Their ids are the folded names, the same
     * wherever the story repeats one.
     */
    @Test
    void namesTheMinistriesPoliceForcesAndAssociations() {
        assertThat(ofType(EntityType.ORGANIZATION)).extracting(EntityMention::text, EntityMention::canonicalId)
                .contains(tuple("وزارة الداخلية الإيطالية", "org:وزاره-الداخليه-الايطاليه"),
                        tuple("وزارة الداخلية", "org:وزاره-الداخليه"),
                        tuple("الشرطة الاتحادية الأسترالية", "org:الشرطه-الاتحاديه-الاستراليه"),
                        tuple("الشرطة الفيدرالية الأسترالية", "org:الشرطه-الفيدراليه-الاستراليه"),
                        tuple("القيادة العامة لشرطة دبي", "org:القياده-العامه-لشرطه-دبي"),
                        tuple("جهاز الشرطة الخليجية", "org:جهاز-الشرطه-الخليجيه"),
                        tuple("معهد دبي القضائي", "org:معهد-دبي-القضائي"),
                        tuple("جمعية الإمارات لحقوق الإنسان", "org:جمعيه-الامارات-لحقوق-الانسان"),
                        tuple("مؤسسة مطارات دبي", "org:مؤسسه-مطارات-دبي"));
        assertThat(ofType(EntityType.ORGANIZATION)).extracting(EntityMention::text)
                .anyMatch(name -> name.startsWith("اللجنة الوطنية لمكافحة"));
    }

    /** Under ANERcorp's convention, which scoring uses, the same story names none of them. */
    @Test
    void leavesTheInstitutionsToTheTaggerUnderTheAnercorpConvention() throws IOException {
        List<EntityMention> corpus = EntityRecognizer.load(AnnotationConvention.ANERCORP)
                .recognize(Files.readString(seed, StandardCharsets.UTF_8), "ar");
        assertThat(corpus).noneMatch(m -> m.text().startsWith("وزارة") || m.text().startsWith("جمعية"));
        assertThat(corpus).extracting(EntityMention::canonicalId).contains("org:unodc", "org:ilo");
    }

    @Test
    void namesNoWordOrNumberThatIsNotAName() {
        assertThat(mentions).noneMatch(m -> m.text().equals("الاتجار"));
        assertThat(mentions).noneMatch(m -> m.text().chars().anyMatch(Character::isDigit));
    }

    @Test
    void namesThePeople() {
        assertThat(ofType(EntityType.PERSON).stream().map(EntityMention::text))
                .contains("ريزارد كولوينسكي", "ايجور بوسك", "توريستين سكاكل", "جين ديكنسون");
    }

    @Test
    void givesDubaiItsCityId() {
        assertThat(mentions).filteredOn(m -> m.text().equals("دبي") && m.type() == EntityType.LOCATION)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.canonicalId()).isEqualTo("city:292223"));
    }
}
