const MB = 1024 * 1024;

/** Deck files are small; anything near this size is not a deck. */
export const MAX_DECK_BYTES = 50 * MB;

/**
 * A backup holds the whole review history; a million reviews take about 190 MB in the
 * backup's compact log rows, so backups get a larger limit than decks.
 */
export const MAX_BACKUP_BYTES = 256 * MB;

export const formatMegabytes = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;
