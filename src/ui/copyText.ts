/**
 * Copies a line of text. Through the Clipboard API where the page may use it; where it may not (a
 * page opened from a file, an older browser, a refused permission, a headless browser), the text is
 * shown in the read-only `field`, selected, for Ctrl+C, and the old copy command is tried on it.
 */

/** 'copied': on the clipboard; 'selected': shown selected in the field for the reader to copy. */
export type CopyOutcome = 'copied' | 'selected';

export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement, win: Window = window): Promise<CopyOutcome> {
  const clipboard = win.isSecureContext ? win.navigator.clipboard : undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      field.hidden = true;
      return 'copied';
    } catch {
      // Refused (no permission, no focus): fall back to the field.
    }
  }
  field.value = text;
  field.hidden = false;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'nearest' });
  field.select();
  let copied: boolean;
  try {
    copied = win.document.execCommand('copy');
  } catch {
    copied = false;
  }
  return copied ? 'copied' : 'selected';
}
