package io.newsbrief.article.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  private final AddressPolicy strict = new AddressPolicy(false, false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "::1",
        "10.0.0.7",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "198.18.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "fe80::1",
        "fd00::1",
        "224.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1"
      })
  void refusesNonPublicAddresses(String address) throws Exception {
    assertThat(strict.allows(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(strict.allows(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void loopbackAndPrivateNetworksOnlyWhenConfigured() throws Exception {
    AddressPolicy loopbackOnly = new AddressPolicy(true, false);
    assertThat(loopbackOnly.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(loopbackOnly.allows(InetAddress.getByName("10.0.0.1"))).isFalse();
    AddressPolicy privateToo = new AddressPolicy(false, true);
    assertThat(privateToo.allows(InetAddress.getByName("10.0.0.1"))).isTrue();
    assertThat(privateToo.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @Test
  void resolvesOnlyHttpUrlsWithoutCredentials() {
    for (String url :
        new String[] {
          "file:///etc/passwd", "gopher://localhost/", "http://user:pw@8.8.8.8/", "http://10.0.0.1/"
        }) {
      FetchException refused =
          catchThrowableOfType(FetchException.class, () -> strict.resolve(URI.create(url)));
      assertThat(refused).as(url).isNotNull();
      assertThat(refused.kind()).isEqualTo(FetchException.Kind.REFUSED);
    }
  }
}
