// USB VID:PID -> modem model, from Teltonika's /lib/network/wwan/<vid>:<pid> files [S6], gsmd's
// built-in list [S8] and the kernel's option.c [K2] (knowledge section 4.1).
// `mode` is the data mode RutOS drives the modem in; `atInterface` the USB interface of its AT port.

export interface UsbModel {
  model: string;
  vendor: string;
  mode?: string;
  atInterface?: number;
  /**
   * The chipset family, where a source names it: it decides the download-mode ID to look for.
   * 05c6:9008 is Qualcomm's EDL ID (EC25, EG06, EG12, RG5xx); the EC200A is ASR-based and flashed
   * with QDLoader, and no source gives its download-mode ID (knowledge 3.6) [S22].
   */
  chipset?: 'qualcomm' | 'asr';
  /** Qualcomm/Telit emergency download mode: the modem has no firmware running. */
  edl?: boolean;
  sources: string[];
}

export const USB_IDS: Record<string, UsbModel> = {
  '2c7c:0125': { chipset: 'qualcomm', model: 'Quectel EC25/EG25', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'F2', 'F13'] },
  '05c6:9215': { model: 'Quectel EC20', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6'] },
  '2c7c:0121': { model: 'Quectel EC21', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6'] },
  '2c7c:0191': { model: 'Quectel EG91', vendor: 'Quectel', sources: ['K2'] },
  '2c7c:0195': { model: 'Quectel EG95', vendor: 'Quectel', sources: ['K2'] },
  '2c7c:0296': { model: 'Quectel BG96', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'K2'] },
  '2c7c:0700': { model: 'Quectel BG95', vendor: 'Quectel', mode: 'PPP', sources: ['S6'] },
  '2c7c:0306': { chipset: 'qualcomm', model: 'Quectel EG06 (kernel: EP06)', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'K2', 'F9'] },
  '2c7c:030b': { model: 'Quectel EG060K (kernel: EM060K)', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'K2'] },
  '2c7c:0512': { chipset: 'qualcomm', model: 'Quectel EG12/EG18 (kernel: EM12)', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'K2', 'F6'] },
  '2c7c:0800': { chipset: 'qualcomm', model: 'Quectel RG50x/RM500Q', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'S8', 'K2'] },
  '2c7c:0801': { chipset: 'qualcomm', model: 'Quectel RG520N/RM520N', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'F5', 'F12'] },
  '2c7c:0900': { model: 'Quectel RG500U', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 4, sources: ['S6'] },
  '2c7c:0901': { model: 'Quectel EC200U', vendor: 'Quectel', sources: ['K2'] },
  '2c7c:0316': { model: 'Quectel RG255C', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6'] },
  '2c7c:6001': { model: 'Quectel EG912Y', vendor: 'Quectel', sources: ['K2'] },
  '2c7c:6002': { model: 'Quectel EG912N (kernel: EC200S_CN)', vendor: 'Quectel', mode: 'ECM', atInterface: 3, sources: ['S6', 'K2'] },
  '2c7c:6004': { model: 'Quectel EG060W', vendor: 'Quectel', mode: 'ECM', atInterface: 3, sources: ['S6'] },
  '2c7c:6005': { chipset: 'asr', model: 'Quectel EC200A', vendor: 'Quectel', mode: 'RNDIS', atInterface: 3, sources: ['S6', 'K1'] },
  '2c7c:6007': { model: 'Quectel EG915Q (kernel: EG916Q)', vendor: 'Quectel', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'K2'] },
  '2c7c:6008': { model: 'Quectel EM061K', vendor: 'Quectel', sources: ['K2'] },
  '2c7c:6009': { model: 'Quectel EM061K', vendor: 'Quectel', sources: ['K2'] },
  '2c7c:6026': { model: 'Quectel EC200T', vendor: 'Quectel', mode: 'ECM', sources: ['K2', 'F14'] },
  '05c6:f601': { model: 'MeigLink SLM750', vendor: 'MeigLink', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'F13'] },
  '2dee:4d22': { model: 'MeigLink SLM828(G)', vendor: 'MeigLink', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6', 'F11'] },
  '2dee:4d42': { model: 'MeigLink SRT858M', vendor: 'MeigLink', mode: 'QMI (gobinet)', atInterface: 2, sources: ['S6'] },
  '2dee:4d57': { model: 'MeigLink SLM770 (RNDIS)', vendor: 'MeigLink', mode: 'RNDIS', atInterface: 3, sources: ['S6'] },
  '2dee:4d58': { model: 'MeigLink SLM770 (ECM)', vendor: 'MeigLink', mode: 'ECM', atInterface: 3, sources: ['S6'] },
  '1bc7:1031': { model: 'Telit LE910C4', vendor: 'Telit', mode: 'QMI (gobinet)', atInterface: 1, sources: ['S6'] },
  '1bc7:1060': { model: 'Telit LN920A6', vendor: 'Telit', mode: 'QMI (gobinet)', atInterface: 4, sources: ['S6'] },
  '1bc7:1070': { model: 'Telit FN990A', vendor: 'Telit', mode: 'QMI (gobinet)', atInterface: 4, sources: ['S6'] },
  '1bc7:1071': { model: 'Telit FN990A', vendor: 'Telit', mode: 'QMI (gobinet)', atInterface: 4, sources: ['S6'] },
  '1bc7:1072': { model: 'Telit FN990A', vendor: 'Telit', mode: 'QMI (gobinet)', atInterface: 5, sources: ['S6'] },
  '1bc7:1073': { model: 'Telit FN990A', vendor: 'Telit', mode: 'QMI (gobinet)', atInterface: 5, sources: ['S6'] },
  '1d12:0101': { model: 'Teltonika ALA440 (RNDIS)', vendor: 'Teltonika', mode: 'RNDIS', atInterface: 3, sources: ['S6'] },
  '1d12:0102': { model: 'Teltonika ALA440 (ECM)', vendor: 'Teltonika', mode: 'ECM', atInterface: 3, sources: ['S6'] },
  // Emergency download mode IDs that modem_updater searches for [S22][F7][F9].
  '05c6:9008': { model: 'Qualcomm emergency download (EDL) mode', vendor: 'Qualcomm', edl: true, sources: ['S22', 'F7', 'F9'] },
  '05c6:9010': { model: 'Qualcomm emergency download (EDL) mode', vendor: 'Qualcomm', edl: true, sources: ['S22'] },
  '05c6:9330': { model: 'Qualcomm emergency download (EDL) mode', vendor: 'Qualcomm', edl: true, sources: ['S22'] },
  '1bc7:9008': { model: 'Telit emergency download (EDL) mode', vendor: 'Telit', edl: true, sources: ['S22'] },
  '1bc7:9010': { model: 'Telit emergency download (EDL) mode', vendor: 'Telit', edl: true, sources: ['S22'] },
  '1bc7:9330': { model: 'Telit emergency download (EDL) mode', vendor: 'Telit', edl: true, sources: ['S22'] },
};

/** Hubs and other devices on Teltonika boards that are not modems (knowledge excerpts 06/07). */
export const NOT_MODEMS: Record<string, string> = {
  '1d6b:0002': 'Linux USB 2.0 root hub',
  '1d6b:0003': 'Linux USB 3.0 root hub',
  '05e3:0610': 'Genesys Logic USB hub',
  '0a12:0001': 'CSR Bluetooth adapter',
  '0bda:5411': 'Realtek 4-port USB 2.0 hub',
};

export function usbModel(vidpid: string | undefined): UsbModel | undefined {
  if (!vidpid) return undefined;
  const [v, p] = vidpid.toLowerCase().split(':');
  if (!v || !p) return undefined;
  return USB_IDS[`${v}:${p.padStart(4, '0')}`];
}

/** The model of a modem's own ID: one the table knows that is no download mode's (05c6:9008 is a mode, not a modem). */
export function modemModel(vidpid: string | undefined): UsbModel | undefined {
  const model = usbModel(vidpid);
  return model && !model.edl ? model : undefined;
}
