package io.newsbrief.summary.grpc;

/** A short news story with five paragraphs, used by several tests. */
public final class SummaryGrpcServiceTestData {

  private SummaryGrpcServiceTestData() {}

  public static final String STORY =
      """
      Delegates from both countries met in Geneva on Monday. The talks were the first in two years. \
      Officials described the mood as cautious but constructive.

      The negotiators focused on the border dispute. Maps from 1962 were brought to the table. \
      Both sides agreed to form a technical commission on the border.

      Trade was the second topic of the day. Exporters have lost billions since tariffs rose. \
      A deal on grain shipments is expected within weeks.

      Human rights groups protested outside the venue. They demanded the release of detained \
      journalists. The organisers said the protest was peaceful.

      The next round of talks is planned for March in Vienna.
      """;
}
