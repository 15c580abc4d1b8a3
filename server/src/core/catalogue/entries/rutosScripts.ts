import type { CatalogueEntry } from '../types';
export const rutosScriptSources = {};
export const rutosScriptEntries: CatalogueEntry[] = [];
