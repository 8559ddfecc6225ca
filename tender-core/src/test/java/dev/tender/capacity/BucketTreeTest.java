package dev.tender.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The bucket tree against a plain array: the same answers after any sequence of operations. */
class BucketTreeTest {

    sealed interface Op permits Add, Min, FirstBelow, FirstAtLeast {}

    record Add(int from, int to, long delta) implements Op {}

    record Min(int from, int to) implements Op {}

    record FirstBelow(int from, int to, long units) implements Op {}

    record FirstAtLeast(int from, int to, long units) implements Op {}

    record Run(List<Long> initial, List<Op> ops) {
        long[] buckets() {
            return initial.stream().mapToLong(Long::longValue).toArray();
        }

        @Override
        public String toString() {
            return initial + " " + ops;
        }
    }

    @Property(tries = 500)
    void answersLikeAnArray(@ForAll("runs") Run run) {
        long[] model = run.buckets();
        BucketTree tree = new BucketTree(run.buckets());
        assertThat(tree.size()).isEqualTo(model.length);
        for (Op op : run.ops()) {
            if (op instanceof Add add) {
                tree.add(add.from(), add.to(), add.delta());
                for (int i = add.from(); i < add.to(); i++) {
                    model[i] += add.delta();
                }
            } else if (op instanceof Min min) {
                assertThat(tree.min(min.from(), min.to()))
                        .as("%s on %s", op, Arrays.toString(model))
                        .isEqualTo(min(model, min.from(), min.to()));
            } else if (op instanceof FirstBelow below) {
                assertThat(tree.firstBelow(below.from(), below.to(), below.units()))
                        .as("%s on %s", op, Arrays.toString(model))
                        .isEqualTo(firstBelow(model, below.from(), below.to(), below.units()));
            } else if (op instanceof FirstAtLeast atLeast) {
                assertThat(tree.firstAtLeast(atLeast.from(), atLeast.to(), atLeast.units()))
                        .as("%s on %s", op, Arrays.toString(model))
                        .isEqualTo(firstAtLeast(model, atLeast.from(), atLeast.to(), atLeast.units()));
            }
        }
    }

    private static long min(long[] model, int from, int to) {
        if (from < 0 || to > model.length) {
            return 0;
        }
        long least = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            least = Math.min(least, model[i]);
        }
        return least;
    }

    private static int firstBelow(long[] model, int from, int to, long units) {
        for (int i = from; i < to; i++) {
            if (model[i] < units) {
                return i;
            }
        }
        return -1;
    }

    private static int firstAtLeast(long[] model, int from, int to, long units) {
        for (int i = from; i < to; i++) {
            if (model[i] >= units) {
                return i;
            }
        }
        return -1;
    }

    @Provide
    Arbitrary<Run> runs() {
        return Arbitraries.integers().between(1, 300).flatMap(size -> Combinators.combine(
                        Arbitraries.longs().between(0, 1000).list().ofSize(size),
                        op(size).list().ofMaxSize(60))
                .as(Run::new));
    }

    private static Arbitrary<Op> op(int size) {
        Arbitrary<Integer> inside = Arbitraries.integers().between(0, size);
        Arbitrary<Integer> around = Arbitraries.integers().between(-2, size + 2);
        Arbitrary<Long> units = Arbitraries.longs().between(-200, 1600);
        Arbitrary<Op> add = Combinators.combine(
                        inside, inside, Arbitraries.longs().between(-500, 500))
                .as((a, b, delta) -> new Add(Math.min(a, b), Math.max(a, b), delta));
        Arbitrary<Op> min = Combinators.combine(around, around).as(Min::new);
        Arbitrary<Op> below = Combinators.combine(inside, inside, units)
                .as((a, b, u) -> new FirstBelow(Math.min(a, b), Math.max(a, b), u));
        Arbitrary<Op> atLeast = Combinators.combine(inside, inside, units)
                .as((a, b, u) -> new FirstAtLeast(Math.min(a, b), Math.max(a, b), u));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, add),
                net.jqwik.api.Tuple.of(2, min),
                net.jqwik.api.Tuple.of(2, below),
                net.jqwik.api.Tuple.of(2, atLeast));
    }
}
