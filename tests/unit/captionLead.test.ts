import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstSentenceEnd, LEAD_MAX_CHARS, PHONE_LEAD_MAX_CHARS, splitLead, WHOLE_BELOW_CHARS } from '../../src/story/captionLead';
import { loadScenarioText } from '../../src/scenario/validate';
import { localize } from '../../src/scenario/model';

const loaded = loadScenarioText(readFileSync('data/azal-8243.json', 'utf8'));
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;

describe('caption lead: the first sentence large, the rest behind "more"', () => {
  it('short captions stay whole', () => {
    expect(splitLead('The crew contacts Aktau tower.')).toEqual({ lead: 'The crew contacts Aktau tower.', rest: '' });
    const two = 'The captain asks the cabin what happened. The answer: "Two seats exploded."';
    expect(splitLead(two).rest).toBe('');
  });

  it('splits a long caption after its first sentence, losing nothing', () => {
    const text =
      'The cockpit voice recorder registers a sound of impact at 05:13:31 UTC; autopilot and autothrottle disconnect (preliminary report). Where it happened is known only from leaks (low confidence): about 18 km north-north-west of Grozny airport at 2,400 m, or 16 km away.';
    const { lead, rest } = splitLead(text);
    expect(lead).toBe('The cockpit voice recorder registers a sound of impact at 05:13:31 UTC; autopilot and autothrottle disconnect (preliminary report).');
    expect(rest.startsWith('Where it happened')).toBe(true);
    expect(`${lead} ${rest}`).toBe(text);
  });

  it('does not end a sentence at abbreviations, initials, decimals or numbers', () => {
    expect(firstSentenceEnd('Steel objects ruptured hydraulic pipe No. 2 and more. Then X.')).toBe(
      'Steel objects ruptured hydraulic pipe No. 2 and more.'.length,
    );
    expect(firstSentenceEnd('It flew approx. Northwards for 1.8 mi. Then it turned.')).toBe('It flew approx. Northwards for 1.8 mi.'.length);
    expect(firstSentenceEnd('Die Leitung Nr. 2 riss, z.B. Stahl. Dann Y.')).toBe('Die Leitung Nr. 2 riss, z.B. Stahl.'.length);
    expect(firstSentenceEnd('Captain I. Kshnyakin flew. Then Y.')).toBe('Captain I. Kshnyakin flew.'.length);
    expect(firstSentenceEnd('The crew radios: "Grozny, control failure." The pilots believed it.')).toBe('The crew radios: "Grozny, control failure."'.length);
    expect(firstSentenceEnd('Sie antwortet: „Steigen Sie.“ Quelle: Protokoll.')).toBe('Sie antwortet: „Steigen Sie.“'.length);
    expect(firstSentenceEnd('Visibility 3,300 m, cloud base 240 m. The details come later.')).toBe('Visibility 3,300 m, cloud base 240 m.'.length);
    expect(firstSentenceEnd('no sentence end here')).toBe(-1);
  });

  it('a short first sentence takes the next one along when both are short', () => {
    const text =
      'The approach to runway 11 is abandoned. The aircraft flies turns of about 270°, first to the left, then to the right. The time of the go-around is not published; the map places it at about 06:13.';
    expect(splitLead(text).lead).toBe('The approach to runway 11 is abandoned. The aircraft flies turns of about 270°, first to the left, then to the right.');
  });

  it('cuts a very long first sentence at a semicolon', () => {
    const first = `${'a'.repeat(150)} words; ${'b'.repeat(150)} more words`;
    const { lead, rest } = splitLead(`${first}. ${'C'.repeat(60)}.`);
    expect(lead.endsWith('words;')).toBe(true);
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX_CHARS);
    expect(rest.startsWith('b')).toBe(true);
  });

  it('on a phone a long first sentence is cut at its semicolon sooner', () => {
    const text =
      'Um 04:36:50 UTC ruft die Besatzung zum ersten Mal Grosny und meldet den Ausfall beider GPS-Empfänger (Zusammenfassung des vorläufigen Berichts); das durchgesickerte Funkprotokoll beginnt um 04:36:57. Ein Bericht nennt stattdessen 4:26, vermutlich ein Tippfehler.';
    expect(splitLead(text).lead.endsWith('04:36:57.')).toBe(true);
    const phone = splitLead(text, PHONE_LEAD_MAX_CHARS);
    expect(phone.lead.endsWith('Berichts);')).toBe(true);
    expect(`${phone.lead} ${phone.rest}`).toBe(text);
  });

  it('every caption of the AZAL case, in English and German: lead + rest is the caption, leads end a sentence', () => {
    for (const step of scenario.steps) {
      for (const lang of ['en', 'de']) {
        const text = localize(step.caption, lang);
        const { lead, rest } = splitLead(text);
        expect(rest ? `${lead} ${rest}` : lead, `${step.id} ${lang}`).toBe(text.replace(/\s+/g, ' ').trim());
        const phone = splitLead(text, PHONE_LEAD_MAX_CHARS);
        expect(phone.rest ? `${phone.lead} ${phone.rest}` : phone.lead, `${step.id} ${lang} phone`).toBe(text.replace(/\s+/g, ' ').trim());
        if (text.length > WHOLE_BELOW_CHARS && rest) {
          expect(lead, `${step.id} ${lang}`).toMatch(/[.!?;"“”)]$/u);
          expect(lead.length, `${step.id} ${lang}`).toBeLessThanOrEqual(LEAD_MAX_CHARS);
        }
      }
    }
    const impact = splitLead(localize(scenario.steps.find((s) => s.id === 'interim-statement')!.caption, 'en'));
    expect(impact.lead).toMatch(/^One year after the crash .*warhead fragments", whose "specific origin could not be determined" \(TASS\)\.$/);
  });
});
