// Text kept past its line must not keep the file alive. A substring in V8 may be a slice that
// points into the whole decoded 64 KiB piece it came from: an event, a tag or a remembered date
// kept for the whole analysis would keep that piece, so a log of many events held the whole file.

/**
 * A copy of `s` that does not keep its source alive: concatenating and cutting yields a flat
 * string of its own length (V8 copies strings under 13 characters anyway).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** `s[a, b)` as a copy of its own (see ownString). */
export function ownSlice(s: string, a: number, b: number): string {
  return ownString(s.slice(a, b));
}
