/**
 * Screen classes the HUD lays itself out for (hud.css uses the same breakpoints):
 * - phone: narrow screens up to 700 CSS px wide — panels fold, the controls become a button;
 * - short: up to 600 px high — the profile chart folds to a timeline;
 * - roomy: 1600x900 and more — the track legend can stay open.
 */
export interface ScreenClass {
  readonly phone: boolean;
  readonly short: boolean;
  readonly roomy: boolean;
}

const QUERIES: Readonly<Record<keyof ScreenClass, string>> = {
  phone: '(max-width: 700px)',
  short: '(max-height: 600px)',
  roomy: '(min-width: 1600px) and (min-height: 900px)',
};

export class ScreenWatch {
  private readonly lists: Record<keyof ScreenClass, MediaQueryList>;
  private readonly listeners = new Set<(screen: ScreenClass) => void>();
  current: ScreenClass;

  constructor(win: Window) {
    this.lists = {
      phone: win.matchMedia(QUERIES.phone),
      short: win.matchMedia(QUERIES.short),
      roomy: win.matchMedia(QUERIES.roomy),
    };
    this.current = this.read();
    for (const list of Object.values(this.lists))
      list.addEventListener('change', () => {
        this.current = this.read();
        for (const l of this.listeners) l(this.current);
      });
  }

  /** Calls `listener` now and on every change. */
  subscribe(listener: (screen: ScreenClass) => void): void {
    this.listeners.add(listener);
    listener(this.current);
  }

  private read(): ScreenClass {
    return { phone: this.lists.phone.matches, short: this.lists.short.matches, roomy: this.lists.roomy.matches };
  }
}
