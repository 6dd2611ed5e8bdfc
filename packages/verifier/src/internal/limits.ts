/**
 * Limits a reader and a job's runner share, in a module of their own: the command's main thread
 * reads with them and loads none of the verify walk.
 *
 * @module
 * @internal
 */

/** Longest record text a runner parses (UTF-16 code units), as core's parseJson default. */
export const MAX_RECORD_CHARS: number = 16 * 1024 * 1024;
