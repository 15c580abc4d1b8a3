import type { Analysis } from '../core/model';

/**
 * Analyses of logs read from disk (too big for the editor to sync), kept for their reports and
 * timelines. Each can weigh tens of MB, so only the most recently used are kept, and one is
 * dropped as soon as its file is closed.
 */
export const DISK_ANALYSES_KEPT = 4;

export class DiskAnalyses {
  private readonly byUri = new Map<string, Analysis>();

  constructor(private readonly limit = DISK_ANALYSES_KEPT) {}

  /** Keeps an analysis as the most recent; the least recently used beyond the limit are dropped (their URIs returned). */
  set(uri: string, analysis: Analysis): string[] {
    this.byUri.delete(uri);
    this.byUri.set(uri, analysis);
    const dropped: string[] = [];
    for (const old of this.byUri.keys()) {
      if (this.byUri.size <= this.limit) break;
      this.byUri.delete(old);
      dropped.push(old);
    }
    return dropped;
  }

  /** The analysis of a URI, which becomes the most recently used. */
  get(uri: string): Analysis | undefined {
    const a = this.byUri.get(uri);
    if (a) {
      this.byUri.delete(uri);
      this.byUri.set(uri, a);
    }
    return a;
  }

  delete(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  get size(): number {
    return this.byUri.size;
  }
}
