// What the word in front of a value says the value is.
// Labels come from everywhere at once (UCI `option pincode`, JSON keys in gsm.log, `key=value`
// in scripts, `SerialNumber:` from the kernel, MBIM dumps `SubscriberId = '...'`), so a label is
// cut into words (camelCase, `_`, `-`, `.` and spaces) and judged by its words, not its spelling.

/**
 * What a labelled value is taken for. `PIN`, `WGKEY` and `TOKEN` are shown as SECRET; `TOKEN` is a
 * session id or URL token, read up to the next `/`, `&` or `;` so the path after it stays.
 */
export type LabelKind = 'IMEI' | 'IMSI' | 'ICCID' | 'SERIAL' | 'MAC' | 'PHONE' | 'SECRET' | 'PIN' | 'WGKEY' | 'TOKEN';

/**
 * Words that make a label about a secret *setting* rather than the secret itself:
 * `key_mgmt`, `pin_count` (retries left matter for a SIM problem), `password_enabled`, `key_file`.
 */
const NOT_A_VALUE = new Set([
  'type', 'mgmt', 'file', 'path', 'dir', 'len', 'length', 'count', 'cnt', 'state', 'status',
  'retries', 'retry', 'left', 'attempts', 'attempt', 'enabled', 'enable', 'disabled', 'size',
  'index', 'idx', 'expire', 'expires', 'expiry', 'expired', 'method', 'mode', 'required', 'format',
  'algo', 'algorithm', 'timeout', 'interval', 'version', 'min', 'max', 'port', 'policy', 'storage',
  'prefix', 'limit', 'lock', 'locked', 'check', 'strength', 'quality', 'name', 'level', 'bits',
  'support', 'supported', 'hint', 'prompt', 'label', 'changed', 'valid', 'invalid', 'set', 'usage',
  'driver', 'console',
]);

/** A word that makes the value a secret wherever it sits in the label. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'passphrase', 'passwort', 'pwd', 'psk', 'secret', 'token', 'pincode',
  'pukcode', 'credential', 'credentials', 'privatekey', 'presharedkey', 'publickey', 'apikey',
  'authkey', 'secretkey', 'accesskey', 'passkey', 'wpakey', 'sysauth', 'community', 'authcode',
]);

/** Session cookies and URL tokens: `PHPSESSID=`, LuCI's `;stok=`, `sessionid:`. */
const TOKEN_WORDS = new Set(['sessionid', 'phpsessid', 'jsessionid', 'sessid', 'stok', 'sessiontoken', 'sessionkey']);
/** The last word that makes a `session ...` label a session token (`session_id`, `X-Session-Id`). */
const SESSION_PARTS = new Set(['id', 'key', 'token', 'cookie']);

/**
 * Words of a secret label that also make `LABEL is VALUE` and `LABEL changed to VALUE` a secret
 * ("the password is hunter2"); a bare `key is ...` is prose ("the key is 2048 bits").
 */
const PROSE_SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'passwort', 'pwd', 'psk', 'pincode', 'pukcode', 'pin', 'puk']);
/** Words that make a `... key is VALUE` a network or API key rather than prose about keys ("Wi-Fi key is ..."). */
const PROSE_KEY_OWNERS = new Set(['wifi', 'fi', 'wpa', 'wpa2', 'wpa3', 'wlan', 'wireless', 'network', 'guest', 'wep', 'api', 'access', 'shared', 'secret']);

/** The word before `number` that makes it a phone number (not `device number 7`). */
const PHONE_NUMBER_OWNERS = new Set(['own', 'phone', 'mobile', 'tel', 'telephone', 'sms', 'caller', 'sender', 'sim', 'msisdn', 'my', 'contact', 'destination', 'recipient']);

export function labelWords(label: string): string[] {
  return label
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-. #/]+/)
    .filter((w) => w.length > 0)
    .map((w) => (/^[a-z]+\d+$/.test(w) ? w.replace(/\d+$/, '') : w)); // pin1, key2, radio0
}

const cache = new Map<string, LabelKind | null>();

/** What a labelled value is, or null when the label is not about anything this module hides. */
export function classifyLabel(label: string): LabelKind | null {
  let kind = cache.get(label);
  if (kind !== undefined) return kind;
  kind = classify(labelWords(label));
  if (cache.size < 10000) cache.set(label, kind);
  return kind;
}

function classify(words: string[]): LabelKind | null {
  if (words.length === 0 || words.some((w) => NOT_A_VALUE.has(w))) return null;
  const has = (w: string) => words.includes(w);
  const last = words[words.length - 1];
  const before = words.length > 1 ? words[words.length - 2] : '';
  if (has('imei') || has('imeisv') || has('cgsn') || has('gsn')) return 'IMEI';
  if (has('equipment') && (last === 'id' || last === 'identifier')) return 'IMEI';
  if (has('imsi') || has('subscriber') || has('cimi')) return 'IMSI';
  if (has('iccid') || has('ccid') || has('qccid') || has('icc')) return 'ICCID';
  if (has('serial') || has('serialnumber') || has('serialno') || last === 'sn') return 'SERIAL';
  if (has('mac') || has('macaddr') || has('macaddress') || has('hwaddr')) return 'MAC';
  if (has('phone') || has('msisdn') || has('sender') || has('caller') || has('telephone') || last === 'tel') return 'PHONE';
  if ((last === 'number' || last === 'numbers') && (words.length === 1 || PHONE_NUMBER_OWNERS.has(before))) return 'PHONE';
  if (words.some((w) => TOKEN_WORDS.has(w)) || (has('session') && SESSION_PARTS.has(last))) return 'TOKEN';
  if (words.some((w) => SECRET_WORDS.has(w))) return 'SECRET';
  if (last === 'code' && before === 'auth') return 'SECRET';
  if (last === 'pin' || last === 'puk' || (last === 'code' && (before === 'pin' || before === 'puk'))) return 'PIN';
  if (last === 'key' || last === 'keys') return 'SECRET';
  if (last === 'pass') return 'SECRET'; // a lone `pass` only with `=` (see assignmentOnly)
  if (words.length === 1 && last === 'peer') return 'WGKEY';
  if (words.length === 3 && words[0] === 'ubus' && last === 'session') return 'SECRET';
  return null;
}

/** A label too common in prose to take a value after a colon or a space: `pass=x` is a password, `pass: 12/12` is not. */
export function assignmentOnly(label: string): boolean {
  const words = labelWords(label);
  return words.length === 1 && words[0] === 'pass';
}

/** Whether `LABEL is VALUE` (or `was`, `changed to`) states the value: ids always, secrets only for passwords and PINs. */
export function statesValueInProse(label: string, kind: LabelKind): boolean {
  if (kind !== 'SECRET' && kind !== 'PIN') return kind !== 'WGKEY' && kind !== 'TOKEN';
  const words = labelWords(label);
  if (words.some((w) => PROSE_SECRET_WORDS.has(w))) return true;
  return words.length > 1 && words[words.length - 1] === 'key' && PROSE_KEY_OWNERS.has(words[words.length - 2]);
}

/**
 * Words that follow `password:` in prose (`passwd: password for root changed by root`,
 * `Invalid password: too short`) and in JSON (`"password": null`) without being one.
 * Only consulted for an unquoted value after a colon; `password=...` is always hidden.
 */
export const NOT_A_SECRET_WORD = new Set([
  'password', 'for', 'is', 'was', 'not', 'set', 'unset', 'changed', 'required', 'missing', 'empty',
  'none', 'null', 'nil', 'undefined', 'invalid', 'incorrect', 'wrong', 'ok', 'failed', 'error',
  'true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'hidden', 'accepted', 'rejected',
  'mismatch', 'expired', 'correct', 'too', 'the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'from',
  'with', 'authentication', 'auth', 'login', 'user', 'ready', 'sim', 'verified', 'saved', 'updated',
  'removed', 'configured', 'unknown', 'n/a', 'default', 'weak', 'short', 'long', 'blank', 'same',
  'different', 'strong', 'ignored', 'bad', 'good', 'used', 'stored', 'being', 'now', 'still', 'sent',
  'protected', 'encrypted', 'known', 'unchanged', 'reset', 'cleared', 'generated', 'applied', 'also',
  'only', 'never', 'already', 'case', 'sensitive', 'given', 'needed', 'asked', 'prompted', 'shown',
  'prompt', 'change', 'entry', 'dialog', 'field', 'hash', 'manager', 'recovery', 'public',
]);

/** ISO/IEC 7812 check digit, which every IMEI carries as its 15th digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * ITU-T E.212 mobile country codes sit in 2xx-7xx (Europe, Americas, Asia, Oceania, Africa,
 * South America), so a bare IMSI starts with 2..7; test networks (001) are only caught labelled.
 */
export function plausibleMcc(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  return first >= 2 && first <= 7 && Number(digits.slice(0, 3)) >= 202 && Number(digits.slice(0, 3)) <= 750;
}
