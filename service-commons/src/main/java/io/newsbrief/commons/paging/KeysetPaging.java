package io.newsbrief.commons.paging;

import io.newsbrief.commons.error.InvalidArgumentException;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination, the one way every list pages: the requested size checked and capped, the
 * position a page token resumes after, one row more than the page fetched to learn whether another
 * page follows, and the next token made of the last row's sort keys (bound to the query by {@link
 * PageTokens}).
 */
public final class KeysetPaging {

  private final int defaultSize;
  private final int maxSize;

  public KeysetPaging(int defaultSize, int maxSize) {
    if (defaultSize < 1 || maxSize < defaultSize) {
      throw new IllegalArgumentException("need 1 <= default page size <= max page size");
    }
    this.defaultSize = defaultSize;
    this.maxSize = maxSize;
  }

  /**
   * How a list is sorted: how many keys its tokens hold, how they read back as a position, and the
   * keys of a row.
   */
  public record SortOrder<P, T>(
      int keyCount, Function<PageTokens.Keys, P> position, Function<T, List<String>> keysOf) {}

  /** The rows of a list in its sort order. */
  @FunctionalInterface
  public interface Rows<P, T> {
    /**
     * @param after the position to resume after, or null for the first page
     */
    List<T> after(P after, int limit);
  }

  /**
   * @param requestedSize 0 for the default, capped at the maximum
   * @param pageToken {@code ""} for the first page
   * @param fingerprint what the query is (filters, search terms): a token is valid only for it
   * @throws InvalidArgumentException on {@code page_size} or {@code page_token}
   */
  public <P, T> Page<T> page(
      int requestedSize,
      String pageToken,
      String fingerprint,
      SortOrder<P, T> order,
      Rows<P, T> rows) {
    int size = size(requestedSize);
    P after =
        pageToken.isEmpty()
            ? null
            : order.position().apply(PageTokens.decode(pageToken, fingerprint, order.keyCount()));
    List<T> fetched = rows.after(after, size + 1);
    if (fetched.size() <= size) {
      return new Page<>(fetched, "");
    }
    List<T> page = fetched.subList(0, size);
    return new Page<>(
        page, PageTokens.encode(fingerprint, order.keysOf().apply(page.get(size - 1))));
  }

  /** The page size a request gets: 0 for the default, capped at the maximum. */
  public int size(int requested) {
    if (requested < 0) {
      throw new InvalidArgumentException("page_size", "must not be negative");
    }
    return requested == 0 ? defaultSize : Math.min(requested, maxSize);
  }
}
