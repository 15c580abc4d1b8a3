/** Thresholds of the detectors. Every one is a setting; these defaults fit RutOS modem logs. */
export interface DetectOptions {
  /** Events of one kind closer than this (s) form one burst, i.e. one finding. */
  burstWindowSeconds: number;
  /** A modem gone from the USB bus this long (s) while the log goes on makes its `usb-gap` an error. */
  usbGapSeconds: number;
  /** This many reconnects of one device within `reconnectLoopWindowSeconds` is a loop. */
  reconnectLoopCount: number;
  reconnectLoopWindowSeconds: number;
  /** gsmd quiet for this long (s) after losing a modem, while the log goes on, is `modem-silent`. */
  silenceSeconds: number;
}

export const DEFAULT_DETECT_OPTIONS: DetectOptions = {
  burstWindowSeconds: 30,
  usbGapSeconds: 60,
  reconnectLoopCount: 3,
  reconnectLoopWindowSeconds: 900,
  silenceSeconds: 120,
};
