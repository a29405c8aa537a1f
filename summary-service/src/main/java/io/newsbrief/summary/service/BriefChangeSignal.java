package io.newsbrief.summary.service;

import java.util.UUID;

/**
 * One message of the brief-change stream: first {@link #LIVE} ("every change from here on
 * follows"), then one per article whose brief changed.
 */
public record BriefChangeSignal(boolean live, UUID articleId) {

  public static final BriefChangeSignal LIVE = new BriefChangeSignal(true, null);

  public static BriefChangeSignal changed(UUID articleId) {
    return new BriefChangeSignal(false, articleId);
  }
}
