package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(String text) {
        Tokens tokens = Tokenizer.tokenize(text);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            words.add(tokens.word(i));
        }
        return words;
    }

    @Test
    void keepsAbbreviationsNumbersAndHyphensTogetherAndSplitsPossessives() {
        assertThat(words("The U.S. envoy's 1,250.5 tonnes, Mr. Lee said (Anglo-Dutch)."))
                .containsExactly("The", "U.S.", "envoy", "'s", "1,250.5", "tonnes", ",", "Mr.", "Lee", "said", "(",
                        "Anglo-Dutch", ")", ".");
    }

    @Test
    void keepsArabicCliticsOnTheWordAndSplitsArabicPunctuation() {
        assertThat(words("زار الوزير وفرنسا، ثم «بالإمارات»؟"))
                .containsExactly("زار", "الوزير", "وفرنسا", "،", "ثم", "«", "بالإمارات", "»", "؟");
    }

    @Test
    void endsSentencesAtFinalPunctuationAndLineBreaks() {
        Tokens tokens = Tokenizer.tokenize("Rain fell. Then it stopped\nNew line");
        assertThat(tokens.sentenceCount()).isEqualTo(3);
        assertThat(tokens.word(tokens.sentenceStart(1))).isEqualTo("Then");
        assertThat(tokens.word(tokens.sentenceStart(2))).isEqualTo("New");
    }
}
