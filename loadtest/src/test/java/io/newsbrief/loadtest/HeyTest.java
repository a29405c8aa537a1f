package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeyTest {

  private static final String SUMMARY =
      """

      Summary:
        Total:\t5.0042 secs
        Slowest:\t0.0711 secs
        Fastest:\t0.0001 secs
        Average:\t0.0025 secs
        Requests/sec:\t25101.3822

        Total data:\t9036000 bytes
        Size/request:\t72 bytes

      Latency distribution:
        10% in 0.0004 secs
        50% in 0.0016 secs
        99% in 0.0131 secs

      Status code distribution:
        [200]\t125500 responses
        [503]\t12 responses

      Error distribution:
        [3]\tGet "http://127.0.0.1:8080/": read: connection reset by peer
        [2]\tGet "http://127.0.0.1:8080/": EOF
      """;

  @Test
  void readsThroughputPercentilesStatusesAndErrors() {
    Hey.Result result = Hey.parse(SUMMARY);

    assertThat(result.perSecond()).isEqualTo(25101.3822);
    assertThat(result.p50Millis()).isEqualTo(1.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.p99Millis()).isEqualTo(13.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.statuses()).containsEntry(200, 125_500L).containsEntry(503, 12L);
    assertThat(result.errors()).isEqualTo(5);
    assertThat(result.failures(200)).isEqualTo(17);
  }

  @Test
  void theMedianOfTheRoundsIsTheFigure() {
    assertThat(PhoneReadPath.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(PhoneReadPath.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
  }
}
