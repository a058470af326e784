/** The label layer's state as plain objects, for the scripting API and tests (allocates; not per frame). */
import { Cartographic, Math as CesiumMath } from 'cesium';
import type { LabelCandidateView, ShownLabel } from '../../app/api';
import type { MapLabel } from './mapLabel';

/** The labels shown now, with their boxes in CSS px of the globe's box. */
export function shownLabels(all: readonly MapLabel[], isOn: (l: MapLabel) => boolean): ShownLabel[] {
  const out: ShownLabel[] = [];
  for (const l of all) {
    const c = l.candidate;
    if (!c.shown || !isOn(l)) continue;
    out.push({ text: l.shownText(), x: c.x, y: c.y, width: c.boxWidth, height: c.boxHeight, priority: c.priority, kind: l.kind, short: l.isShort });
  }
  return out;
}

/** Every label with its state: in play (active) or not, shown or not, short or full, where it points. */
export function describeLabels(all: readonly MapLabel[], isOn: (l: MapLabel) => boolean): LabelCandidateView[] {
  return all.map((l) => {
    const c = l.candidate;
    const on = isOn(l);
    // A label not yet placed in the world (a callout before its first frame) sits at the Earth's centre.
    const p = Cartographic.fromCartesian(l.position) ?? new Cartographic();
    return {
      id: l.id,
      kind: l.kind,
      text: l.fullText(),
      active: on && c.active,
      shown: on && c.shown,
      short: l.isShort,
      priority: c.priority,
      anchor: { x: c.anchorX, y: c.anchorY },
      position: { lon: CesiumMath.toDegrees(p.longitude), lat: CesiumMath.toDegrees(p.latitude), heightM: p.height },
    };
  });
}
