package io.newsbrief.article.grpc;

import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Cuts a stream into batches bounded by count and by bytes: a batch is closed once it holds {@code
 * maxItems} items or {@code maxBytes} bytes, and the rest closes the last one. Only the open batch
 * is read ahead of the batches requested, so what one stream holds is bounded by bytes, not only by
 * count (500 articles of a few kilobytes each, or of several megabytes of HTML each).
 */
final class Batches {

  private Batches() {}

  static <T> Multi<List<T>> cut(
      Multi<T> items, int maxItems, long maxBytes, ToLongFunction<? super T> bytes) {
    return Multi.createFrom()
        .deferred(
            () -> {
              Open<T> open = new Open<>(maxItems, maxBytes, bytes);
              return items
                  .map(open::add)
                  .filter(closed -> !closed.isEmpty())
                  .onCompletion()
                  .continueWith(open::rest);
            });
  }

  /** The batch being filled, for one subscription (a stream's signals arrive one at a time). */
  private static final class Open<T> {
    private final int maxItems;
    private final long maxBytes;
    private final ToLongFunction<? super T> bytes;
    private List<T> items = new ArrayList<>();
    private long heldBytes;

    Open(int maxItems, long maxBytes, ToLongFunction<? super T> bytes) {
      this.maxItems = maxItems;
      this.maxBytes = maxBytes;
      this.bytes = bytes;
    }

    /** The batch this item closes, or an empty list while the batch stays open. */
    List<T> add(T item) {
      items.add(item);
      heldBytes += bytes.applyAsLong(item);
      return items.size() >= maxItems || heldBytes >= maxBytes ? close() : List.of();
    }

    /** The last batch, if anything is left in it. */
    List<List<T>> rest() {
      return items.isEmpty() ? List.of() : List.of(close());
    }

    private List<T> close() {
      List<T> closed = items;
      items = new ArrayList<>();
      heldBytes = 0;
      return closed;
    }
  }
}
