package io.sparserepro.core.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.random.Seeds;
import org.junit.jupiter.api.Test;

/** The deconvolution generator with separation and SNR (issue 12). */
class DeconvolutionSettingsTest {
    private static final AmplitudeDistribution AMPLITUDES = AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO;

    @Test
    void withoutSeparationOrSnrTheInstancesAreThoseOfThePaperGenerator() {
        ProblemGenerator paper = ProblemGenerators.deconvolutionGenerator(60, 5, 3.0, AMPLITUDES, 0.1);
        ProblemGenerator general = ProblemGenerators.deconvolutionGenerator(60, 5, 3.0, AMPLITUDES, 0.1, Double.NaN, 0);
        for (long seed = 0; seed < 20; seed++) {
            Problem a = paper.generate(Seeds.rng(seed));
            Problem b = general.generate(Seeds.rng(seed));
            assertArrayEquals(a.trueSupport(), b.trueSupport());
            assertArrayEquals(a.truth(), b.truth());
            assertArrayEquals(a.observations(), b.observations());
        }
    }

    @Test
    void theMatrixIsBuiltOnceAndShared() {
        ProblemGenerator g = ProblemGenerators.deconvolutionGenerator(40, 3, 2.0, AMPLITUDES, 0, Double.NaN, 4);
        assertSame(g.generate(Seeds.rng(1)).operator(), g.generate(Seeds.rng(2)).operator());
    }

    @Test
    void separationAndSnrAreHonoured() {
        ProblemGenerator g = ProblemGenerators.deconvolutionGenerator(200, 15, 3.0, AMPLITUDES, 0, 20.0, 8);
        for (long seed = 0; seed < 30; seed++) {
            Problem p = g.generate(Seeds.rng(seed));
            assertTrue(SeparatedSupports.isSeparated(p.trueSupport(), 8));
            double[] clean = new double[p.rows()];
            p.operator().apply(p.truth(), clean);
            double noise = 0;
            double signal = 0;
            for (int i = 0; i < clean.length; i++) {
                noise += (p.observations()[i] - clean[i]) * (p.observations()[i] - clean[i]);
                signal += clean[i] * clean[i];
            }
            // 20 dB: ‖e‖ = ‖Ax*‖/10, up to the round-off of the product (1e-12 relative is generous).
            assertEquals(20.0, 10 * Math.log10(signal / noise), 1e-9);
        }
    }

    @Test
    void impossibleSeparationAndBadSnrAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProblemGenerators.deconvolutionGenerator(50, 10, 3.0, AMPLITUDES, 0, Double.NaN, 6));
        assertTrue(e.getMessage().contains("minSeparation"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ProblemGenerators.deconvolutionGenerator(50, 5, 3.0, AMPLITUDES, 0, Double.NEGATIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ProblemGenerators.deconvolutionGenerator(50, 5, 3.0, AMPLITUDES, 0, Double.NaN, -1));
    }
}
