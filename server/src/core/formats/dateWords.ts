// Month and weekday names as loggers, LuCI and `dmesg -T` print them in the locales people run:
// English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Catalan and Russian, full
// and abbreviated, nominative and genitive (`maja`, `мая`), in any case, with or without a dot;
// Japanese, Chinese and Korean write the month's number (`12月`, `3월`).
// A word is looked up, not matched by a regex alternation: the format regexes accept any word in a
// month position and this table decides, so a new locale is one more row here.

const MONTH_NAMES: readonly (readonly string[])[] = [
  // 0 January
  ['january', 'jan', 'januar', 'jänner', 'jän', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'styczeń', 'stycznia', 'sty', 'gener', 'январь', 'января', 'янв'],
  ['february', 'feb', 'februar', 'février', 'févr', 'fév', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'luty', 'lutego', 'lut', 'febrer', 'febr', 'февраль', 'февраля', 'фев', 'февр'],
  ['march', 'mar', 'märz', 'mär', 'mrz', 'mars', 'marzo', 'março', 'maart', 'mrt', 'marzec', 'marca', 'març', 'март', 'марта', 'мар'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecień', 'kwietnia', 'kwi', 'abril', 'апрель', 'апреля', 'апр'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj', 'maja', 'maig', 'май', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwiec', 'czerwca', 'cze', 'juny', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipiec', 'lipca', 'lip', 'juliol', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'août', 'aout', 'aoû', 'agosto', 'ago', 'augustus', 'sierpień', 'sierpnia', 'sie', 'agost', 'ag', 'август', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro', 'wrzesień', 'września', 'wrz', 'setembre', 'сентябрь', 'сентября', 'сен', 'сент'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'październik', 'października', 'paź', 'paz', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'lis', 'ноябрь', 'ноября', 'ноя', 'нояб'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'decembre', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudzień', 'grudnia', 'gru', 'desembre', 'des', 'декабрь', 'декабря', 'дек'],
];

const WEEKDAY_NAMES: readonly string[] = [
  'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thur', 'thurs', 'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun',
  'montag', 'mo', 'dienstag', 'di', 'mittwoch', 'mi', 'donnerstag', 'do', 'freitag', 'fr', 'samstag', 'sa', 'sonntag', 'so',
  'lundi', 'lun', 'mardi', 'mar', 'mercredi', 'mer', 'jeudi', 'jeu', 'vendredi', 'ven', 'samedi', 'sam', 'dimanche', 'dim',
  'lunes', 'martes', 'miércoles', 'miercoles', 'mié', 'mie', 'jueves', 'jue', 'viernes', 'vie', 'sábado', 'sabado', 'sáb', 'sab', 'domingo', 'dom',
  'lunedì', 'lunedi', 'martedì', 'martedi', 'mercoledì', 'mercoledi', 'giovedì', 'giovedi', 'gio', 'venerdì', 'venerdi', 'sabato',
  'segunda', 'segunda-feira', 'seg', 'terça', 'terça-feira', 'ter', 'quarta', 'quarta-feira', 'qua', 'quinta', 'quinta-feira', 'qui', 'sexta', 'sexta-feira', 'sex',
  'maandag', 'ma', 'dinsdag', 'woensdag', 'wo', 'donderdag', 'vrijdag', 'vr', 'zaterdag', 'za', 'zondag', 'zo',
  'poniedziałek', 'pon', 'pn', 'wtorek', 'wto', 'wt', 'środa', 'śro', 'śr', 'sro', 'czwartek', 'czw', 'cz', 'piątek', 'pią', 'pia', 'pt', 'sobota', 'sob', 'niedziela', 'nie', 'nd', 'ndz',
  'dilluns', 'dl', 'dimarts', 'dt', 'dimecres', 'dc', 'dijous', 'dj', 'divendres', 'dv', 'dissabte', 'ds', 'diumenge', 'dg',
  'понедельник', 'пн', 'вторник', 'вт', 'среда', 'ср', 'четверг', 'чт', 'пятница', 'пт', 'суббота', 'сб', 'воскресенье', 'вс',
];

/** Every spelling, and every unambiguous prefix of 3+ letters of it (`sept`, `janv`, `févr`), to its month. */
const MONTHS = new Map<string, number>();
{
  const ambiguous = new Set<string>();
  const put = (key: string, month: number): void => {
    const had = MONTHS.get(key);
    if (had !== undefined && had !== month) ambiguous.add(key);
    else MONTHS.set(key, month);
  };
  MONTH_NAMES.forEach((names, month) => {
    for (const name of names) {
      put(name, month);
      for (let n = 3; n < name.length; n++) put(name.slice(0, n), month);
    }
  });
  for (const key of ambiguous) MONTHS.delete(key);
}

const WEEKDAYS = new Set(WEEKDAY_NAMES);

// ctime() and most syslog daemons write English abbreviations: answer those without lowercasing.
// (A map: an object would answer a word such as `constructor` with its prototype's function.)
const ENGLISH: ReadonlyMap<string, number> = new Map(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [m, i]));

function fold(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith('.')) w = w.slice(0, -1);
  // Catalan LuCI writes `de maig`, `d'abril`: the article is not part of the month.
  if (w.startsWith("d'") || w.startsWith('d’')) w = w.slice(2);
  return w;
}

/** A month as ja_JP, zh_CN and ko_KR write it (`12月`, `3월`): its number (glibc's abmon in those locales). */
const NUMBERED_MONTH = /^(\d{1,2})[月월]$/;

/** Month index (0-11) of a month word in any of the supported locales, or -1. */
export function monthIndex(word: string): number {
  const fast = ENGLISH.get(word);
  if (fast !== undefined) return fast;
  const numbered = NUMBERED_MONTH.exec(word);
  if (numbered) return +numbered[1] >= 1 && +numbered[1] <= 12 ? +numbered[1] - 1 : -1;
  return MONTHS.get(fold(word)) ?? -1;
}

/** Whether a word names a weekday in one of the supported locales. */
export function isWeekday(word: string): boolean {
  return WEEKDAYS.has(fold(word).replace(/,$/, ''));
}

/**
 * Time zone abbreviations loggers print after a clock (strftime's `%Z`, Java's `z`, `date`): those
 * of the places people run routers in, as written (capitals). A word here right after a clock is
 * the stamp's zone, not a host: `2024-12-02 19:54:59 CET router gsmd[3553]: ...`. A level word
 * (`INFO`, `WARN`) is none of them. Times are kept as written, not shifted by the zone.
 */
export const ZONE_ABBREVIATIONS: readonly string[] = [
  'UTC', 'GMT', 'WET', 'WEST', 'BST', 'IST', 'CET', 'CEST', 'MEZ', 'MESZ', 'EET', 'EEST', 'MSK', 'TRT',
  'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'AKST', 'AKDT', 'HST', 'BRT', 'ART',
  'SAST', 'WAT', 'CAT', 'EAT', 'GST', 'PKT', 'ICT', 'WIB', 'SGT', 'HKT', 'PHT', 'JST', 'KST',
  'AWST', 'ACST', 'ACDT', 'AEST', 'AEDT', 'NZST', 'NZDT',
];

/**
 * The offsets from UTC (minutes) of the abbreviations that name one zone wherever they are written
 * (tz database abbreviations). Left out, because each names several: IST (India, Ireland, Israel),
 * CST (the US, China, Cuba), BST (Britain, Bangladesh), GST (the Gulf, South Georgia). A stamp with
 * one of these is read at its offset, so a journal across the end of summer time (`02:59:56 CEST`,
 * then `02:00:26 CET`) reads on one time base (a blind probe's had a false clock jump).
 */
const ZONE_OFFSETS: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  UTC: 0, GMT: 0, WET: 0, WEST: 60, CET: 60, CEST: 120, MEZ: 60, MESZ: 120, EET: 120, EEST: 180, MSK: 180, TRT: 180,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, BRT: -180, ART: -180,
  SAST: 120, WAT: 60, CAT: 120, EAT: 180, PKT: 300, ICT: 420, WIB: 420, SGT: 480, HKT: 480, PHT: 480, JST: 540, KST: 540,
  AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
});

/** The offset from UTC (minutes) of a zone abbreviation that names one zone, else undefined. */
export function zoneNameOffset(word: string): number | undefined {
  return ZONE_OFFSETS[word];
}

/** The abbreviations as a regex alternation, longest first. */
export const ZONE_WORD = [...ZONE_ABBREVIATIONS].sort((a, b) => b.length - a.length).join('|');

