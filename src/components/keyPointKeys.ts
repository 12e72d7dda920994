/**
 * Keys that tick key points 1–5: the row under the rating digits, so a key point and a rating are
 * never the same key (Q under 1, W under 2, …). Matched on `KeyboardEvent.code`, whatever the layout.
 */
export const KEY_POINT_CODES = ['KeyQ', 'KeyW', 'KeyE', 'KeyR', 'KeyT'] as const;
export const KEY_POINT_LABELS = ['Q', 'W', 'E', 'R', 'T'] as const;

export const keyPointIndex = (code: string): number =>
  KEY_POINT_CODES.indexOf(code as (typeof KEY_POINT_CODES)[number]);
