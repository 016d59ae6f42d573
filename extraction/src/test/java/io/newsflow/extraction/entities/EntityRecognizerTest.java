package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped models and gazetteers together, on sentences written for these tests. */
class EntityRecognizerTest {

    private static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.load();
    }

    private static EntityMention find(List<EntityMention> mentions, String text) {
        return mentions.stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not among " + mentions));
    }

    @Test
    void givesArabicAndEnglishMentionsOfOneCountryTheSameId() {
        EntityMention arabic = find(recognizer.recognize("وصل الوفد إلى فرنسا صباح اليوم.", "ar"), "فرنسا");
        EntityMention english = find(recognizer.recognize("The delegation reached France on Monday.", "en"),
                "France");
        assertThat(arabic.canonicalId()).isEqualTo("country:FR").isEqualTo(english.canonicalId());
        assertThat(arabic.type()).isEqualTo(EntityType.LOCATION);
        assertThat(english.type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void givesArabicAndEnglishMentionsOfOneGeoNamesCityTheSameId() {
        EntityMention arabic = find(recognizer.recognize("وقتل ثلاثة أشخاص في انفجار في مدينة كركوك شمال العراق.",
                "ar"), "كركوك");
        EntityMention english = find(recognizer.recognize("Three people were killed in a blast in the city of "
                + "Kirkuk in northern Iraq.", "en"), "Kirkuk");
        assertThat(arabic.canonicalId()).isEqualTo("city:94787").isEqualTo(english.canonicalId());
    }

    @Test
    void givesAClubAndACompanyTheSameIdInBothLanguages() {
        List<EntityMention> arabic = recognizer.recognize("وفاز أرسنال على ضيفه أمس، فيما أعلنت فولكسفاغن "
                + "عن طراز جديد.", "ar");
        List<EntityMention> english = recognizer.recognize("Arsenal beat their visitors on Sunday, while Volkswagen "
                + "unveiled a new model.", "en");
        for (List<EntityMention> mentions : List.of(arabic, english)) {
            assertThat(mentions).filteredOn(m -> m.type() == EntityType.ORGANIZATION)
                    .extracting(EntityMention::canonicalId).contains("org:arsenal", "org:volkswagen");
        }
    }

    @Test
    void namesArabicInstitutionsUnderTheProductConventionOnly() {
        String text = "وقالت وزارة الصحة المصرية إن الشركة الجديدة ستعمل مع جمعية القاهرة لرعاية الأطفال.";
        List<EntityMention> product = recognizer.recognize(text, "ar");
        EntityMention ministry = find(product, "وزارة الصحة المصرية");
        assertThat(ministry.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(ministry.canonicalId()).isEqualTo("org:وزاره-الصحه-المصريه");
        assertThat(find(product, "جمعية القاهرة لرعاية الأطفال").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(product).noneMatch(m -> m.text().contains("الشركة الجديدة"));

        List<EntityMention> corpus = recognizer.withConvention(AnnotationConvention.ANERCORP).recognize(text, "ar");
        assertThat(corpus).noneMatch(m -> m.text().startsWith("وزارة"));
    }

    @Test
    void givesANationalityMentionItsCountryId() {
        EntityMention german = find(recognizer.recognize("German officials met in Paris on Monday.", "en"),
                "German");
        assertThat(german.type()).isEqualTo(EntityType.MISC);
        assertThat(german.canonicalId()).isEqualTo("country:DE");
    }

    @Test
    void leavesFusedConjunctionsAndPrepositionsOutOfTheMention() {
        String text = "وقعت مصر وفرنسا اتفاقا بالإمارات للتعاون.";
        List<EntityMention> mentions = recognizer.recognize(text, "ar");
        EntityMention france = find(mentions, "فرنسا");
        assertThat(text.substring(france.start(), france.end())).isEqualTo("فرنسا");
        assertThat(france.canonicalId()).isEqualTo("country:FR");
        EntityMention emirates = find(mentions, "الإمارات");
        assertThat(emirates.canonicalId()).isEqualTo("country:AE");
        assertThat(find(mentions, "مصر").canonicalId()).isEqualTo("country:EG");
    }

    @Test
    void usesOneIdForRepeatedMentionsAndForASurnameAfterTheFullName() {
        String text = "Prime Minister Helen Markova met United Nations officials in Geneva on Tuesday. "
                + "Markova told the United Nations that Geneva talks would resume.";
        List<EntityMention> mentions = recognizer.recognize(text, "en");
        List<String> unIds = mentions.stream().filter(m -> m.text().equals("United Nations"))
                .map(EntityMention::canonicalId).distinct().toList();
        assertThat(unIds).containsExactly("org:un");
        List<String> genevaIds = mentions.stream().filter(m -> m.text().equals("Geneva"))
                .map(EntityMention::canonicalId).distinct().toList();
        assertThat(genevaIds).containsExactly("city:2660646");
        EntityMention full = find(mentions, "Helen Markova");
        EntityMention surname = find(mentions, "Markova");
        assertThat(full.type()).isEqualTo(EntityType.PERSON);
        assertThat(surname.canonicalId()).isEqualTo(full.canonicalId()).isEqualTo("person:helen-markova");
    }

    @Test
    void offsetsAreStringIndicesWithTheMentionText() {
        String text = "قال رئيس الوزراء الماليزي إن ماليزيا ستستضيف القمة في كوالالمبور.\nMalaysia will host it.";
        for (String language : List.of("ar", "en")) {
            for (EntityMention m : recognizer.recognize(text, language)) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
                assertThat(m.confidence()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void otherLanguagesGetGazetteerMatchesOnly() {
        List<EntityMention> mentions = recognizer.recognize("Le ministre est arrivé en France.", "fr");
        assertThat(mentions).extracting(EntityMention::canonicalId).containsExactly("country:FR");
    }
}
