package dev.tender.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The interval arithmetic against figures worked by hand. */
class EstimateTest {

    @Test
    void theMeanOfFourRunsWithItsNinetyPercentInterval() {
        // mean 5; squares 9 + 1 + 1 + 9 = 20; s = sqrt(20 / 3) = 2.5820; s / sqrt(4) = 1.2910;
        // t(3) = 2.353; half width 3.0377.
        Estimate estimate = Estimate.of(new double[] {2, 4, 6, 8});

        assertThat(estimate.mean()).isEqualTo(5.0);
        assertThat(estimate.low()).isCloseTo(5 - 3.0377, within(1e-4));
        assertThat(estimate.high()).isCloseTo(5 + 3.0377, within(1e-4));
        assertThat(estimate.runs()).isEqualTo(4);
    }

    @Test
    void pairedDifferencesCancelWhatTheDrawAddsToBoth() {
        // The runs vary a lot (100 to 400) but the variant is always 10 above, give or take 1:
        // differences 9, 11, 10, 10; mean 10; squares 1 + 1 + 0 + 0 = 2; s = sqrt(2/3) = 0.8165;
        // / sqrt(4) = 0.40825; x t(3) 2.353 = 0.96061.
        double[] base = {100, 200, 300, 400};
        double[] variant = {109, 211, 310, 410};

        Estimate difference = Estimate.ofDifferences(variant, base);

        assertThat(difference.mean()).isEqualTo(10.0);
        assertThat(difference.low()).isCloseTo(10 - 0.96061, within(1e-4));
        assertThat(difference.high()).isCloseTo(10 + 0.96061, within(1e-4));
        assertThat(difference.excludesZero()).isTrue();
        // Unpaired, the same figures could not tell the two apart.
        assertThat(Estimate.of(variant).low()).isLessThan(Estimate.of(base).high());
    }

    @Test
    void identicalRunsGiveADifferenceOfExactlyZero() {
        double[] runs = {3.25, 7.5, 1.125};
        Estimate difference = Estimate.ofDifferences(runs, runs.clone());

        assertThat(difference).isEqualTo(new Estimate(0, 0, 0, 3));
        assertThat(difference.excludesZero()).isFalse();
    }

    @Test
    void oneRunHasNoSpread() {
        assertThat(Estimate.of(new double[] {42})).isEqualTo(new Estimate(42, 42, 42, 1));
    }

    @Test
    void studentsTFromTheTableAndBeyondIt() {
        assertThat(Estimate.t95(1)).isEqualTo(6.314);
        assertThat(Estimate.t95(7)).isEqualTo(1.895);
        assertThat(Estimate.t95(30)).isEqualTo(1.697);
        assertThat(Estimate.t95(40)).isCloseTo(1.684, within(0.002));
        assertThat(Estimate.t95(1000)).isCloseTo(1.646, within(0.001));
    }

    @Test
    void refusesWhatIsNoEstimate() {
        assertThatThrownBy(() -> Estimate.of(new double[0])).hasMessageContaining("no runs");
        assertThatThrownBy(() -> Estimate.ofDifferences(new double[2], new double[3]))
                .hasMessageContaining("paired");
        assertThatThrownBy(() -> Estimate.t95(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
