// The network's reasons for refusing a modem's registration: 3GPP TS 24.301 annex A's EMM causes
// [X184] (24.008's GMM causes share the numbers and the meaning, so umbim's MBIM NwError names the
// same numbers [X183]). A modem reports one in +CEREG's (and +CREG's) n=3 form, after its status
// (`+CEREG: 3,3,"1F4A","0A3C2105",7,0,7`: cause type 0, cause 7).

/** The causes a network gives for refusing a registration, by number, in 24.301's words. */
export const EMM_CAUSES: Readonly<Record<number, string>> = {
  2: 'IMSI unknown in HSS',
  3: 'illegal UE',
  5: 'IMEI not accepted',
  6: 'illegal ME',
  7: 'EPS services not allowed',
  8: 'EPS services and non-EPS services not allowed',
  9: 'UE identity cannot be derived by the network',
  10: 'implicitly detached',
  11: 'PLMN not allowed',
  12: 'tracking area not allowed',
  13: 'roaming not allowed in this tracking area',
  14: 'EPS services not allowed in this PLMN',
  15: 'no suitable cells in tracking area',
  16: 'MSC temporarily not reachable',
  17: 'network failure',
  18: 'CS domain not available',
  19: 'ESM failure',
  20: 'MAC failure',
  21: 'synch failure',
  22: 'congestion',
  25: 'not authorized for this CSG',
  35: 'requested service option not authorized in this PLMN',
  42: 'severe network failure',
  78: 'PLMN not allowed to operate at the present UE location',
  111: 'protocol error, unspecified',
};

/** A reject cause in words: `7 (EPS services not allowed)`; a cause of type 1 is the modem maker's own. */
export function rejectCauseWords(cause: string, causeType: string | undefined): string {
  if (causeType === '1') return `${cause} (the modem maker's own cause)`;
  const words = EMM_CAUSES[Number(cause)];
  return words ? `${cause} (${words})` : cause;
}
