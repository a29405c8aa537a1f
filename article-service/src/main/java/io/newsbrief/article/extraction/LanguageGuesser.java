package io.newsbrief.article.extraction;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The language of a text whose page did not declare one, from character n-gram profiles shipped in
 * the library's jar (nothing is downloaded). Only the languages of the world's larger news markets
 * are loaded, which keeps memory small and stops rare profiles from winning on short texts.
 */
@ApplicationScoped
public class LanguageGuesser {

  private static final List<String> LANGUAGES =
      List.of(
          "ar", "bg", "cs", "da", "de", "el", "en", "es", "fi", "fr", "hi", "hr", "hu", "id", "it",
          "ja", "ko", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sv", "tr", "uk", "vi", "zh-CN",
          "zh-TW");
  private static final int MIN_LETTERS = 40;

  private volatile LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

  /** A BCP 47 tag such as "en", or empty when the text is too short or too mixed to tell. */
  public Optional<String> guess(String text) {
    if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
      return Optional.empty();
    }
    return detector()
        .detect(texts.forText(text.length() > 5000 ? text.substring(0, 5000) : text))
        .toJavaUtil()
        .map(LdLocale::toString);
  }

  private LanguageDetector detector() {
    LanguageDetector loaded = detector;
    if (loaded == null) {
      synchronized (this) {
        loaded = detector;
        if (loaded == null) {
          try {
            loaded =
                LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readBuiltIn(locales()))
                    .build();
          } catch (IOException e) {
            throw new UncheckedIOException("language profiles missing from the classpath", e);
          }
          detector = loaded;
        }
      }
    }
    return loaded;
  }

  private static List<LdLocale> locales() {
    return LANGUAGES.stream().map(LdLocale::fromString).toList();
  }
}
