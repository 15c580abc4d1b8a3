import type { CatalogueEntry } from '../types';
export const genericStackSources = {};
export const genericStackEntries: CatalogueEntry[] = [];
