package io.newsbrief.article.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

  @Test
  void batchesCloseAtTheirCountAndTheRestClosesTheLast() {
    var batches = Batches.cut(Multi.createFrom().items(1, 2, 3, 4, 5), 2, 1_000, n -> 1);

    assertThat(batches.collect().asList().await().indefinitely())
        .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
  }

  @Test
  void batchesCloseOnceTheyHoldTheBytesAndOneLargeItemIsABatchOfItsOwn() {
    var batches = Batches.cut(Multi.createFrom().items(3, 3, 3, 10, 1), 100, 6, n -> n);

    assertThat(batches.collect().asList().await().indefinitely())
        .containsExactly(List.of(3, 3), List.of(3, 10), List.of(1));
    assertThat(
            Batches.cut(Multi.createFrom().items(50, 1), 100, 6, n -> n)
                .collect()
                .asList()
                .await()
                .indefinitely())
        .containsExactly(List.of(50), List.of(1));
  }

  @Test
  void anEmptyStreamHasNoBatch() {
    assertThat(
            Batches.cut(Multi.createFrom().<Integer>empty(), 2, 6, n -> n)
                .collect()
                .asList()
                .await()
                .indefinitely())
        .isEmpty();
  }

  @Test
  void onlyTheRequestedBatchesAreReadFromTheStream() {
    AtomicInteger read = new AtomicInteger();
    Multi<Integer> stream =
        Multi.createFrom()
            .items(IntStream.range(0, 1_000).boxed())
            .onItem()
            .invoke(read::incrementAndGet);

    var subscriber =
        Batches.cut(stream, 10, 1_000, n -> 1)
            .subscribe()
            .withSubscriber(AssertSubscriber.<List<Integer>>create(2));

    subscriber.assertItems(
        IntStream.range(0, 10).boxed().toList(), IntStream.range(10, 20).boxed().toList());
    assertThat(read).hasValue(20);
  }

  @Test
  void aFailingStreamFailsWithoutItsOpenBatch() {
    var subscriber =
        Batches.cut(
                Multi.createFrom()
                    .items(1, 2, 3)
                    .onCompletion()
                    .failWith(new IllegalStateException("cut off")),
                2,
                1_000,
                n -> 1)
            .subscribe()
            .withSubscriber(AssertSubscriber.<List<Integer>>create(10));

    subscriber.assertFailedWith(IllegalStateException.class, "cut off");
    assertThat(subscriber.getItems()).containsExactly(List.of(1, 2));
  }
}
