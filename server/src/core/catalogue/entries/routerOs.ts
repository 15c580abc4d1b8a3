import type { CatalogueEntry } from '../types';

// MikroTik RouterOS with an LTE modem (hAP ac lite LTE, LtAP, Chateau, an R11e card): its log
// (`/log print`, or sent to a syslog server) tags each line with topics, `lte,info`,
// `interface,info`, `dhcp,warning`, which the field reader takes as the program and the level. The
// modem is the interface `lte1` [X141]. Without entries its link going down and coming back was no
// event (a blind probe's modem reset and back in 48 s had been told "not over").

const LTE_INTERFACE = 'lte\\d+';

export const routerOsEntries: CatalogueEntry[] = [
  {
    id: 'routeros.lte-link-down',
    stack: 'routeros',
    subsystem: 'network',
    severity: 'warning',
    tags: ['interface'],
    literal: ' link down',
    pattern: new RegExp(`^(?<iface>${LTE_INTERFACE}) link down\\s*$`),
    summary: 'RouterOS: the LTE interface {iface} went down',
    explanation: 'RouterOS took the LTE interface down: the modem lost its data connection, or the modem itself (a reset, a restart of the interface, the modem gone from USB). Routes over it are removed until it comes up.',
    finding: 'mobile-data-down',
    sources: ['X142', 'X141'],
    samples: ['2025-03-25 18:14:01 interface,info lte1 link down'],
    counterSamples: ['2025-03-25 18:14:01 interface,info ether1 link down'],
  },
  {
    id: 'routeros.lte-link-up',
    stack: 'routeros',
    subsystem: 'network',
    severity: 'info',
    tags: ['interface'],
    literal: ' link up',
    pattern: new RegExp(`^(?<iface>${LTE_INTERFACE}) link up\\s*$`),
    summary: 'RouterOS: the LTE interface {iface} is up',
    explanation: 'RouterOS has the LTE interface up: the modem has a data connection.',
    story: ['data-up'],
    sources: ['X142', 'X141'],
    samples: ['2025-03-25 18:14:03 interface,info lte1 link up'],
  },
  {
    id: 'routeros.lte-address',
    stack: 'routeros',
    subsystem: 'network',
    severity: 'info',
    tags: ['lte'],
    literal: 'IPv4: ',
    pattern: new RegExp(`^(?<iface>${LTE_INTERFACE}):? IPv4: (?<address>\\d+\\.\\d+\\.\\d+\\.\\d+)`),
    summary: 'RouterOS: the LTE interface {iface} got address {address}',
    explanation: 'The modem\'s data connection is up: the network gave the LTE interface this address.',
    story: ['data-up'],
    sources: ['X142', 'X141'],
    samples: ['2025-03-25 18:14:03 lte,info lte1 IPv4: 100.127.219.53, DNS: 80.244.99.37,80.244.99.36'],
  },
];
