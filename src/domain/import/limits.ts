const MB = 1024 * 1024;

/** Deck files are small; anything near this size is not a deck. */
export const MAX_DECK_BYTES = 50 * MB;

/**
 * A backup holds the whole review history; a million reviews take about 190 MB in the
 * backup's compact log rows, so backups get a larger limit than decks.
 */
export const MAX_BACKUP_BYTES = 256 * MB;

const megabytes = (bytes: number, digits: number) => `${Number((bytes / MB).toFixed(digits))} MB`;

export const formatMegabytes = (bytes: number): string => megabytes(bytes, 1);

/** "50.04 MB > 50 MB": as many decimals as it takes for the size to read larger than the limit. */
export function formatTooLarge(bytes: number, maxBytes: number): string {
  let digits = 1;
  while (digits < 6 && megabytes(bytes, digits) === megabytes(maxBytes, digits)) digits++;
  return `${megabytes(bytes, digits)} > ${formatMegabytes(maxBytes)}`;
}
