import { usbModel } from '../catalogue/tables/usbIds';

// What a troubleshoot archive says about the device besides its logs (knowledge 1.7 and 6):
// `sysinfo.log` holds `lsusb` under [USB DEVICES] and /etc/version; `gsm.log` the modem's answers
// to gsmd (`get_firmware`) or "Modem not responding to AT commands"; `root/tmp/` the WebUI's
// /tmp/dfota_status.json, which drives the "firmware update is in progress" banner [S3][S4][S9].

export interface UsbDeviceFact {
  vidpid: string;
  model?: string;
  edl: boolean;
  /** Where it was listed: file path inside the archive and 1-based line. */
  file: string;
  line: number;
}

export interface DeviceFacts {
  rutosVersion?: string;
  /** `lsusb` at the time the troubleshoot file was made; undefined when the archive has none. */
  usbDevices?: UsbDeviceFact[];
  modemFirmware?: string;
  /** False when gsm.log says the modem did not answer AT commands. */
  modemAnswered?: boolean;
  /** /tmp/dfota_status.json as found, and the update state it names, if any. */
  dfotaStatus?: { state?: string; raw: string };
}

const UPDATE_STATES = new Set(['downloading', 'waiting', 'updating']);

export interface TextFile {
  path: string;
  text: string;
}

/** Reads the device facts out of the archive's non-log files. Never throws on odd content. */
export function readDeviceFacts(files: readonly TextFile[]): DeviceFacts {
  const facts: DeviceFacts = {};
  const byName = (name: RegExp): TextFile | undefined => files.find((f) => name.test(f.path));
  const sysinfo = byName(/(^|\/)sysinfo\.log$/);
  if (sysinfo) {
    const version = /\b([A-Z0-9]{3,8}_[A-Z]_(?:GPL_)?\d{2}\.\d{2}\.\d{2,3}(?:\.\d+)?)\b/.exec(sysinfo.text);
    if (version) facts.rutosVersion = version[1];
    const lines = sysinfo.text.split('\n');
    const start = lines.findIndex((l) => /^\[USB DEVICES\]/.test(l.trim()));
    if (start >= 0) {
      facts.usbDevices = [];
      for (let i = start + 1; i < lines.length && !/^\[[^\]]+\]\]?\s*$/.test(lines[i].trim()); i++) {
        const m = /Bus \d{3} Device \d{3}: ID ([0-9a-fA-F]{4}:[0-9a-fA-F]{4})/.exec(lines[i]);
        if (!m) continue;
        const model = usbModel(m[1]);
        facts.usbDevices.push({ vidpid: m[1].toLowerCase(), ...(model ? { model: model.model } : {}), edl: !!model?.edl, file: sysinfo.path, line: i + 1 });
      }
    }
  }
  const gsm = byName(/(^|\/)gsm\.log$/);
  if (gsm) {
    if (/Modem not responding to AT commands/.test(gsm.text)) facts.modemAnswered = false;
    const at = gsm.text.search(/get_firmware\([^)]*\):/);
    if (at >= 0) {
      const firmware = firstString(jsonAfter(gsm.text, at));
      if (firmware) {
        facts.modemFirmware = firmware;
        facts.modemAnswered ??= true;
      }
    }
  }
  const dfota = byName(/(^|\/)tmp\/dfota_status\.json$/);
  if (dfota) {
    const raw = dfota.text.trim().slice(0, 2000);
    facts.dfotaStatus = { raw };
    try {
      const state = allStrings(JSON.parse(raw)).find((s) => UPDATE_STATES.has(s.toLowerCase()));
      if (state) facts.dfotaStatus.state = state.toLowerCase();
    } catch {
      const m = /"(downloading|waiting|updating)"/i.exec(raw);
      if (m) facts.dfotaStatus.state = m[1].toLowerCase();
    }
  }
  return facts;
}

/** Whether the facts show the modem on the bus in normal mode (a known modem ID, not EDL). */
export function modemOnBus(facts: DeviceFacts): UsbDeviceFact | undefined {
  return facts.usbDevices?.find((d) => d.model && !d.edl);
}

export function edlOnBus(facts: DeviceFacts): UsbDeviceFact | undefined {
  return facts.usbDevices?.find((d) => d.edl);
}

export function updateInProgress(facts: DeviceFacts): boolean {
  return !!facts.dfotaStatus?.state;
}

/** The JSON value that starts at the first `{` after `from`, or undefined. */
function jsonAfter(text: string, from: number): unknown {
  const open = text.indexOf('{', from);
  if (open < 0 || open - from > 200) return undefined;
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + 20000); i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(open, i + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function allStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(allStrings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(allStrings);
  return [];
}

function firstString(v: unknown): string | undefined {
  return allStrings(v).find((s) => s.trim() !== '');
}
