package io.newsbrief.summary.summarizer;

import java.nio.file.Path;

public class PeekStory {
  public static void main(String[] a) throws Exception {
    var events = StoryBriefEvaluation.read(Path.of("../../shared/eval/mds-dev.jsonl"));
    var s = new MultiDocumentSummarizer();
    for (int i : new int[] {10, 20, 30, 50}) {
      var e = events.get(i);
      var sum = s.summarize(e.articles());
      System.out.println("=== " + e.dataset() + " " + e.articles().size() + " articles");
      sum.lead().forEach(x -> System.out.println("LEAD " + x.sources() + " " + x.text()));
      sum.sections()
          .forEach(
              sec -> {
                System.out.println("## " + sec.heading());
                sec.sentences()
                    .forEach(x -> System.out.println("  " + x.sources() + " " + x.text()));
              });
      System.out.println("REF: " + e.reference());
    }
  }
}
