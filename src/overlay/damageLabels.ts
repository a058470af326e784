/**
 * Tags beside the overlay's elements saying what each one is and where it comes from: the damaged
 * areas (established, solid) and each burst (claimed, dashed). Hover shows the sources; a click
 * opens them as links. Rebuilt when the language or scenario changes; per frame only moved, and
 * only when their pixel position changed.
 */
import type { Scenario } from '../scenario/model';
import type { DamageTimeline } from '../scenario/damageEvent';

const TEXT = {
  en: {
    established: 'Established',
    damage: 'Holes in tail, fin, stabilisers, elevators, rudder, left engine, left wing',
    claimed: 'Claimed',
    burst: 'Missile exploded “about ten metres” away; where exactly is not known (drawn illustratively)',
    impact: 'impact sound',
  },
  de: {
    established: 'Belegt',
    damage: 'Löcher in Heck, Seitenleitwerk, Höhenleitwerk, Höhenruder, Seitenruder, linkem Triebwerk, linker Tragfläche',
    claimed: 'Behauptet',
    burst: 'Rakete „etwa zehn Meter“ entfernt explodiert; wo genau, ist unbekannt (illustrativ gezeichnet)',
    impact: 'Einschlaggeräusch',
  },
} as const;

export class DamageLabel {
  readonly element = document.createElement('div');
  private x = NaN;
  private y = NaN;
  private shown = false;

  constructor(
    parent: HTMLElement,
    readonly basis: 'established' | 'claimed',
    readonly testId: string,
  ) {
    this.element.className = `overlay-label overlay-label-${basis}`;
    this.element.dataset.testid = testId;
    this.element.hidden = true;
    this.element.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('a')) return;
      this.element.classList.toggle('open');
    });
    parent.append(this.element);
  }

  /** Moves the tag to a CSS pixel position, or hides it. */
  place(visible: boolean, x: number, y: number): void {
    if (visible !== this.shown) {
      this.shown = visible;
      this.element.hidden = !visible;
    }
    if (!visible) return;
    const rx = Math.round(x);
    const ry = Math.round(y);
    if (rx === this.x && ry === this.y) return;
    this.x = rx;
    this.y = ry;
    this.element.style.transform = `translate(${rx}px, ${ry}px)`;
  }

  fill(scenario: Scenario, lang: string, headline: string, text: string, sources: readonly string[]): void {
    const el = this.element;
    el.replaceChildren();
    const head = document.createElement('strong');
    head.textContent = headline;
    const body = document.createElement('span');
    body.className = 'overlay-label-text';
    body.textContent = text;
    const list = document.createElement('ol');
    list.className = 'overlay-label-sources';
    const titles: string[] = [];
    for (const id of sources) {
      const c = scenario.sources.get(id);
      if (!c) continue;
      titles.push(`${c.publisher}: ${c.title}`);
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = c.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = `${c.publisher}: ${c.title}`;
      li.append(a);
      list.append(li);
    }
    const short = document.createElement('span');
    short.className = 'overlay-label-source';
    short.textContent = titles[0] ? titles[0].split(':')[0]! + (titles.length > 1 ? ` +${titles.length - 1}` : '') : '';
    el.title = titles.join('\n');
    el.lang = lang;
    el.append(head, document.createTextNode(' '), body, document.createTextNode(' · '), short, list);
  }
}

/** Fills the damage tag and one tag per burst in the language. */
export function fillDamageLabels(
  scenario: Scenario,
  lang: string,
  timeline: DamageTimeline,
  damage: DamageLabel,
  bursts: readonly DamageLabel[],
  clock: (ms: number) => string,
): void {
  const t = lang === 'de' ? TEXT.de : TEXT.en;
  damage.fill(scenario, lang, t.established, t.damage, timeline.damageSources);
  timeline.detonations.forEach((d, i) => {
    const label = bursts[i];
    if (!label) return;
    const claimed = timeline.claimSources.length > 0 ? timeline.claimSources : d.sources;
    label.fill(scenario, lang, `${t.claimed} · ${t.impact} ${clock(d.timeMs)} (${t.established.toLowerCase()})`, t.burst, [...claimed, ...d.sources]);
  });
}
