package io.newsbrief.article.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTPS://News.Example.com/World/Story|https://news.example.com/World/Story",
        "https://example.com|https://example.com/",
        "http://example.com:80/a|http://example.com/a",
        "https://example.com:443/a|https://example.com/a",
        "https://example.com:8443/a|https://example.com:8443/a",
        "https://example.com/a#comments|https://example.com/a",
        "https://example.com/a?utm_source=rss&utm_medium=feed|https://example.com/a",
        "https://example.com/a?id=3&fbclid=XYZ&page=2|https://example.com/a?id=3&page=2",
        "https://example.com/a?GCLID=1&UTM_Campaign=x&q=war%20and%20peace|https://example.com/a?q=war%20and%20peace",
        "https://bücher.example/artikel|https://xn--bcher-kva.example/artikel",
        "  https://example.com/trimmed  |https://example.com/trimmed",
      })
  void canonicalizes(String url, String expected) {
    assertThat(UrlCanonicalizer.canonicalize(url)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example.com/a",
        "/relative/path",
        "ftp://example.com/file",
        "javascript:alert(1)",
        "mailto:editor@example.com",
        "https:///no-host",
        "https://exa mple.com/space",
        "http://[::1/broken",
      })
  void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
    assertThat(UrlCanonicalizer.canonicalize(url)).isEmpty();
  }
}
