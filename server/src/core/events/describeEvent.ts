import { catalogueEntry } from '../catalogue/index';
import { cmeText } from '../catalogue/tables/cmeErrors';
import { DFOTA_CODES } from '../catalogue/tables/dfotaCodes';
import { rejectCauseWords } from '../catalogue/tables/rejectCauses';
import { errnoInfo } from '../catalogue/tables/errno';
import { usbModel } from '../catalogue/tables/usbIds';

type Fields = Record<string, string>;

/** Placeholders a summary may use beyond its own capture groups, computed from the tables. */
export const ENRICHMENTS: Record<string, (f: Fields) => string | undefined> = {
  model: (f) => usbModel(f.vidpid ?? (f.vid && f.pid ? `${f.vid}:${f.pid}` : undefined))?.model ?? (f.vidpid ?? (f.vid ? `${f.vid}:${f.pid}` : undefined)),
  errnoName: (f) => (f.errno ? errnoInfo(+f.errno)?.name ?? `errno ${f.errno}` : undefined),
  // `10 (SIM not inserted)`, or the words as the modem wrote them.
  cmeSaid: (f) => (f.cme ? (/^\d+$/.test(f.cme) ? `${f.cme} (${cmeText(f.cme)})` : f.cme) : undefined),
  dfotaText: (f) => (f.code ? DFOTA_CODES[+f.code]?.webui ?? f.text : undefined),
  // `7 (EPS services not allowed)`: the network's reject cause in +CEREG's n=3 form.
  rejectCauseSaid: (f) => (f.rejectCause ? rejectCauseWords(f.rejectCause, f.causeType) : undefined),
};

/** Fills `{name}` from the fields, the enrichments, or the whole message. */
export function fillTemplate(template: string, fields: Fields, message = ''): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'message') return message;
    const v = fields[name] ?? ENRICHMENTS[name]?.(fields);
    return v ?? '';
  });
}

/** The one-line summary of an event, as a person reads it. */
export function describeEvent(id: string, fields: Fields, message = ''): string {
  const entry = catalogueEntry(id);
  if (!entry) return message;
  return fillTemplate(entry.summary, fields, message).replace(/\s+\(\)/g, '').replace(/\s{2,}/g, ' ').trim();
}
