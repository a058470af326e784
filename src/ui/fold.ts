/**
 * A panel that folds to one line. The app proposes open or folded (the screen size, the time in the
 * flight); a click on the toggle overrides that until the proposal changes. The state is written to
 * `data-open` on the panel (CSS shows one form or the other) and `aria-expanded` on the toggle.
 */
export class Fold {
  private proposed = false;
  private chosen: boolean | null = null;

  constructor(
    private readonly panel: HTMLElement,
    private readonly toggle: HTMLButtonElement,
    private readonly onChange: (open: boolean) => void = () => undefined,
  ) {
    toggle.type = 'button';
    toggle.addEventListener('click', () => {
      this.chosen = !this.open;
      this.apply();
    });
    // The initial state is not a change: listeners hear only later ones.
    panel.dataset.open = 'false';
    toggle.setAttribute('aria-expanded', 'false');
  }

  get open(): boolean {
    return this.chosen ?? this.proposed;
  }

  /** What the app proposes; a user's choice stands until the proposal itself changes. */
  propose(open: boolean): void {
    if (open !== this.proposed) {
      this.proposed = open;
      this.chosen = null;
    }
    this.apply();
  }

  private apply(): void {
    const open = String(this.open);
    if (this.panel.dataset.open === open) return;
    this.panel.dataset.open = open;
    this.toggle.setAttribute('aria-expanded', open);
    this.onChange(this.open);
  }
}
