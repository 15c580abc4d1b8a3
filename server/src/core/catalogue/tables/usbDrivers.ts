// The drivers that bind a USB device's functions, and what each says of the device (knowledge 4.3:
// hub.c [K3b], usbnet.c [K6], the option driver [K2]; real lines from [F1] [F6] [F10] [Q2]). One
// table: the catalogue's kernel entries, the USB histories and the stories that ask "is this the
// modem?" all read it, so a driver added here is known to each of them alike.

export interface UsbDriver {
  /**
   * What the driver binding says of the device: `modem` (a cellular modem's function: its AT and
   * diagnostic ports, its data interface), `maybe` (a modem's or another device's: a tethered phone
   * binds rndis_host too, so it counts only with a known ID), `not` (no modem: a hub, storage, a
   * keyboard, a camera), `adapter` (a USB-serial adapter: a modem only if other facts say so).
   */
  device: 'modem' | 'maybe' | 'not' | 'adapter';
  /** A usb-serial driver: its interfaces become ttyUSB ports (`... converter detected`). */
  serial?: true;
  /** A usbnet driver: it registers a network interface (`register 'cdc_ether' at usb-...`). */
  usbnet?: true;
  /** The data mode a usbnet driver drives the interface in, where one name says it. */
  mode?: 'ECM' | 'RNDIS' | 'QMI' | 'MBIM' | 'NCM';
  /** FreeBSD's: its instance names the device in the kernel's lines (`u3g0: detached`). */
  freebsd?: true;
  /** A storage driver: what a modem with an install mode (a virtual CD-ROM) binds before it switches [X101]. */
  storage?: true;
}

export const USB_DRIVERS: Readonly<Record<string, UsbDriver>> = {
  // usb-serial: a modem's AT, diagnostic, GNSS and PPP ports [K2][F6].
  option: { device: 'modem', serial: true },
  qcserial: { device: 'modem', serial: true },
  sierra: { device: 'modem', serial: true },
  usb_serial_simple: { device: 'adapter', serial: true },
  cp210x: { device: 'adapter', serial: true },
  ftdi_sio: { device: 'adapter', serial: true },
  pl2303: { device: 'adapter', serial: true },
  // ACM ports: modems that present CDC-ACM, and GPS receivers and microcontroller boards: a modem
  // only with a known ID (X88). FreeBSD's u3g is its option.
  cdc_acm: { device: 'maybe' },
  // FreeBSD's (X27: sys/dev/usb): u3g, uhso (Option's HSxPA) and usie (Sierra Wireless) drive
  // modems only; umodem (CDC ACM), cdce (CDC Ethernet) and urndis bind other devices too.
  u3g: { device: 'modem', freebsd: true },
  uhso: { device: 'modem', freebsd: true },
  usie: { device: 'modem', freebsd: true },
  umodem: { device: 'maybe', freebsd: true },
  cdce: { device: 'maybe', freebsd: true },
  urndis: { device: 'maybe', freebsd: true },
  // usbnet: the data interface [K6]. cdc_ether is what modems and dongles in ECM mode bind (EC200A,
  // Huawei HiLink) [F1]; rndis_host a modem in RNDIS mode [Q2] or a tethered phone.
  cdc_ether: { device: 'modem', usbnet: true, mode: 'ECM' },
  rndis_host: { device: 'maybe', usbnet: true, mode: 'RNDIS' },
  qmi_wwan: { device: 'modem', usbnet: true, mode: 'QMI' },
  qmi_wwan_q: { device: 'modem', usbnet: true, mode: 'QMI' },
  GobiNet: { device: 'modem', usbnet: true, mode: 'QMI' },
  cdc_mbim: { device: 'modem', usbnet: true, mode: 'MBIM' },
  cdc_ncm: { device: 'modem', usbnet: true, mode: 'NCM' },
  huawei_cdc_ncm: { device: 'modem', usbnet: true, mode: 'NCM' },
  sierra_net: { device: 'modem', usbnet: true },
  cdc_subset: { device: 'maybe', usbnet: true },
  // Not modems (knowledge 4.3: a USB hub, a flash drive or card reader, and other classes).
  hub: { device: 'not' },
  'usb-storage': { device: 'not', storage: true },
  uas: { device: 'not', storage: true },
  usbhid: { device: 'not' },
  btusb: { device: 'not' },
  'snd-usb-audio': { device: 'not' },
  uvcvideo: { device: 'not' },
};

/**
 * The driver a log names, as the table has it or without the digits a usb-serial driver's name
 * ends in where it names a port (`option1`; `pl2303` is the table's own). Own entries only: a
 * word of the log that every object inherits (`constructor`) is no driver.
 */
export function usbDriver(name: string): UsbDriver | undefined {
  const key = usbDriverName(name);
  return key === undefined ? undefined : USB_DRIVERS[key];
}

/** The table's name of the driver a log names (`option` for `option1`), or undefined (usbDriver). */
export function usbDriverName(name: string): string | undefined {
  if (Object.hasOwn(USB_DRIVERS, name)) return name;
  const bare = name.replace(/\d+$/, '');
  return Object.hasOwn(USB_DRIVERS, bare) ? bare : undefined;
}

/** The drivers with a property, as a regex alternation (for the catalogue's kernel patterns). */
export function driverAlternation(has: (d: UsbDriver) => boolean): string {
  return Object.keys(USB_DRIVERS).filter((name) => has(USB_DRIVERS[name])).join('|');
}
