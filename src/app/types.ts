/** Names shared by the store, the URL, the scripting API and the adapters. */

export const CAMERA_MODES = ['overview', 'follow', 'cockpit', 'damage', 'free'] as const;
export type CameraMode = (typeof CAMERA_MODES)[number];

/** Switchable layers (issue 5): uncertainty corridor with gaps and rejected fixes, claims, GNSS interference, profile chart. */
export const LAYER_IDS = ['corridor', 'claims', 'jamming', 'profile'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export function isLayerId(value: string): value is LayerId {
  return (LAYER_IDS as readonly string[]).includes(value);
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
export const SPEED_CHOICES = [1, 2, 5, 10, 30, 60, 120, 300] as const;
export const DEFAULT_SPEED = 30;

export interface Notice {
  readonly id: number;
  readonly level: 'info' | 'warning' | 'error';
  /** The text in English (for the API and logs). */
  readonly text: string;
  /** The text in the reader's language, worded when shown (a language switch rewords it). */
  readonly say?: (lang: string) => string;
  /** Extra lines, e.g. the list of problems in a broken file. */
  readonly details?: readonly string[];
  /** Something the reader can do about it (a button beside the text). */
  readonly action?: NoticeAction;
}

export type NoticeAction = 'reload';

export function isCameraMode(value: string): value is CameraMode {
  return (CAMERA_MODES as readonly string[]).includes(value);
}
