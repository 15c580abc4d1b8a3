import { MOBILE_NETDEV } from '../tables/mobileInterfaces';
import type { CatalogueEntry } from '../types';

// OpenWrt's watchcat (packages utils/watchcat, watchcat.sh [X103]): pings hosts and, after a
// period without an answer, restarts an interface, ModemManager's modem, the network or the
// router. Each failed ping is logged (`logger -p daemon.info -t "watchcat[$$]"`), its actions with
// `logger -t INFO`, so those carry no program's name of their own. Two blind probes' OpenWrt
// routers whose mobile link stalled for ten minutes at a time, restarted by watchcat each time,
// had been told no story.

const WATCHCAT = ['watchcat', 'watchngn'];
/**
 * `Could not reach 1.1.1.1 via "wwan0" for "60" seconds. Restarting "wwan0" after reaching "600"
 * seconds` and its variants; `dev`: the device's pattern, required when `via` is.
 */
const unreachable = (dev: string, via: boolean): RegExp =>
  new RegExp(`^Could not reach (?<host>\\S+)(?: via "(?<dev>${dev})")${via ? '' : '?'} for "?(?<seconds>\\d+)"?(?: seconds)?\\. (?<action>Restarting "[^"]*"|Will restart "[^"]*"|Restarting networking|Will restart networking|Running script|Will run the script|Rebooting)[^"\\d]*"?(?<period>\\d+)?`);

export const watchcatEntries: CatalogueEntry[] = [
  {
    id: 'watchcat.mobile-unreachable',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'warning',
    tags: WATCHCAT,
    literal: 'Could not reach ',
    // Only through a mobile device: through the LAN or the wired WAN it says nothing of the modem.
    pattern: unreachable(MOBILE_NETDEV.source.slice(1, -1), true),
    summary: 'watchcat: {host} unreachable through {dev} for {seconds} s (it acts at {period} s)',
    explanation:
      'watchcat pings the host through the mobile device and got no answer for that long: the connection may be up, but it carries no traffic (a data stall). ' +
      'When the time reaches its period, watchcat restarts the interface (or ModemManager\'s modem, or the network, as configured); it logs only the failures, so the pings that answer again leave no line.',
    finding: 'mobile-data-down',
    // One line per failed ping, at its ping interval (a minute by default in LuCI's form): one stall, one finding.
    burstSeconds: 300,
    advice: 'dataStall',
    sources: ['X103'],
    samples: [
      'Tue Jan 20 08:51:30 2026 daemon.info watchcat[3120]: Could not reach 1.1.1.1 via "wwan0" for "60" seconds. Restarting "wwan0" after reaching "600" seconds',
      'Tue Jan 20 08:51:30 2026 daemon.info watchcat[3120]: Could not reach 8.8.8.8 via "wwan0" for "120" seconds. Will restart "wwan0" after "600" seconds of failed reachability',
    ],
  },
  {
    id: 'watchcat.unreachable',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    tags: WATCHCAT,
    literal: 'Could not reach ',
    pattern: unreachable('[^"]*', false),
    summary: 'watchcat: {host} unreachable for {seconds} s',
    explanation: 'watchcat pings the host and got no answer for that long; when the time reaches its period it restarts the interface or the network, runs its script, or reboots the router, as configured. Through a device that is no mobile one, it says nothing of the modem.',
    sources: ['X103'],
    samples: [
      'Tue Jan 20 08:51:30 2026 daemon.info watchcat[3120]: Could not reach 1.1.1.1 via "eth1" for "60" seconds. Restarting "eth1" after reaching "600" seconds',
      'Tue Jan 20 08:51:30 2026 daemon.info watchcat[3120]: Could not reach 1.1.1.1 for 60. Rebooting after reaching 600',
    ],
  },
  {
    id: 'watchcat.reconnect-modem',
    story: ['deliberate-restart'],
    stack: 'openwrt',
    subsystem: 'modem',
    severity: 'info',
    literal: 'Reconnecting modem: "',
    pattern: /^Reconnecting modem: "(?<iface>[^"]*)" now\./,
    summary: 'watchcat restarts ModemManager and brings {iface} up again',
    explanation: 'watchcat\'s period without an answer ran out and it is set to reconnect the modem: it restarts ModemManager and brings the interface up again (`ifup`), so the modem is set up anew. A restart asked for, not a fault.',
    sources: ['X103'],
    samples: ['Tue Jan 20 09:00:35 2026 user.notice INFO: Reconnecting modem: "wwan" now.'],
  },
  {
    id: 'watchcat.restart-interface',
    stack: 'openwrt',
    subsystem: 'network',
    severity: 'info',
    literal: ['Restarting network interface: "', 'Restarting networking now by running'],
    pattern: /^Restarting (?:network interface: "(?<dev>[^"]*)"\.|networking now by running: (?<command>.+))/,
    summary: 'watchcat restarts {dev}{command}',
    explanation: 'watchcat\'s period without an answer ran out: it takes the device down and up again (or restarts the whole network). A restart asked for, not a fault; the stall before it is the problem.',
    sources: ['X103'],
    samples: ['Tue Jan 20 09:00:35 2026 user.notice INFO: Restarting network interface: "wwan0".', 'Tue Jan 20 09:00:35 2026 user.notice INFO: Restarting networking now by running: /etc/init.d/network restart'],
  },
];
