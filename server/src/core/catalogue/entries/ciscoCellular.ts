import type { CatalogueEntry } from '../types';

// Cisco IOS and IOS XE routers with a cellular module (IR829, IR1101, ISR 1100's LTE NIM): the
// cellular WAN facility's system messages [X85], `%CELLWAN-2-MODEM_DOWN: Modem in slot 0/1 is
// DOWN`, which the cisco-message envelope reads as the program `CELLWAN`, its severity digit as the
// level [X83]. Without an entry they were errors of a modem program with no meaning (a blind
// probe's IR1101 whose modem went down and came back two minutes later had been told nothing, and
// with the `show logging` header cut off, "no modem problem"). What each line means is read from
// its words, which IOS prints as shown here on the router's console and in its log buffer.

const CELLWAN = ['CELLWAN'];
/** IOS names a cellular interface by slot, subslot and port (`Cellular0/1/0`; `Cellular0` on an IR829). */
const CELLULAR = 'Cellular\\d+(?:/\\d+){0,2}';

export const ciscoCellularEntries: CatalogueEntry[] = [
  {
    id: 'cisco.modem-down',
    stack: 'cisco',
    subsystem: 'modem',
    severity: 'error',
    tags: CELLWAN,
    literal: ' is DOWN',
    pattern: /^Modem in slot (?<slot>\d+(?:\/\d+)?) is DOWN\b/,
    summary: 'Cisco IOS: the cellular modem in slot {slot} went down',
    explanation: 'IOS\'s cellular driver says the modem module in this slot is down (a critical message, severity 2): it no longer has the modem, whether it crashed, was reset, was updated, or the router is reloading. The cellular interfaces of the slot go down with it; `MODEM_UP` says when IOS has the modem again.',
    finding: 'modem-unresponsive',
    sources: ['X85', 'X83'],
    samples: ['May 21 03:47:19.337 CEST: %CELLWAN-2-MODEM_DOWN: Modem in slot 0/1 is DOWN', '000102: *Dec  2 19:54:49.870: %CELLWAN-2-MODEM_DOWN: Modem in slot 0/2 is DOWN'],
  },
  {
    id: 'cisco.modem-up',
    stack: 'cisco',
    subsystem: 'modem',
    severity: 'info',
    tags: CELLWAN,
    literal: 'is now UP',
    pattern: /^Modem in slot (?<slot>\d+(?:\/\d+)?) is now UP\b/,
    summary: 'Cisco IOS: the cellular modem in slot {slot} is up again',
    explanation: 'IOS\'s cellular driver has the modem module in this slot again (after a boot, a reset or a crash); the radio, the SIM and the data connection come up after it.',
    story: ['modem-back'],
    sources: ['X85'],
    samples: ['Nov 19 14:55:54.937: %CELLWAN-2-MODEM_UP: Modem in slot 0/2 is now UP'],
  },
  {
    id: 'cisco.modem-radio-on',
    stack: 'cisco',
    subsystem: 'modem',
    severity: 'info',
    tags: CELLWAN,
    literal: 'radio has been turned on',
    pattern: new RegExp(`^(?<ciscoInterface>${CELLULAR}) Modem radio has been turned on`),
    summary: 'Cisco IOS: the modem\'s radio on {ciscoInterface} is on',
    explanation: 'IOS turned the cellular modem\'s radio on: the modem can look for a network now.',
    story: ['radio-on'],
    sources: ['X85'],
    samples: ['Nov 19 14:55:55.141: %CELLWAN-2-MODEM_RADIO: Cellular0/2/0 Modem radio has been turned on'],
  },
  {
    // The line protocol of a cellular interface is its data connection: down when the bearer or the
    // modem goes, up when a data call is up again.
    id: 'cisco.cellular-down',
    stack: 'cisco',
    subsystem: 'network',
    severity: 'warning',
    tags: ['LINEPROTO'],
    literal: 'Interface Cellular',
    pattern: new RegExp(`^Line protocol on Interface (?<iface>${CELLULAR}), changed state to down`),
    summary: 'Cisco IOS: the cellular interface {iface} went down',
    explanation: 'The line protocol of a cellular interface went down: its data connection is gone (the network or the modem ended the data call, or the modem itself went down). Traffic routed over it stops until it comes up.',
    finding: 'mobile-data-down',
    sources: ['X85', 'X83'],
    samples: ['May 21 03:47:20.341 CEST: %LINEPROTO-5-UPDOWN: Line protocol on Interface Cellular0/1/0, changed state to down'],
    counterSamples: ['%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0/0, changed state to down'],
  },
  {
    id: 'cisco.cellular-up',
    stack: 'cisco',
    subsystem: 'network',
    severity: 'info',
    tags: ['LINEPROTO'],
    literal: 'Interface Cellular',
    pattern: new RegExp(`^Line protocol on Interface (?<iface>${CELLULAR}), changed state to up`),
    summary: 'Cisco IOS: the cellular interface {iface} is up',
    explanation: 'The line protocol of a cellular interface came up: its data connection works.',
    story: ['data-up'],
    sources: ['X85', 'X83'],
    samples: ['May 21 03:49:32.940 CEST: %LINEPROTO-5-UPDOWN: Line protocol on Interface Cellular0/1/0, changed state to up'],
  },
];
