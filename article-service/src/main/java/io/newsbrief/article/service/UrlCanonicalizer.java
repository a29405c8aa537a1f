package io.newsbrief.article.service;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one URL an article is known by: lower-case scheme and host, no default port, no fragment, no
 * tracking parameters. Two links to the same page canonicalise to the same string.
 */
public final class UrlCanonicalizer {

  private static final Set<String> TRACKING_PARAMETERS =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "_ga",
          "_gl",
          "oly_enc_id",
          "oly_anon_id",
          "vero_id",
          "__s",
          "ocid",
          "cmpid",
          "ito",
          "at_medium",
          "at_campaign",
          "ns_mchannel",
          "ns_source",
          "ns_campaign",
          "ns_linkname",
          "ns_fee",
          "smid",
          "smtyp");

  private UrlCanonicalizer() {}

  /**
   * @return the canonical form, or empty when {@code url} is not an absolute http(s) URL with a
   *     host
   */
  public static Optional<String> canonicalize(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null) {
      // java.net.URI leaves internationalised host names unparsed: split the authority ourselves.
      String authority = uri.getAuthority().substring(uri.getAuthority().lastIndexOf('@') + 1);
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      try {
        port = colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    StringBuilder canonical = new StringBuilder(scheme).append("://").append(host);
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    if (!defaultPort) {
      canonical.append(':').append(port);
    }
    String path = uri.getRawPath();
    canonical.append(path == null || path.isEmpty() ? "/" : path);
    String query = withoutTrackingParameters(uri.getRawQuery());
    if (!query.isEmpty()) {
      canonical.append('?').append(query);
    }
    return Optional.of(canonical.toString());
  }

  private static String withoutTrackingParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
        .collect(Collectors.joining("&"));
  }

  private static boolean isTracking(String parameter) {
    int equals = parameter.indexOf('=');
    String name =
        (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
    return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
  }
}
