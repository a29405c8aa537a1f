package io.newsbrief.article.fetch;

import io.newsbrief.article.fetch.FetchException.Kind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard: which URLs and resolved addresses article-service may fetch. Only http(s), and
 * only public addresses unless configuration allows loopback or private networks. The fetcher
 * connects to the address checked here, so a second DNS answer cannot slip past it (rebinding).
 */
public final class AddressPolicy {

  private final boolean allowLoopback;
  private final boolean allowPrivateNetworks;

  public AddressPolicy(boolean allowLoopback, boolean allowPrivateNetworks) {
    this.allowLoopback = allowLoopback;
    this.allowPrivateNetworks = allowPrivateNetworks;
  }

  /**
   * The address to connect to for {@code url}: the first of its DNS answers that is allowed.
   *
   * @throws FetchException of kind REFUSED for another scheme, userinfo, or no allowed address;
   *     NETWORK when the host does not resolve
   */
  public InetAddress resolve(URI url) throws FetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(Kind.REFUSED, "only http and https URLs are fetched");
    }
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      throw new FetchException(Kind.REFUSED, "the URL must name a host and no credentials");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(url.getHost());
    } catch (UnknownHostException e) {
      throw new FetchException(Kind.NETWORK, "host " + url.getHost() + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (allows(address)) {
        return address;
      }
    }
    throw new FetchException(
        Kind.REFUSED, "host " + url.getHost() + " resolves to a private or loopback address");
  }

  public boolean allows(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback;
    }
    return allowPrivateNetworks || isPublic(address);
  }

  private static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      int first = bytes[0] & 0xff;
      // fc00::/7 unique local; IPv4-mapped addresses arrive as Inet4Address already.
      return (first & 0xfe) != 0xfc;
    }
    return false;
  }
}
