/**
 * RutOS names a mobile interface for its modem, SIM and APN: `mob1s1a1` is modem 1, SIM 1, APN
 * 1, with `_4` / `_6` for its IPv4 and IPv6 halves (mobile.sh's interface naming [S21]). Any
 * other stack's interface names are the user's, so a name alone says nothing there.
 */
export const RUTOS_MOBILE_INTERFACE = /^mob\d+s\d+a\d+/;
