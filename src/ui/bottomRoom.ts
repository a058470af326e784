/**
 * Keeps the bottom band (caption, profile chart) from growing into the panels at the top left: the
 * height left between them goes to the CSS variable --bottom-room on the band, which caps the
 * caption (its expanded text then scrolls inside its box); --bottom-others is what the band's other
 * rows take (used where the band is a column). Updated when either side changes size.
 */
const GAP_PX = 8;
/** The caption never gets less than this, even on a tiny screen. */
const MIN_ROOM_PX = 140;

export function keepBottomRoom(top: HTMLElement, bottom: HTMLElement, win: Window = window): () => void {
  let frame = 0;
  const update = (): void => {
    frame = 0;
    const topBox = top.getBoundingClientRect();
    const offset = parseFloat(win.getComputedStyle(bottom).bottom) || 0;
    const used = topBox.height > 0 ? topBox.bottom + GAP_PX : 0;
    const room = Math.max(MIN_ROOM_PX, win.innerHeight - offset - used);
    bottom.style.setProperty('--bottom-room', `${Math.floor(room)}px`);
    // Where the band is a column (a phone), what its other rows take (the timeline, with its gap) is
    // not the caption's: --bottom-others, measured, so a taller timeline never pushes the caption up.
    const style = win.getComputedStyle(bottom);
    const gap = parseFloat(style.rowGap) || 0;
    const column = style.display === 'flex' ? style.flexDirection.startsWith('column') : style.display !== 'grid';
    let others = 0;
    if (column)
      for (const child of bottom.children) {
        if (child.classList.contains('caption-panel') || !(child instanceof HTMLElement) || child.offsetParent === null) continue;
        others += child.getBoundingClientRect().height + gap;
      }
    bottom.style.setProperty('--bottom-others', `${Math.ceil(others)}px`);
  };
  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(update);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(top);
  for (const child of bottom.children) if (!child.classList.contains('caption-panel')) observer.observe(child);
  win.addEventListener('resize', schedule);
  update();
  return () => {
    observer.disconnect();
    win.removeEventListener('resize', schedule);
  };
}
