/** A source's tier as a small word badge ("wire"): readable text, the colour only a second cue. */
import type { Citation } from '../scenario/model';
import { el } from './dom';
import { sourcesWord, tierName, tierShortName, tierTitle } from './sourcesWords';
import './tierBadge.css';

/**
 * `title` replaces the badge's own tooltip (the tier's meaning), e.g. with the full citation; `short`
 * gives the short word ("nat.") where room is scarce (the caption on a phone).
 */
export function tierBadge(lang: string, citation: Citation, title?: string, short = false): HTMLSpanElement {
  const word = short ? tierShortName(lang, citation.tier) : tierName(lang, citation.tier);
  const badge = el('span', `tier-badge tier-${citation.tier}${citation.tierAssumed ? ' tier-assumed' : ''}`, word);
  badge.dataset.tier = citation.tier;
  const meaning = tierTitle(lang, citation.tier) + (citation.tierAssumed ? ` — ${sourcesWord(lang, 'unratedBadge')}` : '');
  badge.title = title ?? meaning;
  return badge;
}
