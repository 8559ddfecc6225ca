package dev.tender.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.distance("azure-rofr", "azure-rofr")).isZero();
        assertThat(Suggestions.distance("azure-rofrr", "azure-rofr")).isEqualTo(1);
        assertThat(Suggestions.distance("oracel", "oracle")).isEqualTo(2);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void offersTheClosestNameWithinAThirdOfItsLengthAndNothingFurther() {
        List<String> known = List.of("azure-api", "azure-rofr", "azure-commitment");
        assertThat(Suggestions.didYouMean("azure-rofrr", known)).isEqualTo("; did you mean 'azure-rofr'?");
        assertThat(Suggestions.didYouMean("azure-ap", known)).isEqualTo("; did you mean 'azure-api'?");
        assertThat(Suggestions.didYouMean("coreweave", known)).isEmpty();
        assertThat(Suggestions.didYouMean("x", List.of())).isEmpty();
    }
}
