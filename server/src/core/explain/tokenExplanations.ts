import { DFOTA_CODES } from '../catalogue/tables/dfotaCodes';
import { errnoInfo } from '../catalogue/tables/errno';
import { NOT_MODEMS, usbModel } from '../catalogue/tables/usbIds';
import { formatTime } from '../records/timeWords';

/** What a token of a log line means. Text is plain; the caller escapes log-derived parts. */
export interface TokenExplanation {
  /** Character range of the token in the line. */
  start: number;
  end: number;
  title: string;
  text: string;
  sources: string[];
}

export interface TokenContext {
  /** Wall time (ms) for a kernel uptime on this line, when the boot's clocks are known. */
  uptimeToTime?: (uptime: number) => number | undefined;
}

interface TokenRule {
  pattern: RegExp;
  explain: (m: RegExpExecArray, ctx: TokenContext) => Omit<TokenExplanation, 'start' | 'end'> | undefined;
}

function usbIdText(id: string): { title: string; text: string; sources: string[] } | undefined {
  const model = usbModel(id);
  if (model?.edl) {
    return { title: `USB ID ${id}: ${model.model}`, text: 'The modem runs no firmware and waits to be flashed: no AT ports, gsmd and gsmctl cannot reach it. Re-flash it (modem_updater finds EDL devices at the modem\'s USB path) with stable power and another WAN, or ask for an RMA.', sources: model.sources };
  }
  if (model) {
    const how = [model.mode ? `RutOS drives it in ${model.mode} mode` : '', model.atInterface !== undefined ? `its AT port is USB interface ${model.atInterface}` : ''].filter(Boolean).join('; ');
    return { title: `USB ID ${id}: ${model.model}`, text: how ? `${how} (Teltonika's /lib/network/wwan/${id} file).` : `Vendor ${model.vendor}.`, sources: model.sources };
  }
  const other = NOT_MODEMS[id.toLowerCase()];
  return other ? { title: `USB ID ${id}: ${other}`, text: 'Not a modem.', sources: ['F9'] } : undefined;
}

// Token kinds, most specific first: the first rule whose match covers the cursor wins.
const RULES: TokenRule[] = [
  {
    pattern: /`(\d+-[\d.]+) \[([0-9a-fA-F]{4}:[0-9a-fA-F]{4})\]`/g,
    explain: (m) => {
      const id = usbIdText(m[2]);
      const [bus, ...ports] = m[1].split(/[-.]/);
      return {
        title: `Modem ${m[1]} [${m[2]}]${id ? `: ${id.title.replace(/^USB ID \S+: /, '')}` : ''}`,
        text: `gsmd names a modem by its USB path and VID:PID. USB path ${m[1]} is bus ${bus}, port ${ports.join(' then ')}; on RUT901/951 the internal modem sits at 1-1, on RUT906/956 behind a hub at 1-1.4.${id ? ' ' + id.text : ''}`,
        sources: ['S8', 'S26', ...(id?.sources ?? [])],
      };
    },
  },
  { pattern: /\b[0-9a-fA-F]{4}:[0-9a-fA-F]{4}\b/g, explain: (m) => usbIdText(m[0]) },
  {
    pattern: /idVendor=([0-9a-fA-F]{4}), idProduct=([0-9a-fA-F]{4})/g,
    explain: (m) => usbIdText(`${m[1]}:${m[2]}`),
  },
  {
    pattern: /\berrno:? (\d+)|\berror -(\d+)\b|\(-(\d+)\)|: -(\d+)$/g,
    explain: (m) => {
      const n = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
      const e = errnoInfo(n);
      if (!e) return { title: `errno ${n}`, text: 'A Linux error number; this one is not in GSM Log Lens\'s table.', sources: ['K5'] };
      return { title: `errno ${n} = ${e.name} (${e.text})`, text: e.onModemTty, sources: e.sources };
    },
  },
  {
    pattern: /ErrorCode: (\d+)/g,
    explain: (m) => {
      const c = DFOTA_CODES[Number(m[1])];
      return c ? { title: `dfota error ${m[1]} (${c.constant})`, text: `The WebUI shows "${c.webui}". ${c.meaning}`, sources: ['S3', 'S4'] } : undefined;
    },
  },
  {
    pattern: /\[\s*(\d{1,10}\.\d{1,9})\]/g,
    explain: (m, ctx) => {
      const up = Number(m[1]);
      const wall = ctx.uptimeToTime?.(up);
      const when = wall !== undefined ? ` On the wall clock that is about ${formatTime(wall)}, from the lines of this boot that carry both clocks.` : ' The log gives no wall time for this boot, so only the order of kernel lines is known.';
      return { title: `Kernel uptime ${up.toFixed(3)} s`, text: `Seconds since the system booted (printk time). It does not jump when the clock is set.${when}`, sources: ['O2'] };
    },
  },
  {
    pattern: /\bttyUSB(\d+)\b/g,
    explain: (m) => ({
      title: `ttyUSB${m[1]}: a usb-serial port of the modem`,
      text: 'The option driver makes one ttyUSB port per serial interface of the modem (AT commands, diagnostics, GNSS, PPP). Numbers are handed out in order; when the modem comes back while a process still holds its old, dead port, the new ports get higher numbers until the next reboot.',
      sources: ['F6', 'K4', 'W1'],
    }),
  },
  {
    pattern: /\bmob(\d+)s(\d+)a(\d+)(?:e\d+)?(_[46])?\b/g,
    explain: (m) => ({
      title: `${m[0]}: RutOS mobile interface`,
      text: `Modem ${m[1]}, SIM ${m[2]}, APN profile ${m[3]}${m[4] ? `, the IPv${m[4].slice(1)} sub-interface` : ''}. RutOS creates mob<modem>s<SIM>a<APN> for each mobile connection.`,
      sources: ['S21', 'S7'],
    }),
  },
  {
    pattern: /\b(cdc_ether|rndis_host|qmi_wwan|cdc_mbim|cdc_ncm|option)\b/g,
    explain: (m) => {
      const what: Record<string, string> = {
        cdc_ether: 'ECM (CDC Ethernet) data interface. Teltonika drives the EC200A (2c7c:6005) in RNDIS mode; cdc_ether on it means the modem is in its ECM composition, with interfaces and ports numbered differently.',
        rndis_host: 'RNDIS data interface, the mode Teltonika configures for the EC200A.',
        qmi_wwan: 'QMI data interface (EC25, EG06, EG12, RG50x...), with a cdc-wdm control device.',
        cdc_mbim: 'MBIM data interface.',
        cdc_ncm: 'NCM data interface.',
        option: 'The usb-serial driver for modem AT, diagnostic, GNSS and PPP ports: each interface it binds becomes a ttyUSB port.',
      };
      return { title: `Kernel driver ${m[1]}`, text: what[m[1]], sources: ['K6', 'S6', 'K1'] };
    },
  },
  {
    pattern: /\bgsm\.modem(\d+)\b/g,
    explain: (m) => ({ title: `${m[0]}: gsmd's ubus object for modem ${m[1]}`, text: 'gsmctl, mobifd and dfota talk to the modem through this object; it exists only while gsmd has the modem registered.', sources: ['S8', 'S18'] }),
  },
];

/** The explanation of the token under `character` in `line`, if it is one GSM Log Lens knows. */
export function explainTokenAt(line: string, character: number, ctx: TokenContext = {}): TokenExplanation | undefined {
  const text = line.length > 4096 ? line.slice(0, 4096) : line;
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (character >= start && character <= end) {
        const e = rule.explain(m, ctx);
        if (e) return { start, end, ...e };
      }
      if (start > character) break;
    }
  }
  return undefined;
}
