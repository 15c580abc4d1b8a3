import type { CatalogueEntry } from '../types';

// What any program says of the modem in the words of the trade, whoever wrote it: a vendor's
// daemon GSM Log Lens has no entries for (a router's own connection manager, a gateway's firmware,
// a microcontroller's console) still says "SIM not inserted", "registration denied", "modem not
// responding". These are 3GPP's words for the SIM's and the registration's states (TS 27.007, the
// +CME ERROR texts and the registration status, sources X90, X91), which vendors print as they are.
// Tried after every program's own entries, so a line one of them explains is theirs; the finding
// rests on the words alone, and the explanation says so.

const WORDS = {
  severity: 'warning',
  group: 'a modem problem in words any program uses',
  sources: ['X90', 'X91'],
} as const satisfies Partial<CatalogueEntry>;

const INFERRED = 'GSM Log Lens has no entry for this program\'s message; it reads the words alone, as 3GPP names the state (its +CME ERROR texts and registration status), which vendors print as they are.';

export const modemWordEntries: CatalogueEntry[] = [
  {
    ...WORDS,
    id: 'words.sim-missing',
    subsystem: 'modem',
    // Every program's lines are screened for these entries' literals (LiteralScreen): seven
    // characters or more, and as few as the words allow (each lowers the screen's skips). The
    // patterns ignore case, so the screen finds the literals in any case (`No Sim Card`).
    literal: ['SIM not ', 'SIM card not', 'SIM is not', 'SIM card is not', 'no SIM '],
    pattern: /\bSIM(?: card)? (?:is )?not (?:inserted|detected)\b|\bno SIM (?:card(?: (?:inserted|detected|found|present))?|inserted|detected|found|present)\b/i,
    summary: 'The line says the SIM is missing: {message}',
    explanation: `The program says the modem sees no SIM (3GPP's "SIM not inserted"): no card in the slot, a card not seated, or a slot the modem does not use. ${INFERRED}`,
    finding: 'sim-error',
    samples: ['Dec  2 19:54:59 gw cellmgr[812]: SIM card not detected', '2024-12-02 19:54:59 | WARN | WAN | mdm-1: No SIM card inserted', 'E (5123) modem: no SIM card', 'no SIM detected in slot 2'],
    counterSamples: ['no SIM PIN set, continuing', 'SIM inserted in slot 1', 'checking for SIM cards: 1 found'],
  },
  {
    ...WORDS,
    id: 'words.sim-locked',
    subsystem: 'modem',
    literal: [' required', ' needed', ' locked', 'wrong PIN', 'wrong SIM PIN', 'incorrect PIN', 'incorrect SIM PIN', 'invalid PIN', 'invalid SIM PIN', 'SIM failure', 'SIM card failure', 'SIM blocked', 'SIM card blocked'],
    pattern: /\b(?:SIM )?PUK2? (?:is )?(?:required|needed|locked)\b|\bSIM PIN2? (?:is )?(?:required|needed)\b|\b(?:wrong|incorrect|invalid) (?:SIM )?PIN\b|\bSIM(?: card)? (?:failure|blocked|locked)\b/i,
    summary: 'The line says the SIM is locked or failing: {message}',
    explanation: `The program says the SIM waits for a PIN or PUK, refused one, is blocked, or failed (3GPP's "SIM PIN required", "SIM PUK required", "incorrect password", "SIM failure"): the modem registers in no network until the SIM is ready. ${INFERRED}`,
    finding: 'sim-error',
    samples: ['Dec  2 19:54:59 gw cellmgr[812]: SIM PIN required', 'modem: PUK required, SIM blocked', 'wrong PIN for SIM 1 (2 attempts left)', 'SIM failure'],
    counterSamples: ['SIM PIN accepted', 'PIN required: no', 'SIM unlocked'],
  },
  {
    ...WORDS,
    id: 'words.registration-denied',
    subsystem: 'network',
    literal: ['registration', 'attach reject'],
    pattern: /\b(?:network )?registration (?:was |is )?(?:denied|rejected|refused)\b|\b(?:attach|registration) reject(?:ed)?\b/i,
    summary: 'The line says the network refused the modem\'s registration: {message}',
    explanation: `The program says the network denied the modem's registration (3GPP's registration status 3, "registration denied"; LTE's attach reject): the network refused the modem or its SIM, and retrying does not change an operator's refusal. ${INFERRED}`,
    finding: 'registration-failed',
    samples: ['Dec  2 19:54:59 gw cellmgr[812]: network registration denied', 'LTE attach reject, cause 7', 'Registration rejected by network'],
    counterSamples: ['Permission denied', 'registration accepted', 'connection refused by 10.0.0.1'],
  },
  {
    ...WORDS,
    id: 'words.modem-not-responding',
    subsystem: 'modem',
    literal: ['modem not', 'modem is not', 'from modem', 'from the modem', 'modem did', 'modem does'],
    pattern: /\bmodem (?:is )?not (?:responding|answering)\b|\bno (?:response|answer|reply) from (?:the )?modem\b|\bmodem (?:did not|does not|didn't|doesn't) (?:respond|answer)\b/i,
    summary: 'The line says the modem does not answer: {message}',
    explanation: 'The program says the modem did not answer it: a modem that stops answering can be busy, hung, or already gone from its bus; the lines around it tell which. GSM Log Lens has no entry for this program\'s message; it reads the words alone.',
    finding: 'modem-unresponsive',
    sources: ['KB6', 'X64'],
    samples: ['Dec  2 19:54:59 MikroTik lte,error lte1: modem not responding', 'cellmgr: no response from modem on /dev/ttyUSB2', 'The modem did not answer AT'],
    counterSamples: ['modem not registered yet', 'response from modem: OK'],
  },
];
