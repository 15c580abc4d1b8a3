import type { CatalogueEntry } from '../types';
import { UNREGISTERED } from './modemWords';

// Android's telephony (RILJ in logcat's radio buffer): the radio HAL's structures as their
// generated toString prints them. The registration state is RegState's name (`.regState =
// NOT_REG_MT_SEARCHING_OP`, X191); the SIM card's state IccCardStatus's (`IccCardState
// {CARDSTATE_ABSENT,...}`, X192). Whatever tag the radio's lines come under (RILJ, a vendor's
// RIL), the names are the HAL's. A blind probe's Android gateway, out of service for 95 s and
// with a SIM card in error, had been told nothing.

/** RegState's names (X191) for a radio registered nowhere: searching, not searching, unknown; `_EM`: emergency calls only. */
const NOT_REGISTERED = 'NOT_REG_MT_SEARCHING_OP(?:_EM)?|NOT_REG_MT_NOT_SEARCHING_OP(?:_EM)?|UNKNOWN(?:_EM)?';
const regState = (names: string): RegExp => new RegExp(String.raw`\bregState ?= ?(?<regState>${names})\b`);

export const androidRilEntries: CatalogueEntry[] = [
  {
    id: 'ril.not-registered',
    stack: 'android',
    subsystem: 'network',
    severity: 'warning',
    literal: 'regState',
    pattern: regState(NOT_REGISTERED),
    summary: 'Android\'s radio is registered on no network ({regState})',
    explanation:
      'The radio\'s registration state, as Android\'s radio HAL names it: NOT_REG_MT_SEARCHING_OP is not registered and searching for a network, NOT_REG_MT_NOT_SEARCHING_OP not registered and not searching, UNKNOWN out of service; `_EM`, emergency calls only. ' +
      'The telephony stack asks for the voice and the data registration in turn, so each poll is two lines. Searching for seconds is a radio starting or changing cells; searching on is no coverage where it is, or no network its SIM may use, and no data connection until it registers.',
    finding: 'registration-failed',
    ...UNREGISTERED,
    sources: ['X191'],
    samples: ['03-17 09:14:08.400  1532  1547 D RILJ    : [4411]< DATA_REGISTRATION_STATE {.regState = NOT_REG_MT_SEARCHING_OP, .rat = UNKNOWN, .reasonDataDenied = 0, .maxDataCalls = 16} [PHONE0]'],
    counterSamples: ['{.regState = REG_HOME, .rat = LTE}', '{.regState = NOT_REG_MT_SEARCHING_OPERATOR}'],
  },
  {
    id: 'ril.registration-denied',
    stack: 'android',
    subsystem: 'network',
    severity: 'warning',
    literal: 'regState',
    pattern: regState('REG_DENIED(?:_EM)?'),
    summary: 'Android\'s radio reports its network registration denied ({regState})',
    explanation: 'The radio\'s registration state REG_DENIED (Android\'s radio HAL): the network refused the device or its SIM. A radio also reports it after repeated network failures (location update rejects with cause 17), which the HAL asks it to for managed roaming; no data connection until it registers.',
    advice: 'registrationDenied',
    finding: 'registration-failed',
    sources: ['X191'],
    samples: ['03-17 09:14:08.400  1532  1547 D RILJ    : [4411]< DATA_REGISTRATION_STATE {.regState = REG_DENIED, .rat = UNKNOWN, .reasonDataDenied = 0, .maxDataCalls = 16} [PHONE0]'],
  },
  {
    id: 'ril.registered',
    stack: 'android',
    subsystem: 'network',
    severity: 'info',
    story: ['registered'],
    literal: 'regState',
    pattern: regState('REG_HOME|REG_ROAMING'),
    summary: 'Android\'s radio is registered ({regState})',
    explanation: 'The radio\'s registration state REG_HOME (registered in its home network) or REG_ROAMING (registered while roaming), as Android\'s radio HAL names it.',
    sources: ['X191'],
    samples: ['03-17 09:15:43.070  1532  1547 D RILJ    : [4441]< DATA_REGISTRATION_STATE {.regState = REG_HOME, .rat = LTE, .reasonDataDenied = 0, .maxDataCalls = 16} [PHONE0]'],
  },
  {
    id: 'ril.sim-card-state',
    stack: 'android',
    subsystem: 'modem',
    severity: 'warning',
    literal: 'IccCardState {',
    pattern: /\bIccCardState \{(?<cardState>CARDSTATE_ABSENT|CARDSTATE_ERROR|CARDSTATE_RESTRICTED)\b/,
    summary: 'Android\'s radio reports its SIM card {cardState}',
    explanation:
      'The SIM card\'s state as Android\'s telephony prints it (IccCardStatus): CARDSTATE_ABSENT, no card is seen; CARDSTATE_ERROR, a card is there and the radio cannot use it (no answer to reset, a faulty or badly seated card); CARDSTATE_RESTRICTED, a card restricted by the carrier. ' +
      'Without a usable SIM the radio registers for emergency calls at most, and there is no data connection.',
    finding: 'sim-error',
    // Asked again and again (GET_SIM_STATUS): one finding while the polls go on.
    burstSeconds: 600,
    sources: ['X192'],
    samples: ['03-17 10:02:11.208  1544  1561 D RILJ    : [0288]< GET_SIM_STATUS IccCardState {CARDSTATE_ERROR,PINSTATE_UNKNOWN,num_apps=0,gsm_id=-1,cdma_id=-1,ims_id=-1} [PHONE0]'],
    counterSamples: ['IccCardState {CARDSTATE_PRESENT,PINSTATE_UNKNOWN,num_apps=1,gsm_id=0{APPTYPE_USIM,APPSTATE_READY}}'],
  },
  {
    id: 'ril.sim-ready',
    stack: 'android',
    subsystem: 'modem',
    severity: 'info',
    story: ['sim-ready'],
    literal: 'IccCardState {',
    pattern: /\bIccCardState \{CARDSTATE_PRESENT,[^}]{0,120}\bAPPSTATE_READY\b/,
    summary: 'Android\'s radio reports its SIM card present and ready',
    explanation: 'The SIM card is present and its application (USIM, SIM) is ready: the radio can register with it.',
    sources: ['X192'],
    samples: ['03-17 10:31:40.118  1544  1561 D RILJ    : [0301]< GET_SIM_STATUS IccCardState {CARDSTATE_PRESENT,PINSTATE_UNKNOWN,num_apps=1,gsm_id=0{APPTYPE_USIM,APPSTATE_READY,pin1=PINSTATE_UNKNOWN,pin2=PINSTATE_ENABLED_NOT_VERIFIED},cdma_id=-1,ims_id=1} [PHONE0]'],
    counterSamples: ['IccCardState {CARDSTATE_PRESENT,PINSTATE_ENABLED_NOT_VERIFIED,num_apps=1,gsm_id=0{APPTYPE_USIM,APPSTATE_PIN}}'],
  },
];
