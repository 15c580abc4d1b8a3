/**
 * RutOS names a mobile interface for its modem, SIM and APN: `mob1s1a1` is modem 1, SIM 1, APN
 * 1, with `_4` / `_6` for its IPv4 and IPv6 halves (mobile.sh's interface naming [S21]). Any
 * other stack's interface names are the user's, so a name alone says nothing there.
 */
export const RUTOS_MOBILE_INTERFACE = /^mob\d+s\d+a\d+/;

/** A netifd interface without its `_4` / `_6` alias suffix (the IPv4 and IPv6 halves netifd makes of it): the same interface. */
export function interfaceBase(name: string): string {
  return name.replace(/_[46]$/, '');
}

/** RutOS's interface of the same modem on another SIM (mob1s1a1, mob1s2a1 [S21]): the router switched SIMs. */
export function otherSimOfModem(troubled: string, other: string): boolean {
  const a = RUTOS_MODEM_SIM.exec(troubled);
  const b = RUTOS_MODEM_SIM.exec(other);
  return !!a && !!b && a[1] === b[1] && a[2] !== b[2];
}
const RUTOS_MODEM_SIM = /^mob(\d+)s(\d+)a\d+/;

/**
 * Network devices a cellular modem's data connection runs on, by the names their drivers give
 * them: `wwan0` (usbnet's name for a WWAN driver's device: qmi_wwan, cdc_mbim [K6]), `wwp0s20f0u6i12`
 * (systemd's predictable name of a WWAN device), `qmimux0` (qmi_wwan's multiplexed ones),
 * `rmnet_data0` and `mhi_hwip0` (Qualcomm's and MHI's), `3g-wan` (OpenWrt's 3g protocol's PPP
 * device), `usb0` (a modem in ECM or RNDIS mode, a tethered phone). A program that names only a
 * device (watchcat's `via "wwan0"`) is about the mobile connection only when the device is one of these.
 */
export const MOBILE_NETDEV = /^(?:wwan\w*|wwp\w+|qmimux\d+|rmnet\w*|mhi_\w+|3g-[\w.-]+|usb\d+)$/;

/**
 * The OpenWrt interface whose PPP device this is, when only a modem's protocol makes such a
 * device: ppp.sh names the device `<proto>-<interface>`, and the 3g protocol dials the modem's
 * serial port (X186). `ppp-<interface>` (the ppp protocol on any serial line) and `pppoe-wan` are not.
 */
export function interfaceOfModemDevice(device: string): string | undefined {
  return MODEM_PROTO_DEVICE.exec(device)?.[1];
}
const MODEM_PROTO_DEVICE = /^3g-([\w.-]+)$/;

/** The fields a line names a network device in (netifd's `Network device '3g-lte'`, pppd's `Connect: 3g-lte <--> ...`). */
export const DEVICE_FIELDS = ['device', 'pppIface'] as const;
