package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load();
    }

    private static Gazetteer.Match only(String text, boolean arabic) {
        Tokens tokens = Tokenizer.tokenize(text);
        List<Gazetteer.Match> matches = gazetteer.matches(tokens, 0, tokens.size(), arabic);
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "France | country:FR", "فرنسا | country:FR",
            "United Arab Emirates | country:AE", "الإمارات العربية المتحدة | country:AE", "UAE | country:AE",
            "الإمارات | country:AE", "دولة الإمارات | country:AE",
            "United Kingdom | country:GB", "Britain | country:GB", "المملكة المتحدة | country:GB",
            "US | country:US", "U.S. | country:US", "الولايات المتحدة | country:US",
            "Côte d’Ivoire | country:CI", "ساحل العاج | country:CI",
            "سلطنة عمان | country:OM", "أستراليا | country:AU", "استراليا | country:AU",
            "Europe | region:150", "أوروبا | region:150", "الشرق الأوسط | region:middle-east",
            "Dubai | city:292223", "دبي | city:292223", "New York | city:5128581", "New York City | city:5128581",
            "منظمة العمل الدولية | org:ilo", "International Labour Organization | org:ilo",
            "الأمم المتحدة | org:un", "United Nations | org:un",
            "أرسنال | org:arsenal", "ارسنال | org:arsenal", "Arsenal | org:arsenal",
            "دينامو كييف | org:dynamo-kyiv", "Dynamo Kiev | org:dynamo-kyiv",
            "فولكسفاغن | org:volkswagen", "فولكس فاغن | org:volkswagen", "Volkswagen | org:volkswagen",
            "بي ام دبليو | org:bmw", "BMW | org:bmw", "نيسان موتور | org:nissan", "Nissan | org:nissan",
            "الليكود | org:likud", "Likud | org:likud", "معاريف | org:maariv"})
    void knowsNamesInBothLanguagesUnderOneId(String name, String id) {
        Gazetteer.Entry entry = gazetteer.lookup(name);
        assertThat(entry).isNotNull();
        assertThat(entry.id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} and {1} are {2}")
    @CsvSource(delimiter = '|', value = {
            "Tabriz | تبريز | city:113646", "Kirkuk | كركوك | city:94787", "Zarqa | الزرقاء | city:250090",
            "Tangier | طنجة | city:2530335", "Sfax | صفاقس | city:2467454", "Mashhad | مشهد | city:124665"})
    void givesAGeoNamesCityOneIdInBothLanguages(String english, String arabic, String id) {
        assertThat(place(english, false)).isEqualTo(id);
        assertThat(place(arabic, true)).isEqualTo(id);
        assertThat(place("و" + arabic, true)).as("behind a conjunction").isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Mobile", "Reading", "Nice", "Split"})
    void leavesOutTownsNamedLikeEverydayWords(String name) {
        assertThat(place(name, false)).isNull();
        assertThat(gazetteer.lookup(name)).isNull();
    }

    private static String place(String name, boolean arabic) {
        io.newsflow.extraction.entities.text.Tokens tokens =
                io.newsflow.extraction.entities.text.Tokenizer.tokenize(name);
        Gazetteer.Match match = gazetteer.place(tokens, 0, tokens.size(), arabic);
        return match == null ? null : match.entry().id();
    }

    @ParameterizedTest(name = "{0} → {1} after {2} chars")
    @CsvSource({
            "وفرنسا, country:FR, 1",
            "بفرنسا, country:FR, 1",
            "ولفرنسا, country:FR, 2",
            "والإمارات, country:AE, 1",
            "بالإمارات, country:AE, 1",
            "للإمارات, country:AE, 2",
            "فالمغرب, country:MA, 1",
            "وبدبي, city:292223, 2",
            "لأرسنال, org:arsenal, 1",
            "وتويوتا, org:toyota, 1"})
    void findsArabicNamesBehindClitics(String token, String id, int clitics) {
        Gazetteer.Match match = only(token, true);
        assertThat(match.entry().id()).isEqualTo(id);
        assertThat(match.clitics()).isEqualTo(clitics);
    }

    @Test
    void prefersTheLongestName() {
        Gazetteer.Match match = only("زار وفد من الولايات المتحدة الأمريكية", true);
        assertThat(match.entry().id()).isEqualTo("country:US");
        assertThat(match.last() - match.first()).isEqualTo(3);
    }

    /**
     * Clubs and companies whose short name is also an everyday word or a month are listed only in their longer form:
     * in Arabic news نيسان is as often April as Nissan, إعمار is reconstruction, الأهلي national.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"عاد في نيسان الماضي", "إعادة إعمار المدينة", "المجلس الأهلي", "Total sales rose at Milan"})
    void leavesAmbiguousShortNamesToTheTagger(String text) {
        Tokens tokens = Tokenizer.tokenize(text);
        assertThat(gazetteer.matches(tokens, 0, tokens.size(), !text.startsWith("Total")))
                .noneMatch(m -> m.entry().type() == EntityType.ORGANIZATION);
    }

    @Test
    void requiresEnglishCapitalsSoCommonWordsDoNotMatch() {
        Tokens tokens = Tokenizer.tokenize("let us turkey hunt in chad");
        assertThat(gazetteer.matches(tokens, 0, tokens.size(), false)).isEmpty();
        Gazetteer.Match match = only("Officials in Chad said", false);
        assertThat(match.entry().type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void recognizesOrganizationHeadsAndPersonTitlesBehindClitics() {
        Tokens tokens = Tokenizer.tokenize("ولوزارة والرئيس Ministry وزير");
        assertThat(gazetteer.roles(tokens, 0, true)).isEqualTo(Gazetteer.ORGANIZATION_HEAD);
        assertThat(gazetteer.roles(tokens, 1, true)).isEqualTo(Gazetteer.PERSON_TITLE);
        assertThat(gazetteer.roles(tokens, 2, false)).isEqualTo(Gazetteer.ORGANIZATION_HEAD);
        assertThat(gazetteer.roles(tokens, 3, true)).isEqualTo(Gazetteer.PERSON_TITLE);
    }

    @ParameterizedTest(name = "{0} is a nationality of {1}")
    @CsvSource(delimiter = '|', value = {
            "Italian | country:IT", "German | country:DE", "South Korean | country:KR",
            "الإيطالية | country:IT", "والإيطالية | country:IT", "إيطالي | country:IT", "الألمان | ",
            "الأستراليون | country:AU", "للأسترالية | country:AU", "الكورية الجنوبية | country:KR",
            "الأميركي | country:US", "الامريكية | country:US", "إيطاليا | "})
    void linksNationalityAdjectivesToTheirCountry(String text, String id) {
        Tokens tokens = Tokenizer.tokenize(text);
        boolean arabic = text.charAt(0) > 0x600;
        assertThat(gazetteer.nationality(tokens, 0, tokens.size(), arabic)).isEqualTo(id);
    }
}
