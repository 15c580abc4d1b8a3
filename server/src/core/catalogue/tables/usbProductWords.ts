// The words a USB device's own name (its descriptor's product string, `usb 1-1.2: Product: USB
// Keyboard`) uses for a device that is no modem, and those that name a modem whatever else the
// name says (`4G LTE WiFi Modem`). The product string is its maker's words, checked against nothing
// (X119): it decides only where no driver, ID or port of the log has said what the device is.

/** Words of a device that is not a modem: input devices, hubs, network adapters, storage, audio and video, serial adapters, satellite navigation receivers (a blind probe's u-blox GNSS receiver had its resets told as a modem's). */
const NOT_MODEM = /\b(?:keyboard|mouse|touch ?pad|trackball|gamepad|joystick|hub|wlan|802\.11\w{0,4}|wi-?fi|wireless lan|ethernet|gigabit|10\/100|lan adapter|mass storage|flash (?:disk|drive)|card reader|storage|disk|ssd|audio|headset|speaker|microphone|camera|webcam|printer|scanner|bluetooth|uart|usb-?serial|usb2\.0-serial|serial (?:converter|port|adapter)|ft232|cp210\d|ch34\d|pl2303|fingerprint|smart ?card|zigbee|gnss|gps|glonass|gnss receiver)\b/i;

/** Words that name a modem: they win over NOT_MODEM (a dongle that is a modem with a Wi-Fi hotspot). */
const MODEM = /\b(?:modem|lte|[2345]g|hspa\+?|umts|wcdma|gsm|cdma|mobile broadband|wwan|cellular|snapdragon|mbim|qmi)\b/i;

/** Whether a device's own name says it is no modem. */
export function notModemProduct(product: string): boolean {
  return NOT_MODEM.test(product) && !MODEM.test(product);
}
