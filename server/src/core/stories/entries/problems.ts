import { findingStory } from '../findingStory';

// Problem stories told from their findings: the words, codes and advice are the data; the telling
// is findingStory's. Meanings say "can" where a cause is one of several (knowledge 6).

/** What a trouble of the modem, its SIM or its registration brings: the data connection goes down with it. */
const DATA_LOST_WITH_IT = { codes: ['data-session-failed', 'mobile-data-down', 'interface-down'], words: 'The mobile data connection went down with it' } as const;
/**
 * What a SIM problem brings: no SIM the network accepts, no registration, and no data. (A blind
 * probe's removed SIM had its modem's `+CREG: 0,0` told as a registration problem of its own, with
 * the operator's advice.)
 */
const REGISTRATION_LOST_WITH_IT = {
  codes: ['registration-failed', ...DATA_LOST_WITH_IT.codes],
  words: DATA_LOST_WITH_IT.words,
  wordsByCode: { 'registration-failed': 'The modem\'s network registration went down with it' },
  // A modem reports its registration lost as the SIM goes (an unsolicited +CREG), before the host
  // next asks for the SIM and is told it is missing (the probe's: 15 s before).
  leadMs: 60_000,
} as const;

/**
 * What a modem that stops answering brings: its data connection lost, often first. A hung modem's
 * link dies (pppd's echo requests unanswered, a bearer dropped), and only the manager's next
 * attempt finds the modem silent (fixture 029: the PPP link lost, then comgt could not write to
 * the modem's port 10 lines later): a loss shortly before is the same hang.
 */
const DATA_LOST_BEFORE_SILENCE = { ...DATA_LOST_WITH_IT, leadMs: 60_000, leadLines: 15 } as const;

export const unresponsiveStory = findingStory({
  id: 'modem-unresponsive',
  title: 'Modem not answering',
  description: 'AT, QMI or MBIM requests to the modem time out, its ports time out, or transactions are aborted.',
  rank: 5,
  codes: ['modem-unresponsive', 'modem-write-failure', 'modem-read-failure'],
  recovery: ['modem-back', 'data-up'],
  severity: 'error',
  opening: 'The modem did not answer its manager\'s requests',
  meaning: 'A modem that stops answering can be busy (a firmware operation), hung, or already gone from the USB bus; the lines around it tell which.',
  sources: ['KB6', 'X64', 'X70'],
  advice: ['checkModemAnswers', 'checkModemAlive'],
  consequences: DATA_LOST_BEFORE_SILENCE,
  unknowns: ['modemNow'],
});

export const crashStory = findingStory({
  id: 'modem-crash',
  title: 'Modem crashed',
  description: 'A modem\'s firmware crashed (a PCIe modem\'s, or the modem inside the system\'s chip), the modem stopped answering on its bus, or the kernel could not start or recover it.',
  rank: 5,
  codes: ['modem-crash'],
  // The modem's ports made again (X139) show its driver recovered it where no manager's line does (a plain dmesg).
  recovery: ['modem-back', 'ports-back', 'data-up'],
  severity: 'error',
  opening: 'The modem crashed, stopped answering on its bus, or could not be started',
  // Driver-neutral: a t7xx modem's driver (X92) is no MHI driver (X89), and a modem inside the chip
  // (X167) is on no bus; blind probes' FM350 had been told MHI's recovery, a Chromebook's modem "PCIe".
  meaning: 'A modem whose firmware crashed, or that does not answer on its bus, serves no data or AT port until its driver recovers it (resets it and starts it again); a failed recovery leaves it gone until it is power-cycled.',
  sources: ['X89', 'X92', 'X167'],
  advice: ['checkPcieModem'],
  // Recovered each time and crashing again: the firmware, not whether it came back (a blind probe's crash loop).
  recurringAdvice: ['pcieModemCrashesAgain'],
  // A recovery that failed (MHI's "Recovery failed", X89) calls for a power cycle first: its entry's advice replaces the check.
  adviceBy: [],
  replacesOwnAdvice: ['pcieModemNotRecovered'],
  consequences: DATA_LOST_WITH_IT,
  unknowns: ['whyItCrashed'],
});

export const managerCrashStory = findingStory({
  id: 'manager-crash',
  title: 'Modem manager crashed',
  description: 'The program that manages the modem (gsmd, mobifd, ModemManager, quectel-CM) crashed, or its service manager gave up starting it again.',
  rank: 5,
  codes: ['manager-crash'],
  recovery: ['manager-started', 'modem-back', 'registered', 'data-up'],
  severity: 'error',
  opening: 'The program that manages the modem crashed',
  meaning: 'While the program that manages the modem is down, nothing dials, watches or restarts the modem, so the data connection goes down with it; its service manager (procd, systemd) starts it again unless it crashed too often in a row.',
  sources: ['X111', 'X112', 'X113', 'S16'],
  advice: ['managerCrashed', 'shareTroubleshootPrivately'],
  // A program that crashed once has a fault that outlives the restart that ended this time.
  lastingAdvice: ['managerCrashed', 'shareTroubleshootPrivately'],
  consequences: DATA_LOST_WITH_IT,
  unknowns: ['whyManagerCrashed'],
});

export const simStory = findingStory({
  id: 'sim-problem',
  title: 'SIM problem',
  description: 'The SIM is not inserted, wants a PIN or PUK, is in an invalid state, or is power-cycled again and again.',
  rank: 6,
  codes: ['sim-error'],
  recovery: ['sim-ready', 'registered', 'data-up'],
  severity: 'error',
  opening: 'The modem reported a SIM problem',
  meaning: 'A SIM problem can be a missing or badly seated card, a PIN or PUK lock, or a card the network or modem rejects.',
  sources: ['KB6', 'S19', 'X21', 'X90'],
  advice: ['checkSim'],
  // A SIM that wants its PUK, however the line says it: 3GPP's +CME ERROR 12 (X90), gsmd's PIN
  // state 5 (S19; 15, its PUK blocked too, is no state to enter a PUK in), NetworkManager's
  // gsm-sim-puk-required, uqmi's `SIM locked PUK required`, mobifd's refused PUK, a program's words.
  // A SIM that is missing: 27.007's +CME ERROR 10 and +CPIN's NOT INSERTED (X90, X115),
  // ModemManager's "Couldn't check unlock status: SIM not inserted" (X20), NetworkManager's
  // gsm-sim-not-inserted, a program's words (words.sim-missing's own advice). A PIN the SIM refused:
  // 27.007's +CME ERROR 16, "incorrect password" (X90); OpenWrt's qmi.sh and mbim.sh "Unable to verify
  // PIN", and qmi.sh's refusal to try again with fewer than 3 attempts left (X21).
  adviceBy: [
    { field: 'cme', advice: { '12': 'simPukLocked', simpukrequired: 'simPukLocked', '10': 'simMissing', simnotinserted: 'simMissing', '16': 'simPinWrong', incorrectpassword: 'simPinWrong' } },
    { field: 'code', advice: { '5': 'simPukLocked' } },
    { field: 'reason', advice: { gsmsimpukrequired: 'simPukLocked', couldntcheckunlockstatussimnotinserted: 'simMissing', gsmsimnotinserted: 'simMissing' } },
    {
      field: 'what',
      advice: {
        simlockedpukrequired: 'simPukLocked',
        unabletoverifypin: 'simPinWrong',
        pinverifycountvalueis0thisisbelowthelimitof3: 'simPinWrong',
        pinverifycountvalueis1thisisbelowthelimitof3: 'simPinWrong',
        pinverifycountvalueis2thisisbelowthelimitof3: 'simPinWrong',
      },
    },
    { field: 'kind', advice: { puk: 'simPukLocked' } },
    { field: 'lock', advice: { puk: 'simPukLocked' } },
    { field: 'cpin', advice: { simpuk: 'simPukLocked', notinserted: 'simMissing' } },
  ],
  replacesOwnAdvice: ['simMissing', 'simPinWrong'],
  consequences: REGISTRATION_LOST_WITH_IT,
});

export const registrationStory = findingStory({
  id: 'registration-problem',
  title: 'Network registration problem',
  description: 'Registration denied, no service, deregistered, or CME/CEREG errors.',
  rank: 7,
  codes: ['registration-failed'],
  recovery: ['registered', 'data-up'],
  severity: 'warning',
  opening: 'The modem could not register in a network',
  meaning: 'Failed registration can be no coverage, the network denying this SIM or device, or a modem that lost its network settings.',
  sources: ['KB6', 'X66', 'X67'],
  advice: ['checkRegistration'],
  // A line that says why (the radio set off, the network's denial) calls for its own advice (the entry's).
  adviceBy: [{ field: 'reason', advice: { gsmregistrationdenied: 'registrationDenied', registrationdenied: 'registrationDenied' } }],
  lastingAdvice: ['registrationDenied'],
  weakSignalAdvice: 'weakSignal',
  noSignalAdvice: 'noSignal',
  consequences: DATA_LOST_WITH_IT,
});

// A modem whose radio is off registers nowhere, but not for the network's reasons: a program set
// it off (27.007's +CFUN, X98), or the modem refused to turn it on (ModemManager's power-up
// refusals: a laptop module's FCC lock, a radio switch, X120-X122). Its own story: a blind probe's
// FCC-locked laptop had been told a network registration problem.
export const radioOffStory = findingStory({
  id: 'radio-off',
  title: 'Modem radio off',
  description: 'The modem\'s radio is off: set off by a program (AT+CFUN), or refused on (an FCC lock, a radio switch, rfkill).',
  rank: 7,
  codes: ['radio-off'],
  recovery: ['radio-on', 'registered', 'data-up'],
  severity: 'warning',
  opening: 'The modem\'s radio was off',
  meaning: 'A radio that is off can be set off by a program or a person (flight mode), held off by a radio switch (rfkill, a hardware switch), or refused on by the modem itself, as a laptop module\'s FCC lock does: the modem registers in no network until it is on.',
  sources: ['X98', 'X120', 'X127'],
  advice: ['radioSwitchedOff'],
  // Each line's entry says which (the FCC lock's procedure, the hardware switch, a radio set off).
  adviceBy: [],
  consequences: DATA_LOST_WITH_IT,
});

// A program refused the modem's port because another holds it (words.port-busy): a conflict on the
// host, not the modem's trouble. Nothing the catalogue reads shows the program working again.
export const portBusyStory = findingStory({
  id: 'modem-port-busy',
  title: 'Modem port held by another program',
  description: 'A program that opens the modem\'s serial port itself could not open it: another program holds it.',
  rank: 7,
  codes: ['modem-port-busy'],
  recovery: [],
  recoveryUnread: true,
  severity: 'warning',
  opening: 'A program could not open the modem\'s port: it was busy',
  meaning: 'A serial port held open by one program refuses others (the kernel\'s EBUSY): where ModemManager runs it holds the modem\'s ports, and a gateway started twice holds them against itself.',
  sources: ['X169', 'X170'],
  advice: ['portHeldByAnother'],
  adviceBy: [],
});

/** 3GPP's session management causes in their words (X164), as a program prints them, and the advice each calls for. */
const CAUSES_IN_WORDS = {
  missingorunknownapn: 'checkDataSession',
  userauthenticationfailed: 'checkApnCredentials',
  unknownpdpaddressorpdptype: 'checkDataSession',
  unknownpdntype: 'checkDataSession',
  requestedserviceoptionnotsubscribed: 'askOperatorSubscription',
  serviceoptionnotsubscribed: 'askOperatorSubscription',
  serviceoptionnotsupported: 'askOperatorSubscription',
  serviceoptiontemporarilyoutoforder: 'networkSideRetry',
} as const;

export const dataStory = findingStory({
  id: 'data-connection-problem',
  title: 'Data connection problem',
  description: 'The data session (PDN, bearer, PPP) fails to come up, drops, or the mobile interface flaps.',
  rank: 8,
  codes: ['data-session-failed', 'mobile-data-down', 'interface-down'],
  recovery: ['data-up'],
  severity: 'warning',
  opening: 'The mobile data connection failed or went down',
  meaning: 'A data session can fail on the network side (APN, credentials, PDP type, coverage) or because the modem under it went away; the lines around it tell which.',
  sources: ['KB6', 'X23', 'X65'],
  advice: ['checkDataSession'],
  defersTo: { severities: ['error'], advice: 'solveStoryAboveFirst' },
  // The network's reason for a refused call, as libqmi names it (X97): the settings, the SIM's
  // subscription, or the network's own trouble.
  adviceBy: [
    // chat timed out waiting for the modem's OK (no abort string came): the modem is silent on its port.
    { field: 'chatExpect', advice: { ok: 'modemSilentOnPort' } },
    // ModemManager's bearer failure gives the cause in 3GPP's words (`Requested service option not subscribed`).
    { field: 'error', advice: { ...CAUSES_IN_WORDS, operatordeterminedbarring: 'askOperatorSubscription' } },
    {
      field: 'reason',
      advice: {
        unknownapn: 'checkDataSession',
        authenticationfailed: 'checkApnCredentials',
        // wvdial's words for pppd's exit code 19 (X187): the PPP login refused.
        authenticationerror: 'pppLoginRefused',
        ipv4onlyallowed: 'checkDataSession',
        ipv6onlyallowed: 'checkDataSession',
        unknownpdp: 'checkDataSession',
        optionunsubscribed: 'askOperatorSubscription',
        operatordeterminedbarring: 'askOperatorSubscription',
        // 3GPP's words for the same causes (X164), as a program prints them.
        ...CAUSES_IN_WORDS,
        optionnotsupported: 'askOperatorSubscription',
        insufficientresources: 'networkSideRetry',
        networkfailure: 'networkSideRetry',
        optiontemporarilyoutoforder: 'networkSideRetry',
        // No service: the modem was not on a network to carry the call (libqmi's generic-no-service, X97): coverage, not the settings.
        genericnoservice: 'checkRegistration',
        noservice: 'checkRegistration',
        // NetworkManager needed the SIM's PIN or the APN's password and no agent gave it (X180).
        nosecrets: 'storeConnectionSecret',
      },
    },
  ],
  // A line that says the modem's device was missing (X162): no setting was tried, so the settings' advice would mislead.
  replacesOwnAdvice: ['modemDeviceMissing'],
  lastingAdvice: ['askOperatorSubscription', 'dataStall', 'connectionCheckFails', 'lowSignalRestart', 'modemSilentOnPort'],
  recurringAdvice: ['dataDropsAgain'],
  returnDisprovesAdvice: true,
  weakSignalAdvice: 'weakSignal',
  noSignalAdvice: 'noSignal',
});
