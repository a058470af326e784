/** Import limits, in their own module so the page can check them without loading the readers. */

/** Files above this are refused before they are read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Files above this show a progress bar while they are parsed. */
export const PROGRESS_BYTES = 1024 * 1024;
