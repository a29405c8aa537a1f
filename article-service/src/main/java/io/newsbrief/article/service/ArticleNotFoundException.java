package io.newsbrief.article.service;

import java.util.UUID;

public class ArticleNotFoundException extends RuntimeException {

  public ArticleNotFoundException(UUID id) {
    super("article " + id + " not found");
  }
}
