package io.newsbrief.summary.client;

import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.proto.article.v1.StoryMember;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The articles {@link FakeArticleService} knows, and the faults it should show. */
@ApplicationScoped
public class FakeArticles {

  private final Map<String, Article> articles = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> unavailableStories = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> storyReads = new ConcurrentHashMap<>();
  private final Set<String> goneAfterRequest = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> textFetches = new ConcurrentHashMap<>();
  private final Map<String, List<String>> stories = new ConcurrentHashMap<>();
  private final Map<String, String> survivors = new ConcurrentHashMap<>();

  /** A story of these articles (ids), named by the first, as article-service names stories. */
  public String addStory(List<String> memberIds) {
    stories.put(memberIds.get(0), new CopyOnWriteArrayList<>(memberIds));
    return memberIds.get(0);
  }

  /** An article joins the story. */
  public void join(String storyId, String articleId) {
    stories.get(storyId).add(articleId);
  }

  /** The story was merged into {@code survivor}: its id answers with that one. */
  public void merge(String storyId, String survivor) {
    survivors.put(storyId, survivor);
  }

  Optional<Story> story(String id) {
    String resolved = survivors.getOrDefault(id, id);
    List<String> members = stories.get(resolved);
    if (members == null) {
      return Optional.empty();
    }
    Story.Builder story =
        Story.newBuilder()
            .setId(resolved)
            .setHeadline(articles.get(members.get(0)).getTitle())
            .setLanguage("en")
            .setArticleCount(members.size());
    for (String member : members) {
      Article article = articles.get(member);
      story.addMembers(
          StoryMember.newBuilder()
              .setArticleId(member)
              .setSourceName(article.getSourceName())
              .setTitle(article.getTitle())
              .setCanonicalUrl(article.getCanonicalUrl()));
    }
    return Optional.of(story.build());
  }

  public Article add(String sourceName, String title, String text) {
    String id = UUID.randomUUID().toString();
    Article article =
        Article.newBuilder()
            .setId(id)
            .setUrl("https://news.example.com/" + id)
            .setCanonicalUrl("https://news.example.com/" + id)
            .setTitle(title)
            .setSourceName(sourceName)
            .setLanguage("en")
            .setText(text)
            .setContentSha256(Integer.toHexString(text.hashCode()))
            .build();
    articles.put(id, article);
    return article;
  }

  /** The next {@code calls} reads of story {@code id} answer UNAVAILABLE. */
  public void failNextStoryReads(String id, int calls) {
    unavailableStories.put(id, new AtomicInteger(calls));
  }

  /** How often story {@code id} was read. */
  public int storyReads(String id) {
    AtomicInteger reads = storyReads.get(id);
    return reads == null ? 0 : reads.get();
  }

  boolean takeUnavailableStory(String id) {
    storyReads.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    AtomicInteger left = unavailableStories.get(id);
    return left != null && left.getAndDecrement() > 0;
  }

  /** The next {@code calls} calls fetching the text of {@code id} answer UNAVAILABLE. */
  public void failNextGets(String id, int calls) {
    unavailable.put(id, new AtomicInteger(calls));
  }

  /** The article is gone once its text was fetched (when its brief was requested). */
  public void goneAfterRequest(String id) {
    goneAfterRequest.add(id);
  }

  /** The article is gone from now on. */
  public void remove(String id) {
    articles.remove(id);
  }

  /** How often the text of {@code id} was fetched. */
  public int textFetches(String id) {
    AtomicInteger fetches = textFetches.get(id);
    return fetches == null ? 0 : fetches.get();
  }

  boolean takeUnavailable(String id) {
    AtomicInteger left = unavailable.get(id);
    return left != null && left.getAndDecrement() > 0;
  }

  Optional<Article> header(String id) {
    return Optional.ofNullable(articles.get(id)).map(a -> a.toBuilder().clearText().build());
  }

  Optional<Article> fullText(String id) {
    int fetches = textFetches.computeIfAbsent(id, key -> new AtomicInteger()).getAndIncrement();
    return goneAfterRequest.contains(id) && fetches > 0
        ? Optional.empty()
        : Optional.ofNullable(articles.get(id));
  }
}
