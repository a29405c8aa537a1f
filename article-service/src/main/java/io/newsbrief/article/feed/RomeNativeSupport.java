package io.newsbrief.article.feed;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * ROME instantiates its parsers, converters and modules by name from its {@code rome.properties}
 * (shipped in the native image, see application.properties): a native image must keep them.
 */
@RegisterForReflection(
    classNames = {
      "com.rometools.rome.feed.synd.impl.ConverterForAtom03",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS090",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS091Netscape",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS091Userland",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS092",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS093",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS094",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS10",
      "com.rometools.rome.feed.synd.impl.ConverterForRSS20",
      "com.rometools.rome.io.impl.Atom03Generator",
      "com.rometools.rome.io.impl.Atom03Parser",
      "com.rometools.rome.io.impl.Atom10Generator",
      "com.rometools.rome.io.impl.Atom10Parser",
      "com.rometools.rome.io.impl.DCModuleGenerator",
      "com.rometools.rome.io.impl.DCModuleParser",
      "com.rometools.rome.io.impl.RSS091NetscapeGenerator",
      "com.rometools.rome.io.impl.RSS091NetscapeParser",
      "com.rometools.rome.io.impl.RSS091UserlandGenerator",
      "com.rometools.rome.io.impl.RSS091UserlandParser",
      "com.rometools.rome.io.impl.RSS092Generator",
      "com.rometools.rome.io.impl.RSS092Parser",
      "com.rometools.rome.io.impl.RSS093Generator",
      "com.rometools.rome.io.impl.RSS093Parser",
      "com.rometools.rome.io.impl.RSS094Generator",
      "com.rometools.rome.io.impl.RSS094Parser",
      "com.rometools.rome.io.impl.RSS10Generator",
      "com.rometools.rome.io.impl.RSS10Parser",
      "com.rometools.rome.io.impl.RSS20Generator",
      "com.rometools.rome.io.impl.RSS20Parser",
      "com.rometools.rome.io.impl.RSS20wNSParser",
    })
final class RomeNativeSupport {

  private RomeNativeSupport() {}
}
