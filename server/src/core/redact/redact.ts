// Redaction of router logs and reports before they are shared in a forum or a ticket.
// Teltonika asks for troubleshoot archives through a private form because they "may contain
// passwords, public IP addresses, serial numbers"; this lets a user post the log instead.
//
// Every value is replaced by a numbered placeholder (`<IMEI-1>`), the same value by the same
// placeholder across lines, calls and files, so a reader can still follow "the modem with
// <IMEI-1> came back as <IMEI-2>" without learning the IMEI. Only the secret substring changes:
// line breaks, timestamps, USB ids and paths, versions, errno and pids stay byte for byte, because
// they are what the analysis and the support engineer read.
//
// Speed: a whole 100 MB log goes through here. Every regex is compiled once, has bounded
// repetitions after a cheap first character (no nested unbounded quantifiers), and costs
// linear time on any line, including one 200,000-character line without a newline.

import { canonicalIpv6, isPublicIpv4, isPublicIpv6, parseIpv6 } from './ip';
import { assignmentOnly, classifyLabel, luhnValid, NOT_A_SECRET_WORD, plausibleMcc, statesValueInProse, type LabelKind } from './labels';

export type RedactionKind = 'IMEI' | 'IMSI' | 'ICCID' | 'SERIAL' | 'MAC' | 'IPV4' | 'IPV6' | 'PHONE' | 'EMAIL' | 'SECRET';

/** The kinds in the order `summary()` lists them. */
export const REDACTION_KINDS: readonly RedactionKind[] = ['IMEI', 'IMSI', 'ICCID', 'SERIAL', 'MAC', 'IPV4', 'IPV6', 'PHONE', 'EMAIL', 'SECRET'];

/** RutOS troubleshoot archives already blank secrets with this; it stays so the reader sees it. */
export const ALREADY_REMOVED = 'VALUE_REMOVED_FOR_SECURITY_REASONS';

export interface RedactionCount {
  kind: RedactionKind;
  /** Substrings replaced (a PEM key block counts once). */
  count: number;
  /** Different values behind them, i.e. the highest placeholder number. */
  distinct: number;
}

interface Placeholder {
  text: string;
  kind: RedactionKind;
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each starts with a literal or a word boundary, which the engine finds without trying
// every position, and checks that would need a lookbehind are done in the callback instead.

const PEM_BEGIN = /-----BEGIN ([A-Za-z0-9 ]{1,60})-----/g;
/** Certificates are public; keys, OpenVPN static keys and anything called secret are not. */
const PEM_SECRET = /PRIVATE|SECRET|STATIC KEY/i;

const AUTH_HINT = /authori|bearer/i;
const AUTH_HEADER = /\b((?:Proxy-)?Authorization["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?:(?:Bearer|Basic|Token|Negotiate|Bot)[ \t]{1,4})?)([^\s"',]{1,4096})/gi;
const BEARER = /\b(Bearer[ \t]{1,4})([A-Za-z0-9\-._~+/]{8,4096}=*)/g;

/** `scheme://user:password@host`: the password goes, the user name stays (like `option username`). */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{1,15}:\/\/[^\s:/@"'<>]{1,128}:)([^\s/@"'<>]{1,256})@/gi;

const AT_HINT = /\+[CQU][A-Z]|AT[$^#]/i;
/** PIN, PUK and facility passwords typed at the modem: `AT+CPIN=1234`, `AT+CPIN="12345678","1234"`. */
const AT_PIN = /(\bAT\+(?:CPIN2?|CLCK|CPWD)=)(\S{1,120})/gi;
const AT_PIN_DIGITS = /(?<![\w])\d{4,8}(?![\w])/g;
/**
 * APN credentials set at the modem, and which argument (0-based, counted by commas outside
 * quotes) is the password. Vendors disagree on the order: Qualcomm's `$QCPDPP` and SIMCom put the
 * password before the user name.
 */
const AT_APN_PASSWORD_ARG: Readonly<Record<string, number>> = {
  '+CGAUTH': 3, // 3GPP 27.007: cid, auth_prot, userid, password
  '+QICSGP': 4, // Quectel: contextID, context_type, APN, username, password, authentication
  '$QCPDPP': 2, // Qualcomm: cid, auth_type, password, username
  '^AUTHDATA': 3, // Huawei: cid, auth_type, PLMN, password, username
  '#PDPAUTH': 3, // Telit: cid, auth_type, username, password
  '+UAUTHREQ': 3, // u-blox: cid, auth_type, username, password
  '+CSTT': 2, // SIMCom/Quectel GPRS: APN, user, password
  '+QIREGAPP': 2, // Quectel (older): APN, user, password
};
const AT_APN_AUTH = /(\bAT([+$^#](?:CGAUTH|QICSGP|QCPDPP|AUTHDATA|PDPAUTH|UAUTHREQ|CSTT|QIREGAPP))=)([^\r\n]{1,300})/gi;
/** One argument of an AT command: quoted (commas inside allowed) or bare. */
const AT_ARG = /"[^"]{0,128}"|[^,"]*/y;
/** Commands and responses that carry a phone number in quotes (own number, SMS, caller id). */
const AT_NUMBER_COMMAND = /\+(?:CNUM|CMGR|CMGL|CMT|CLIP|CCWA|CMGS|CMGW|CDS|COLP)\b/i;
const QUOTED_NUMBER = /"(\+?\d{5,20})"/g;

/** `--password secret`, `--verify-pin1 1234`, `-password secret` (uqmi, mmcli, pppd, java tools). */
const FLAG = /(--?)(?<=(?:^|[^\w-])--?)([A-Za-z][A-Za-z0-9-]{0,30})([ \t]{1,4})("[^"]{0,512}"|'[^']{0,512}'|[^\s"'-][^\s]{0,511})/g;
/** A flag value that names where the secret is (`env:VAR`, `file:path`) rather than holding it; `pass:x` holds it after the prefix. */
const INDIRECT_VALUE = /^(?:env|file|fd):|^stdin$/;
const PASS_PREFIX = /^pass:/;

/**
 * Programs whose short options carry a credential; the option means something else elsewhere
 * (`-p` is a port to ssh, `-P` a policy to iptables, `-c` a count to ping). `after` splits a
 * `user:password` value: only what follows it is secret, and a value without it names a user.
 */
interface CommandCredential {
  command: RegExp;
  options: readonly string[];
  after?: string;
}
const COMMAND_CREDENTIAL_TABLE: readonly CommandCredential[] = [
  { command: /\bsshpass\b/, options: ['-p'] },
  { command: /\bmosquitto_(?:pub|sub|rr)\b/, options: ['-P', '--pw'] },
  { command: /\bcurl\b/, options: ['-u', '--user', '-U', '--proxy-user'], after: ':' },
  { command: /\bsnmp(?:walk|bulkwalk|get|getnext|bulkget|set|table|trap|inform|df|status|netstat|delta)\b/, options: ['-c'] },
  { command: /\b(?:smbclient|rpcclient|smbmount|smbget)\b/, options: ['-U', '--user'], after: '%' },
  { command: /\bopenssl\b/, options: ['-passin', '-passout', '-pass', '-password', '-k', '-kfile'] },
  { command: /\bldap(?:search|modify|add|delete|whoami|passwd|compare|modrdn)\b/, options: ['-w'] },
];
/** Each program with one pattern for its options and their value (quoted or not, after a space or `=`). */
const COMMAND_CREDENTIALS = COMMAND_CREDENTIAL_TABLE.map((c) => ({
  ...c,
  option: new RegExp(`((?<![\\w-])(?:${c.options.map((o) => o.replace(/-/g, '\\-')).join('|')})(?:[ \\t]{1,4}|=))("[^"]{1,256}"|'[^']{1,256}'|[^\\s"'-][^\\s]{0,255})`, 'g'),
}));
const COMMAND_HINT = /sshpass|mosquitto_|curl|snmp|smb|rpcclient|openssl|ldap/;
/** One scan that most lines fail: every word a SECRET_SHAPES or COMMAND_CREDENTIALS hint needs (the anchored shapes test themselves). */
const RARE_HINT = /[$*]|p(?:ass|sk)|PASS|PSK|EAP|XAUTH|NTLM|com(?:munity|2sec)|AUTH PLAIN|\/bot|curl|s(?:nmp|mb|ession)|rpcclient|openssl|mosquitto|ldap|wps_|mysql/;

/**
 * Secrets recognised by their shape or their line, one class each: `head` (group 1) stays, the
 * secret (group 2, quotes kept around the placeholder) goes, anything after it (group 3) stays.
 * `hint` is a cheap substring test that must pass before the pattern runs on a line.
 */
interface SecretShape {
  name: string;
  hint: string | RegExp | ((line: string) => boolean);
  pattern: RegExp;
  /** Anchored at the line start (sticky): cheap enough to try on every line. */
  anchored?: boolean;
}
const SECRET_SHAPES: readonly SecretShape[] = [
  // crypt(3) hashes in /etc/shadow, htpasswd, uci: `$1$salt$hash`, `$6$rounds=5000$salt$hash`, `$y$j9T$salt$hash`, bcrypt.
  { name: 'crypt hash', hint: '$', pattern: /()(\$(?:1|2[abxy]|5|6|y|gy|7|apr1|md5|sha1)\$(?:[^$\s:]{1,64}\$){1,3}[./A-Za-z0-9]{16,512})()/g },
  // /etc/shadow with a DES hash or any other non-`$` hash: `root:abJnggxhB/yWI:16890:0:99999:7:::`.
  { name: 'shadow line', hint: ':', anchored: true, pattern: /^(\s*[A-Za-z_][A-Za-z0-9_.-]{0,31}:)([^:\s$*!][^:\s]{12,511})(:\d{0,6}:)/gy },
  // chap-secrets / pap-secrets: `client server secret [addresses]`. A line of words is one only
  // with `*` for the server, or `*` among the addresses after the secret.
  {
    name: 'ppp secrets, any server',
    hint: '*',
    pattern: /^(\s*(?:"[^"\s]{1,64}"|[A-Za-z_][^\s"]{0,63})[ \t]+\*[ \t]+)("[^"]{1,128}"|[^\s"*#-][^\s"]{0,127})((?:[ \t]+(?:\*|""|-|[\d.]{7,15}(?:\/\d{1,2})?)){0,4}[ \t]*)$/gy,
  },
  {
    name: 'ppp secrets, any address',
    hint: '*',
    pattern: /^(\s*(?:"[^"\s]{1,64}"|[A-Za-z_][^\s"]{0,63})[ \t]+(?:"[^"\s]{0,64}"|[A-Za-z_][^\s"]{0,63})[ \t]+)("[^"]{1,128}"|[^\s"*#-][^\s"]{0,127})((?:[ \t]+(?:""|[\d.]{7,15}(?:\/\d{1,2})?))*[ \t]+\*(?:[ \t]+(?:\*|""|[\d.]{7,15}(?:\/\d{1,2})?))*[ \t]*)$/gy,
  },
  // pppd's `password` option on its command line.
  { name: 'pppd password', hint: (line) => line.includes('password') && line.includes('pppd'), pattern: /(\bpassword[ \t]{1,4})("[^"]{1,256}"|[^\s"]{1,256})()/g },
  // IPsec secrets: `%any : PSK "secret"`, `: XAUTH user "pw"` (the last token is the secret).
  { name: 'ipsec secret', hint: /:[ \t]*(?:PSK|EAP|XAUTH|NTLM)\b/, pattern: /(:[ \t]*(?:PSK|EAP|XAUTH|NTLM)[ \t]+(?:[^\s"']{1,256}[ \t]+)?)("[^"]{1,256}"|'[^']{1,256}'|[^\s"']{1,256})()/g },
  // snmpd.conf: `rocommunity secret 10.0.0.0/8`, `com2sec ro default secret`.
  { name: 'snmpd community', hint: /community|com2sec/, pattern: /(\b(?:r[ow]community6?[ \t]+|com2sec6?[ \t]+(?:-Cn[ \t]+\S+[ \t]+)?\S+[ \t]+\S+[ \t]+))(\S{1,256})()/g },
  // `echo 'root:pw' | chpasswd`: every `user:password` on a chpasswd line.
  { name: 'chpasswd pair', hint: 'chpasswd', pattern: /((?:^|[\s'"<(])[a-z_][a-z0-9_.-]{0,31}:)([^\s'":|;<>]{1,256})()/g },
  // FTP and SMTP dialogues in curl -v / ftp -d output: `> PASS secret`, `AUTH PLAIN base64`.
  { name: 'ftp pass', hint: 'PASS ', pattern: /^((?:> |---> |>>> |C: )PASS )(\S{1,256})()/g },
  { name: 'smtp auth', hint: 'AUTH PLAIN', pattern: /(\bAUTH PLAIN )([A-Za-z0-9+/]{8,512}={0,2})()/g },
  // `mosquitto_passwd -b file user password`, `htpasswd -bc file user password`: batch mode takes it last.
  {
    name: 'batch passwd',
    hint: /(?:mosquitto_passwd|htpasswd)[ \t].*-[A-Za-z]{0,3}b/,
    pattern: /(\b(?:mosquitto_passwd|htpasswd)(?:[ \t]+-[A-Za-z]{1,4}){1,4}[ \t]+[^\s-]\S{0,255}[ \t]+[^\s-]\S{0,63}[ \t]+)("[^"]{1,256}"|'[^']{1,256}'|[^\s"'-]\S{0,255})()/g,
  },
  // `mysql -uroot -pSecret`: the password attached to -p.
  { name: 'mysql -p', hint: 'mysql', pattern: /(\bmysql(?:dump|admin|show|check)?(?:[ \t]+\S{1,64}){0,16}?[ \t]+-p)([^\s-]\S{0,127})()/g },
  // hostapd_cli `wps_pin any 12345670`, `wps_ap_pin set 12345670`.
  { name: 'wps pin', hint: 'wps_', pattern: /(\bwps_(?:ap_)?pin[ \t]+\S{1,64}[ \t]+)(\d{4,8})()(?!\w)/g },
  // A LuCI/ubus session id after the word: `session 0f1e2d...`.
  { name: 'session id', hint: 'session', pattern: /(\bsession(?:[ \t]+id)?[ \t]{1,4})([0-9A-Fa-f]{16,64})()(?![\w-])/g },
  // A directive alone on a config line: `password secret` (pppd options), `remote_password x` (mosquitto.conf).
  { name: 'secret directive', hint: (line) => DIRECTIVE_LINE.test(line), pattern: /^(\s*[A-Za-z][\w-]{0,40}[ \t]+)("[^"]{1,256}"|'[^']{1,256}'|[^\s"']{1,256})()(?=\s*$)/gy },
  // Telegram bot tokens in a URL: `/bot123456789:AAH.../sendMessage`.
  { name: 'telegram bot token', hint: '/bot', pattern: /(\/bot)(\d{6,12}:[A-Za-z0-9_-]{30,64})()/g },
];

/** `label value` alone on a line whose label names a secret (checked by `classifyLabel` in the hint). */
const DIRECTIVE_LINE = {
  test(line: string): boolean {
    const m = /^\s*([A-Za-z][\w-]{0,40})[ \t]+\S+\s*$/.exec(line);
    if (!m) return false;
    const kind = classifyLabel(m[1]);
    return (kind === 'SECRET' || kind === 'PIN') && !assignmentOnly(m[1]);
  },
};

/** `LABEL is VALUE`, `LABEL was: VALUE`, `LABEL changed to VALUE`: a value stated in prose. */
const PROSE_SEPARATOR = /^[ \t]{1,4}(?:(?:is|was)(?:[ \t]{0,2}:)?|(?:set|changed|reset)[ \t]{1,4}to)[ \t]{1,4}$/;
/** A value after `&`, `;` or `,` goes on (`Pw&17x`), unless what follows is the next `key=`. */
const NEXT_PARAMETER = /^[A-Za-z_][\w.-]{0,40}=/;
/** An absolute path: a file that holds the secret, not the secret (`--auth-user-pass /etc/openvpn/auth`). */
const FILE_PATH =
  /^(?:~|\.{1,2})?\/(?:[\w.@+-]+\/)+[\w.@+-]+\/?$|^\/(?:etc|tmp|var|root|home|usr|dev|mnt|proc|sys|lib|opt|overlay|rom|www|sbin|bin|run|storage)(?:\/[\w.@+-]*)?$|^[\w.-]{1,64}\.(?:key|pem|crt|cert|p12|pfx|txt|conf|cfg|secret|secrets|passwd|auth)$/;

/**
 * A label and what separates it from its value: `imei: `, `"imei": "`, `password=`,
 * `option key '`, `Model Serial => `, `get_serial(0.05s): `, `Serial number: `, `IMEI 86...`.
 * The value itself is read by a kind-specific parser, so a label that turns out to be harmless
 * consumes nothing and the value is still scanned for other labels.
 */
const LABEL =
  /\b([A-Za-z][A-Za-z0-9_-]{0,40}(?: (?:[Nn]umber|[Nn]um\.?|[Nn]o\.?|[Cc]ode|[Kk]ey|[Aa]ddress|[Aa]ddr|[Ii][Dd]|[Ii]dentifier)|\/SV)?#?)(["']?[ \t]{0,4}(?:=>|[:=])[ \t]{0,4}|\(\d{1,4}(?:\.\d{1,6})?s\):[ \t]{0,4}|[ \t]{1,4}(?:(?:is|was)(?:[ \t]{0,2}:)?|(?:set|changed|reset)[ \t]{1,4}to)[ \t]{1,4}(?=\S)|[ \t]{1,4}(?=[\d+"']))/g;

/** `S/N: 1101234567`, `Board S/N : ...`, `s/n 1101234568`: the slash form the word pattern cannot take. */
const SLASH_SERIAL = /\b([Ss]\/[Nn]\)?[ \t]{0,4}[:=#]?[ \t]{0,4})(?=[A-Za-z0-9])/g;

/** `lsusb -v`: `iSerial  3 0123456789ABCDEF` (string index, then the serial). */
const LSUSB_SERIAL = /\b(iSerial[ \t]{1,24}\d{1,3}[ \t]{1,4})([A-Za-z0-9][A-Za-z0-9_.-]{3,63})(?![\w.-])/g;

const VALUE: Record<LabelKind, RegExp> = {
  // Written whole, or grouped as on a label: `35-209900-176148-1`, `35 209900 176148 1`, `35209900-176148-1`, IMEISV `...-23`.
  IMEI: /(?:\d{2}([- ])\d{6}\1\d{6}\1\d{1,2}|\d{8}-\d{6}-\d{1,2}|\d{14,17})(?![\w]|\.\d|[- ]\d)/y,
  // Whole, or MCC+MNC apart from the subscriber number.
  IMSI: /(?:\d{5,6}[- ]\d{8,10}|\d{13,15})(?![\w]|\.\d|[- ]\d)/y,
  // Whole, or in groups of four as printed on the SIM card.
  ICCID: /(?:\d{4}([- ])\d{4}\1\d{4}\1\d{4}\1\d{2,6}(?:\1?[Ff])?|\d{18,22}[Ff]?)(?![\w]|\.\d|[- ]\d)/y,
  SERIAL: /[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9])?(?![A-Za-z0-9_/-]|\.[A-Za-z0-9])/y,
  MAC: /(?:[0-9A-Fa-f]{12}|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-])/y,
  PHONE: /\+?\d{1,16}(?:[ -]?\(\d{1,5}\)[ -]?\d{1,8}(?!\d|[:.]\d))?(?:[ -]\d{1,8}(?!\d|[:.]\d)){0,5}(?!\d)/y,
  PIN: /\d{4,8}(?![\w])/y,
  WGKEY: /[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/y,
  TOKEN: /[A-Za-z0-9_.~+-]{1,512}/y,
  SECRET: /[^\s"'`,;&)}\]>]{1,512}/y,
};

const IPTABLES_MAC = /([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}):([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}):([0-9A-Fa-f]{2}:[0-9A-Fa-f]{2})(?![\w:])/y;

/** International numbers: `+370 612 34567`, `+37061234567`, `+1-202-555-0123`; a group followed by `:`/`.` and a digit is a time, not part of the number. */
/** Also `+7 (912) 345-67-89`, `+44 (0)7911 123456`, `+7(912)3456780` and `+1.202.555.0177`. */
const PHONE_INTERNATIONAL = /(?<![\w+])\+[1-9]\d{0,14}(?:(?:\.\d{1,8}){2,5}(?![\d.])|(?:[ -]?\(\d{1,5}\)[ -]?\d{1,8}(?!\d|[:.]\d))?(?:[ -]\d{1,8}(?!\d|[:.]\d)){0,5})/g;

/**
 * 15 digits (IMEI or IMSI) or an ICCID (89 + 17..18 digits, F padding), whole or grouped: an IMEI
 * as on a label (`35-209900-176148-1`, `35 209900 176148 1`, `35209900-176148-1`; its Luhn digit
 * decides), an ICCID in groups of four. Never part of a longer number, a decimal or a word. One
 * pattern, so a line is scanned once for all of them.
 */
const LONG_DIGITS = /\b(\d{2}([- ])\d{6}\2\d{6}\2\d(?![- ]\d)|\d{8}-\d{6}-\d(?![- ]\d)|89\d{2}([- ])\d{4}\3\d{4}\3\d{4}\3\d{3,4}(?:\3?[Ff])?(?![- ]\d)|\d{15}|89\d{17,18}[Ff]?)\b(?!\.\d)/g;
/** Words that make a 15-digit number a quantity or a time rather than an identity. */
const QUANTITY_BEFORE = /(?:time|stamp|ts|uptime|bytes|size|len|length|offset|seq|duration|count|total|rx|tx)["']?[ \t]{0,3}[:=]?[ \t]{0,3}["']?$/i;
const QUANTITY_AFTER = /^[ \t]?(?:bytes?|B|[kKMGT]i?B|ms|us|µs|ns|s|sec|secs|seconds|pkts|packets)\b/;

/**
 * `aa:bb:cc:dd:ee:ff`, `aa-bb-...`, and `aabbccddeeff` (judged by the word before it, see
 * MAC_WORD_BEFORE); the neighbours are checked in `mac()` (a lookbehind here costs a scan of every position).
 */
const MAC = /\b[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{10}(?![.:-]\w))\b/g;
/**
 * Twelve hex digits without separators are a MAC only after a word that says so (`HWaddr`,
 * `BSSID`, `MAC address:`); elsewhere they are as likely a hash or a build id.
 */
const MAC_WORD_BEFORE = /(?:mac|hwaddr|ether|bssid|station|sta|lladdr)(?:[ _-]?addr(?:ess)?)?["']?[ \t]{0,3}[:=]?[ \t]{0,3}["']?$/i;
/** Cisco `aabb.ccdd.eeff`, rare in router logs: a cheap test guards the full pattern. */
const MAC_DOTTED_HINT = /[0-9A-Fa-f]\.[0-9A-Fa-f]{4}\./;
const MAC_DOTTED = /\b[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\b(?!\.\w)/g;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Leading zeros are refused, so versions like `00.07.11.1` are not addresses; so is `a.b.c.d.e`. */
const IPV4 = new RegExp(`\\b${OCTET}(?:\\.${OCTET}){3}\\b(?!\\.\\d)`, 'g');
const VERSION_REVISION = /^-\d{1,4}(?![\d.])/;
/** The word before a four-part version; `versionBefore` checks it is a whole word (not `server`, `driver`, `prev`). */
const VERSION_BEFORE = /(?:version|ver|firmware|release|revision|rev)[ \t]{0,2}[:=]?[ \t]{0,2}v?$/i;
/** A colon-hex token; `parseIpv6` decides whether it is an address (times and USB ids are not). */
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:]|\.\w)/g;

/** Host names that end like this are the router's own (`root@OpenWrt.lan`), not a mailbox. */
const LOCAL_TLDS = new Set(['lan', 'local', 'localdomain', 'home', 'internal', 'localhost', 'arpa', 'intranet', 'corp']);
/** `getty@tty1.service`, `openvpn@client.conf`: systemd instances and file names, not mailboxes. */
const FILE_SUFFIXES = new Set([
  'service', 'socket', 'target', 'timer', 'mount', 'automount', 'slice', 'scope', 'device', 'swap', 'path',
  'conf', 'cfg', 'log', 'txt', 'json', 'yaml', 'yml', 'xml', 'ini', 'tar', 'gz', 'zip', 'bin', 'img', 'ipk',
]);

/** Values that name an interface or a port, which a label like `serial:` sometimes precedes. */
const DEVICE_NAME = /^(?:tty|cdc-wdm|wwan|wlan|eth|usb|mob\d|br-|phy|qmimux|rmnet|lan|wan)/i;

// ---------------------------------------------------------------------------------------------

function isLocalPartChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function normalizeMac(text: string): string {
  if (text.length === 17) return text.toLowerCase().replaceAll('-', ':');
  const hex = text.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
  return hex.replace(/(..)(?!$)/g, '$1:');
}

/** At least `n` colons; the full eight-group IPv6 form needs seven, a log time has two. */
function hasColons(text: string, n: number): boolean {
  let i = -1;
  for (let c = 0; c < n; c++) {
    i = text.indexOf(':', i + 1);
    if (i < 0) return false;
  }
  return true;
}

/** Not a device: all-zero, broadcast, IPv4/IPv6 multicast groups. */
function isAnonymousMac(norm: string): boolean {
  return norm === '00:00:00:00:00:00' || norm === 'ff:ff:ff:ff:ff:ff' || norm.startsWith('01:00:5e:') || norm.startsWith('33:33:');
}

/** Index of the closing quote of a value opened at `from - 1`, honouring JSON backslash escapes; -1 when the line ends first. */
function closingQuote(line: string, from: number, quote: string): number {
  const limit = Math.min(line.length, from + 4096);
  for (let i = from; i < limit; i++) {
    const c = line[i];
    if (c === '\\' && quote === '"') i++;
    else if (c === quote) return i;
  }
  return -1;
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

interface Judged {
  kind: RedactionKind;
  key: string;
}

/**
 * Whether a labelled value really is what its label says, and under which key it is numbered.
 * `colonProse` is true for an unquoted value after a colon, the form prose also takes.
 */
function judge(label: LabelKind, value: string, quoted: boolean, colonProse: boolean): Judged | undefined {
  switch (label) {
    // Grouped and whole spellings of one number share a placeholder: the key is its digits.
    case 'IMEI': {
      const digits = value.replace(/[- ]/g, '');
      return /^\d{14,17}$/.test(digits) ? { kind: 'IMEI', key: 'id:' + digits } : undefined;
    }
    case 'IMSI': {
      const digits = value.replace(/[- ]/g, '');
      return /^\d{13,15}$/.test(digits) ? { kind: 'IMSI', key: 'id:' + digits } : undefined;
    }
    case 'ICCID': {
      const digits = value.replace(/[- ]/g, '').replace(/[Ff]$/, '');
      return /^\d{18,22}$/.test(digits) ? { kind: 'ICCID', key: 'id:' + digits } : undefined;
    }
    case 'SERIAL':
      // `SerialNumber=3` is the kernel's string index and `SerialNumber: 0000` a placeholder the
      // modem reports; neither identifies a device.
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{3,63}$/.test(value) || !/\d/.test(value) || /^0+$/.test(value) || DEVICE_NAME.test(value)) return undefined;
      return { kind: 'SERIAL', key: 'id:' + value };
    case 'MAC': {
      if (!/^(?:[0-9A-Fa-f]{12}|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})$/.test(value)) return undefined;
      const norm = normalizeMac(value);
      return isAnonymousMac(norm) ? undefined : { kind: 'MAC', key: 'mac:' + norm };
    }
    case 'PHONE': {
      if (!/^\+?\d[\d ()-]*$/.test(value)) return undefined;
      const n = digitCount(value);
      if (n < 6 || n > 16) return undefined;
      return { kind: 'PHONE', key: 'tel:' + (value.startsWith('+') ? '+' : '') + value.replace(/\D/g, '') };
    }
    case 'PIN':
      // `"pin": 3` in get_pin_count is retries left, which a SIM diagnosis needs.
      return /^\d{4,8}$/.test(value) ? { kind: 'SECRET', key: 's:' + value } : undefined;
    case 'WGKEY':
      return /^[A-Za-z0-9+/]{43}=$/.test(value) ? { kind: 'SECRET', key: 's:' + value } : undefined;
    case 'TOKEN':
      return value.length >= 4 && !/^0+$/.test(value) && !/<[A-Z0-9]+-\d+>/.test(value) ? { kind: 'SECRET', key: 's:' + value } : undefined;
    case 'SECRET': {
      if (value.length === 0 || value === ALREADY_REMOVED || /^\*+$/.test(value) || /^\d$/.test(value)) return undefined;
      if (/^[(<[{]/.test(value) && !quoted) return undefined;
      // Already a placeholder, or holding one (a one-line PEM key whose body is gone).
      if (/<[A-Z0-9]+-\d+>/.test(value) || /^\((?:hidden|none|null)\)$/i.test(value)) return undefined;
      if (!quoted && colonProse && NOT_A_SECRET_WORD.has(value.toLowerCase())) return undefined;
      if (FILE_PATH.test(value)) return undefined;
      return { kind: 'SECRET', key: 's:' + value };
    }
  }
}

/**
 * One placeholder table for a whole report or several files. Not safe to share between
 * unrelated documents if their placeholders must not correlate.
 */
export class Redactor {
  private readonly table = new Map<string, Placeholder>();
  private readonly distinct: Record<RedactionKind, number> = Redactor.zeros();
  private readonly counts: Record<RedactionKind, number> = Redactor.zeros();
  /** Placeholder of a PEM key block whose END line has not come yet. */
  private pem: string | undefined;

  private static zeros(): Record<RedactionKind, number> {
    return { IMEI: 0, IMSI: 0, ICCID: 0, SERIAL: 0, MAC: 0, IPV4: 0, IPV6: 0, PHONE: 0, EMAIL: 0, SECRET: 0 };
  }

  /**
   * The text with every secret substring replaced; the number of lines and everything else are
   * unchanged. A PEM block may span calls (one line per call is how the CLI streams a file).
   */
  redact(text: string): string {
    if (text.indexOf('\n') < 0) return this.redactLine(text);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) lines[i] = this.redactLine(lines[i]);
    return lines.join('\n');
  }

  /** Kinds with at least one replacement, in `REDACTION_KINDS` order. */
  summary(): RedactionCount[] {
    return REDACTION_KINDS.filter((k) => this.counts[k] > 0).map((kind) => ({ kind, count: this.counts[kind], distinct: this.distinct[kind] }));
  }

  /** Closes a PEM block a file left open, so it does not swallow the next file; keeps the table. */
  endOfInput(): void {
    this.pem = undefined;
  }

  private place(kind: RedactionKind, key: string): string {
    let p = this.table.get(key);
    if (p === undefined) {
      p = { text: `<${kind}-${++this.distinct[kind]}>`, kind };
      this.table.set(key, p);
    }
    this.counts[p.kind]++;
    return p.text;
  }

  private fresh(kind: RedactionKind): string {
    this.counts[kind]++;
    return `<${kind}-${++this.distinct[kind]}>`;
  }

  private redactLine(line: string): string {
    if (line.length === 0) return line;
    let s = line;
    if (this.pem !== undefined || s.includes('-----BEGIN ')) s = this.pemBlocks(s);
    if (AUTH_HINT.test(s)) s = this.authorization(s);
    if (s.includes('://')) s = s.replace(URL_CREDENTIALS, (_m, head: string, pass: string) => `${head}${this.place('SECRET', 's:' + pass)}@`);
    const rare = RARE_HINT.test(s);
    for (const shape of SECRET_SHAPES) {
      if (!rare && !shape.anchored) continue;
      const hinted = typeof shape.hint === 'string' ? s.includes(shape.hint) : typeof shape.hint === 'function' ? shape.hint(s) : shape.hint.test(s);
      if (hinted) s = this.shape(s, shape.pattern);
    }
    if (AT_HINT.test(s)) s = this.atCommands(s);
    if (rare && COMMAND_HINT.test(s)) s = this.commandCredentials(s);
    if (s.includes('-')) s = this.flags(s);
    if (s.includes('iSerial')) s = s.replace(LSUSB_SERIAL, (m: string, head: string, value: string) => (judge('SERIAL', value, false, false) ? head + this.place('SERIAL', 'id:' + value) : m));
    if (s.includes('/')) s = this.slashSerials(s);
    s = this.labelled(s);
    if (s.includes('+')) s = s.replace(PHONE_INTERNATIONAL, (m: string, offset: number, str: string) => this.internationalPhone(m, offset, str));
    s = s.replace(LONG_DIGITS, (m: string, _d: string, _s1: string, _s2: string, offset: number, str: string) => this.longDigits(m, offset, str));
    s = s.replace(MAC, (m: string, _sep: string, offset: number, str: string) => this.mac(m, offset, str));
    if (s.includes('.')) {
      if (MAC_DOTTED_HINT.test(s)) s = s.replace(MAC_DOTTED, (m: string, offset: number, str: string) => (str[offset - 1] === '.' ? m : this.macValue(m)));
      s = s.replace(IPV4, (m: string, offset: number, str: string) => this.ipv4(m, offset, str));
    }
    if (s.includes('::') || hasColons(s, 7)) s = s.replace(IPV6, (m: string) => this.ipv6(m));
    if (s.includes('@')) s = this.emails(s);
    return s;
  }

  // --- PEM -------------------------------------------------------------------------------------

  private pemBlocks(line: string): string {
    let out = '';
    let rest = line;
    if (this.pem !== undefined) {
      const end = rest.indexOf('-----END');
      if (end < 0) return maskKeepingSpace(rest, this.pem);
      out = maskKeepingSpace(rest.slice(0, end), this.pem);
      rest = rest.slice(end);
      this.pem = undefined;
    }
    PEM_BEGIN.lastIndex = 0;
    for (;;) {
      const m = PEM_BEGIN.exec(rest);
      if (!m) break;
      const head = m.index + m[0].length;
      if (!PEM_SECRET.test(m[1])) continue;
      const end = rest.indexOf('-----END', head);
      if (end >= 0) {
        // A key on one line, as JSON or a shell variable carries it (`\n` escapes inside).
        const body = rest.slice(head, end);
        const key = body.replace(/\\n|\s/g, '');
        out += rest.slice(0, head) + (key.length > 0 ? maskKeepingSpace(body, this.place('SECRET', 'pem:' + key)) : body);
        rest = rest.slice(end);
        PEM_BEGIN.lastIndex = 0;
      } else {
        // The body follows on the next lines; it is not known yet, so it cannot be matched to an
        // earlier copy of the same key and gets a placeholder of its own.
        this.pem = this.fresh('SECRET');
        out += rest.slice(0, head) + maskKeepingSpace(rest.slice(head), this.pem);
        rest = '';
        break;
      }
    }
    return out + rest;
  }

  // --- Authorization headers, AT commands, command-line flags ----------------------------------

  private authorization(line: string): string {
    let s = line.replace(AUTH_HEADER, (m: string, head: string, token: string) => (token === ALREADY_REMOVED || token.startsWith('<') ? m : head + this.place('SECRET', 's:' + token)));
    s = s.replace(BEARER, (m: string, head: string, token: string) => (token.startsWith('<') ? m : head + this.place('SECRET', 's:' + token)));
    return s;
  }

  private atCommands(line: string): string {
    let s = line.replace(AT_PIN, (_m: string, head: string, args: string) => head + args.replace(AT_PIN_DIGITS, (d: string) => this.place('SECRET', 's:' + d)));
    s = s.replace(AT_APN_AUTH, (m: string, head: string, cmd: string, args: string) => {
      const secretIndex = AT_APN_PASSWORD_ARG[cmd.toUpperCase()];
      if (secretIndex === undefined) return m;
      // Walk the arguments: quoted ones may hold commas.
      let pos = 0;
      for (let i = 0; pos <= args.length; i++) {
        AT_ARG.lastIndex = pos;
        const arg = AT_ARG.exec(args)?.[0] ?? '';
        if (i === secretIndex) {
          const inner = arg.startsWith('"') ? arg.slice(1, -1) : arg.trim();
          if (inner.length === 0 || inner.startsWith('<')) return m;
          const p = this.place('SECRET', 's:' + inner);
          return head + args.slice(0, pos) + (arg.startsWith('"') ? `"${p}"` : p) + args.slice(pos + arg.length);
        }
        pos += arg.length;
        if (args[pos] !== ',') break;
        pos++;
      }
      return m;
    });
    const cmd = AT_NUMBER_COMMAND.exec(s);
    if (cmd) {
      const from = cmd.index + cmd[0].length;
      s = s.slice(0, from) + s.slice(from).replace(QUOTED_NUMBER, (_q: string, num: string) => `"${this.place('PHONE', 'tel:' + num)}"`);
    }
    return s;
  }

  private flags(line: string): string {
    return line.replace(FLAG, (m: string, dashes: string, name: string, space: string, value: string) => {
      const kind = classifyLabel(name);
      if (!kind) return m;
      const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0];
      let inner = quoted ? value.slice(1, -1) : value;
      if (kind === 'SECRET' && INDIRECT_VALUE.test(inner)) return m;
      // openssl's `-password pass:secret`: the prefix says how, the rest is the secret.
      const prefix = kind === 'SECRET' && PASS_PREFIX.test(inner) ? 'pass:' : '';
      inner = inner.slice(prefix.length);
      const j = judge(kind, inner, quoted, false);
      if (!j) return m;
      const p = prefix + this.place(j.kind, j.key);
      return `${dashes}${name}${space}${quoted ? value[0] + p + value[0] : p}`;
    });
  }

  /** `curl -u user:pw`, `mosquitto_pub -P pw`, `sshpass -p pw`, `snmpwalk -c community`: see COMMAND_CREDENTIALS. */
  private commandCredentials(line: string): string {
    let s = line;
    for (const c of COMMAND_CREDENTIALS) {
      if (!c.command.test(s)) continue;
      s = s.replace(c.option, (m: string, head: string, value: string) => {
        const q = value[0] === '"' || value[0] === "'" ? value[0] : '';
        const inner = q ? value.slice(1, -1) : value;
        let from = 0;
        if (c.after !== undefined) {
          const at = inner.indexOf(c.after);
          if (at < 0) return m; // a user name alone
          from = at + c.after.length;
        } else if (PASS_PREFIX.test(inner)) {
          from = 'pass:'.length;
        } else if (INDIRECT_VALUE.test(inner)) {
          return m;
        }
        const secret = inner.slice(from);
        if (secret.length === 0 || /<[A-Z0-9]+-\d+>/.test(secret)) return m;
        return head + q + inner.slice(0, from) + this.place('SECRET', 's:' + secret) + q;
      });
    }
    return s;
  }

  /** One SECRET_SHAPES pattern: group 2 is the secret, quotes around it stay. */
  private shape(line: string, pattern: RegExp): string {
    pattern.lastIndex = 0;
    if (!pattern.test(line)) return line;
    return line.replace(pattern, (m: string, head: string, secret: string, tail: string) => {
      const q = secret.length >= 2 && (secret[0] === '"' || secret[0] === "'") && secret[secret.length - 1] === secret[0] ? secret[0] : '';
      const inner = q ? secret.slice(1, -1) : secret;
      if (/<[A-Z0-9]+-\d+>/.test(inner) || inner === ALREADY_REMOVED) return m;
      if (!q && NOT_A_SECRET_WORD.has(inner.toLowerCase())) return m;
      if (FILE_PATH.test(inner)) return m;
      return head + q + this.place('SECRET', 's:' + inner) + q + (tail ?? '');
    });
  }

  /** `S/N: 1101234567` and its spellings: the value is read and judged like a labelled serial. */
  private slashSerials(line: string): string {
    SLASH_SERIAL.lastIndex = 0;
    let out = '';
    let last = 0;
    for (;;) {
      const m = SLASH_SERIAL.exec(line);
      if (!m) break;
      const pos = m.index + m[0].length;
      const re = VALUE.SERIAL;
      re.lastIndex = pos;
      const v = re.exec(line);
      const j = v ? judge('SERIAL', v[0], false, false) : undefined;
      if (v && j) {
        out += line.slice(last, pos) + this.place(j.kind, j.key);
        last = pos + v[0].length;
        SLASH_SERIAL.lastIndex = last;
      }
    }
    return last === 0 ? line : out + line.slice(last);
  }

  // --- labelled values ---------------------------------------------------------------------------

  private labelled(line: string): string {
    LABEL.lastIndex = 0;
    let out = '';
    let last = 0;
    for (;;) {
      const m = LABEL.exec(line);
      if (!m) break;
      const label = m[1];
      const sep = m[2];
      let kind = classifyLabel(label);
      if (kind && assignmentOnly(label) && !sep.includes('=')) kind = null;
      const prose = kind !== null && PROSE_SEPARATOR.test(sep);
      if (prose && !statesValueInProse(label, kind!)) kind = null;
      const r = kind ? this.labelledValue(kind, line, m.index + m[0].length, sep, prose, label) : undefined;
      if (r) {
        out += line.slice(last, r.start) + r.text;
        last = r.end;
        LABEL.lastIndex = r.end;
      } else {
        // The separator and value are scanned again: `foo: password=x` must still find `password`;
        // so is the second word of a two-word label (`option number '...'` is a `number`).
        const space = label.indexOf(' ');
        LABEL.lastIndex = m.index + (space > 0 ? space + 1 : label.length);
      }
    }
    return last === 0 ? line : out + line.slice(last);
  }

  private labelledValue(kind: LabelKind, line: string, pos: number, sep: string, prose: boolean, label: string): { start: number; end: number; text: string } | undefined {
    const q = line[pos];
    const colonProse = prose || (sep.includes(':') && !sep.includes('='));
    if (q === '"' || q === "'") {
      const close = closingQuote(line, pos + 1, q);
      // An unterminated quote still hides the rest of a secret, but an id must be whole.
      if (close < 0 && kind !== 'SECRET') return undefined;
      let end = close < 0 ? Math.min(line.length, pos + 1 + 4096) : close;
      while (close < 0 && end > pos + 1 && /\s/.test(line[end - 1])) end--;
      const j = judge(kind, line.slice(pos + 1, end), true, colonProse);
      return j ? { start: pos + 1, end, text: this.place(j.kind, j.key) } : undefined;
    }
    // `IMEI 860...` is clear, `serial 1-1.4` or `key 5` is prose.
    const spaceOnly = sep.trim() === '' && !prose;
    if (spaceOnly && kind !== 'IMEI' && kind !== 'IMSI' && kind !== 'ICCID' && kind !== 'PHONE' && !(kind === 'SERIAL' && label === 'SN')) return undefined;
    if (kind === 'MAC') {
      // iptables `MAC=` is destination, source and ethertype in one colon run: both MACs go.
      IPTABLES_MAC.lastIndex = pos;
      const t = IPTABLES_MAC.exec(line);
      if (t) {
        const a = normalizeMac(t[1]);
        const b = normalizeMac(t[2]);
        const text = `${isAnonymousMac(a) ? t[1] : this.place('MAC', 'mac:' + a)}:${isAnonymousMac(b) ? t[2] : this.place('MAC', 'mac:' + b)}:${t[3]}`;
        return { start: pos, end: pos + t[0].length, text };
      }
    }
    const re = VALUE[kind];
    if (kind === 'SECRET' && /[(<[{]/.test(q ?? '')) return undefined;
    re.lastIndex = pos;
    const m = re.exec(line);
    if (!m) return undefined;
    let value = m[0];
    if (kind === 'SECRET') value = extendSecret(line, pos, value);
    const j = judge(kind, value, false, colonProse);
    return j ? { start: pos, end: pos + value.length, text: this.place(j.kind, j.key) } : undefined;
  }

  // --- bare values ---------------------------------------------------------------------------

  private internationalPhone(m: string, offset: number, str: string): string {
    const next = str.charCodeAt(offset + m.length);
    if (next >= 48 && next <= 57) return m; // part of a longer digit run
    const n = digitCount(m);
    if (n < 8 || n > 15) return m;
    return this.place('PHONE', 'tel:+' + m.replace(/\D/g, ''));
  }

  private longDigits(m: string, offset: number, str: string): string {
    const before = str[offset - 1];
    if (before === '.' || before === '+') return m; // a decimal fraction, or a phone number left whole
    if (m.length > 15 && (m.includes(' ') || m.includes('-'))) {
      if (before === '-') return m;
      const digits = m.replace(/[- ]|[Ff]$/g, '');
      if (digits.length >= 18) return this.place('ICCID', 'id:' + digits);
      return luhnValid(digits) ? this.place('IMEI', 'id:' + digits) : m;
    }
    if (m.length >= 18) return this.place('ICCID', 'id:' + m.replace(/[Ff]$/, ''));
    // gsmctl -i / -x and AT+CGSN / AT+CIMI print the bare number; a byte count or an epoch in
    // microseconds has the same length but comes with a unit or a quantity label.
    if (QUANTITY_AFTER.test(str.slice(offset + m.length, offset + m.length + 10))) return m;
    if (QUANTITY_BEFORE.test(str.slice(Math.max(0, offset - 16), offset))) return m;
    if (luhnValid(m)) return this.place('IMEI', 'id:' + m);
    if (plausibleMcc(m)) return this.place('IMSI', 'id:' + m);
    return m;
  }

  private mac(m: string, offset: number, str: string): string {
    if (m.length === 12) return wordBefore(MAC_WORD_BEFORE, str, offset) ? this.macValue(m) : m;
    const before = str[offset - 1];
    if (before === '.' || before === '-') return m;
    // Six groups of a longer colon run (EUI-64, a fingerprint) are not a MAC.
    const after = str.charCodeAt(offset + m.length);
    if ((after === 58 || after === 45) && isHex(str.charCodeAt(offset + m.length + 1))) return m;
    if (offset >= 2 && before === ':') {
      let i = offset - 2;
      let hex = 0;
      while (i >= 0 && hex < 5 && isHex(str.charCodeAt(i))) {
        i--;
        hex++;
      }
      if (hex > 0 && hex <= 4 && (i < 0 || !isAlnum(str.charCodeAt(i)))) return m;
    }
    return this.macValue(m);
  }

  private macValue(m: string): string {
    const norm = normalizeMac(m);
    return isAnonymousMac(norm) ? m : this.place('MAC', 'mac:' + norm);
  }

  private ipv4(m: string, offset: number, str: string): string {
    if (str[offset - 1] === '.' || !isPublicIpv4(m)) return m;
    // A four-part version: `1.2.5.1-2` (package revision), `firmware version 1.2.3.4`. A range
    // such as `85.1.2.3-85.1.2.9` goes on with dots and is still an address.
    const end = offset + m.length;
    if (str[end] === '-' && VERSION_REVISION.test(str.slice(end, end + 8))) return m;
    if (wordBefore(VERSION_BEFORE, str, offset)) return m;
    return this.place('IPV4', 'ip:' + m);
  }


  private ipv6(m: string): string {
    // `2a00::1:` at the end of a phrase: the colon belongs to the sentence.
    let token = m;
    let tail = '';
    if (token.endsWith(':') && !token.endsWith('::')) {
      token = token.slice(0, -1);
      tail = ':';
    }
    const groups = parseIpv6(token);
    if (!groups || !isPublicIpv6(groups)) return m;
    return this.place('IPV6', 'ip6:' + canonicalIpv6(groups)) + tail;
  }

  private emails(line: string): string {
    let out = '';
    let last = 0;
    let at = line.indexOf('@');
    while (at >= 0) {
      let s = at;
      while (s > last && s > at - 64 && isLocalPartChar(line.charCodeAt(s - 1))) s--;
      const tooLong = s > 0 && s > last && isLocalPartChar(line.charCodeAt(s - 1));
      while (s < at && line[s] === '.') s++;
      let e = at + 1;
      while (e < line.length && e < at + 254 && isDomainChar(line.charCodeAt(e))) e++;
      while (e > at + 1 && (line[e - 1] === '.' || line[e - 1] === '-')) e--;
      if (s < at && !tooLong && isMailDomain(line.slice(at + 1, e))) {
        out += line.slice(last, s) + this.place('EMAIL', 'email:' + line.slice(s, e).toLowerCase());
        last = e;
        at = line.indexOf('@', e);
      } else {
        at = line.indexOf('@', at + 1);
      }
    }
    return last === 0 ? line : out + line.slice(last);
  }
}

/**
 * Whether `re` (anchored with `$`) matches the text just before `offset`, starting on a word
 * boundary: `version 1.2.3.4` is a version, `nameserver 1.2.3.4` and `prev 1.2.3.4` are not.
 */
function wordBefore(re: RegExp, str: string, offset: number): boolean {
  const from = Math.max(0, offset - 24);
  const m = re.exec(str.slice(from, offset));
  if (!m) return false;
  const c = str.charCodeAt(from + m.index - 1);
  return !((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

/**
 * An unquoted secret read up to `&`, `;` or `,` goes on when the text after the stop is more of
 * it (`password=Pw&17x`) rather than the next parameter (`password=x&user=y`) or a new clause.
 */
function extendSecret(line: string, pos: number, value: string): string {
  let end = pos + value.length;
  const limit = Math.min(line.length, pos + 512);
  while (end < limit) {
    const c = line[end];
    if (c !== '&' && c !== ';' && c !== ',') break;
    const next = line[end + 1];
    if (next === undefined || /[\s"'`,;&)}\]>]/.test(next) || NEXT_PARAMETER.test(line.slice(end + 1, end + 43))) break;
    const re = VALUE.SECRET;
    re.lastIndex = end + 1;
    const more = re.exec(line);
    if (!more) break;
    end += 1 + more[0].length;
  }
  return line.slice(pos, Math.min(end, limit));
}

function isMailDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) return false;
  const tld = labels[labels.length - 1];
  const lower = tld.toLowerCase();
  return /^[A-Za-z]{2,24}$/.test(tld) && !LOCAL_TLDS.has(lower) && !FILE_SUFFIXES.has(lower);
}

/** `text` replaced by `placeholder`, keeping its leading and trailing white space (indentation, CR). */
function maskKeepingSpace(text: string, placeholder: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return a === b ? text : text.slice(0, a) + placeholder + text.slice(b);
}
