package dev.keel.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void resultsComeInTheItemsOrderWhateverOrderTheyFinishIn() throws Exception {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();

        List<Integer> doubled = Parallel.map(items, 4, item -> {
            Thread.sleep((40 - item) % 7);
            return item * 2;
        });

        assertThat(doubled).isEqualTo(items.stream().map(item -> item * 2).toList());
    }

    @Test
    void theSinkTakesEachResultOnTheCallingThreadWhileTheOthersRun() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        List<String> taken = new ArrayList<>();

        Parallel.forEach(
                List.of("first", "second"),
                2,
                item -> {
                    // the second waits for the first to be taken: a sink called only at the end never releases it
                    if (item.equals("second") && !firstTaken.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the first result was not taken while the second ran");
                    }
                    return item;
                },
                result -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    taken.add(result);
                    firstTaken.countDown();
                });

        assertThat(taken).containsExactly("first", "second");
    }

    @Test
    void aFailingTaskOrSinkFailsTheCall() {
        assertThatThrownBy(() -> Parallel.map(List.of(1, 2, 3), 2, item -> {
                    if (item == 2) {
                        throw new IllegalStateException("task two");
                    }
                    return item;
                }))
                .isInstanceOf(IOException.class)
                .hasRootCauseMessage("task two");
        assertThatThrownBy(() -> Parallel.forEach(List.of(1, 2, 3), 2, item -> item, result -> {
                    throw new IOException("sink " + result);
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("sink 1");
    }
}
