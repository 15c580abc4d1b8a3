import type { CatalogueEntry } from '../types';

// usb_modeswitch: switches a USB modem (a dongle) out of its install mode, a storage device with a
// virtual CD-ROM, into its modem mode [X130]. Its binary writes to syslog under its own name when
// the udev dispatcher runs it (`openlog("usb_modeswitch", ...)`, usb_modeswitch.c [X131]); the
// dispatcher writes its refusal through logger, under whatever tag logger gives (the user's name
// on most systems: `root: usb_modeswitch: ...`) [X132].
export const usbModeswitchEntries: CatalogueEntry[] = [
  {
    id: 'usb_modeswitch.switch',
    subsystem: 'usb',
    severity: 'info',
    installMode: 'switch-sent',
    tags: ['usb_modeswitch'],
    literal: 'switch device ',
    pattern: /^switch device (?<vidpid>[0-9a-f]{4}:[0-9a-f]{4}) on (?<bus>\d{3})\/(?<devnum>\d{3})/,
    summary: 'usb_modeswitch switches {vidpid} (bus {bus}, device {devnum}) out of its install mode',
    explanation: 'usb_modeswitch found a device in its install mode (a storage device with a virtual CD-ROM) and sends it the command that switches it to its modem mode: the device leaves the USB bus and comes back with another product ID and its modem ports.',
    sources: ['X131', 'X130'],
    samples: ['Oct 17 13:41:22 kiosk-07 usb_modeswitch[5911]: switch device 12d1:1f01 on 001/006'],
  },
  {
    id: 'usb_modeswitch.switched',
    subsystem: 'usb',
    severity: 'info',
    tags: ['usb_modeswitch'],
    literal: 'switched to ',
    pattern: /^switched to (?<vidpid>[0-9a-f]{4}:[0-9a-f]{4}) on (?<bus>\d{3})\/(?<devnum>\d{3})/,
    summary: 'usb_modeswitch: the device came back in its modem mode as {vidpid}',
    explanation: 'usb_modeswitch saw the device come back with the product ID of its modem mode: the switch worked.',
    sources: ['X131'],
    samples: ['Oct 17 13:41:24 kiosk-07 usb_modeswitch[5911]: switched to 12d1:14dc on 001/006'],
  },
  {
    id: 'usb_modeswitch.switching-disabled',
    subsystem: 'usb',
    severity: 'warning',
    installMode: 'switching-disabled',
    literal: 'switching disabled, no action for ',
    pattern: /usb_modeswitch: switching disabled, no action for (?<vidpid>[0-9a-f]{4}:[0-9a-f]{4})/,
    summary: 'usb_modeswitch did not switch {vidpid}: switching is disabled',
    explanation: 'usb_modeswitch\'s dispatcher found a device it knows, but its configuration disables switching (`DisableSwitching=1` in /etc/usb_modeswitch.conf), so the device stays in its install mode, a storage device without modem ports.',
    nextSteps: ['Set DisableSwitching=0 in /etc/usb_modeswitch.conf, then plug the device in again.'],
    sources: ['X132'],
    samples: ['Nov  4 09:12:40 ubuntu-box root[1633]: usb_modeswitch: switching disabled, no action for 19d2:1225', 'Nov  4 09:12:40 ubuntu-box root: usb_modeswitch: switching disabled, no action for 12d1:1f01'],
  },
];
