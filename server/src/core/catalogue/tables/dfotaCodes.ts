// Teltonika `dfota` script error codes with the script constant and the WebUI text ([S3], [S4]),
// knowledge section 3.1.

export interface DfotaCode {
  constant: string;
  webui: string;
  meaning: string;
}

export const DFOTA_CODES: Record<number, DfotaCode> = {
  166: { constant: 'EC_NO_MANUF', webui: 'Unable to get manufacturer of modem', meaning: 'dfota could not ask gsmd which vendor made the modem; the modem was not answering.' },
  167: { constant: 'EC_NOT_QUECTEL', webui: 'DFOTA is available only for Quectel modems', meaning: 'DFOTA handles Quectel modems (and Telit LE910C4-WWX) only.' },
  168: { constant: 'EC_NOT_READY', webui: 'Modem not ready', meaning: 'The modem was not ready to take an update.' },
  169: { constant: 'EC_CONN_ERROR', webui: 'Connection error to FOTA server', meaning: 'The router could not reach Teltonika\'s FOTA server to look for an update.' },
  170: { constant: 'EC_NO_UPDATE', webui: 'No update found', meaning: 'The server has no newer firmware for this modem; nothing was changed.' },
  171: { constant: 'EC_NOT_ENOUGH_MEM', webui: 'Not enough memory in modem filesystem', meaning: 'The modem\'s own storage has no room for the update image.' },
  172: { constant: 'EC_EDL_FAILED', webui: 'Failed to enter download mode', meaning: 'The modem did not accept the upload of the image.' },
  173: { constant: 'EC_DL_FAILED', webui: 'Firmware update download was unsuccessful', meaning: 'Downloading the image failed.' },
  174: { constant: 'EC_UPD_VERIFY_FAILED', webui: 'Firmware update verify was unsuccessful', meaning: 'The size the modem reports for the uploaded image differs from the expected size: the upload broke. The modem keeps its old firmware.' },
  175: { constant: 'EC_UPD_START_FAILED', webui: 'Unable to start firmware update process', meaning: 'No dfota_upgrade command could be started on the modem.' },
  176: { constant: 'EC_UPGRADE_START_ERROR', webui: 'Unable to start firmware update process', meaning: 'The modem did not leave the USB bus to start updating within the time limit (30 s; 250 s for mobile-only DFOTA).' },
  177: { constant: 'EC_UPGRADE_VIA_FILE_NOT_SUPPORT', webui: 'Update using file is not supported on this modem', meaning: 'This modem updates itself over its own mobile connection only.' },
  178: { constant: 'EC_NO_MOBILE_CONN', webui: 'Modem firmware update is only available using mobile connection (Mobile connection is not established)', meaning: 'Mobile-only DFOTA needs an established mobile data connection.' },
};
