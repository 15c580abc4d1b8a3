// Public sources behind every fact the catalogue states, keyed by the tags used in
// ../shared/knowledge/rutos-modem-logs.md (extracted from its Sources list). Entries added by
// this project beyond that file carry a tag starting with X.
import type { HostId } from '../stories/marks';

export interface Source { title: string; url: string }

export const SOURCES: Record<string, Source> = {
  S1: {"title": "SDK HEAD RUT9M_R_GPL_00.07.21.1", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/tree/10a7059bc8ba8c77a42736287cefd291999b310e"},
  S1b: {"title": "SDK 00.07.11 (2024-11-25)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/tree/89653b7b5138f4bcca270ddeea894ace8bb2a19b"},
  S2a: {"title": "logread patch (events DB, line format)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/system/ubox/patches/001-logd_logread_init_db_write.patch"},
  S2b: {"title": "logd `write_ext` + DEFAULT_PRIORITY 6", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/system/ubox/patches/006-logd_ubus_functions.patch"},
  S2c: {"title": "table → LOG_LOCALn mapping", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/system/ubox/patches/014-logging_system_update.patch"},
  S3: {"title": "dfota script (HEAD)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/quectel/quectel_dfota/files/dfota"},
  S3b: {"title": "dfota script (00.07.11)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/89653b7b5138f4bcca270ddeea894ace8bb2a19b/package/teltonika/quectel/quectel_dfota/files/dfota"},
  S3c: {"title": "rpc-dfota rpcd plugin (WebUI → `dfota -u -s -m <modem> > /dev/null`)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/quectel/quectel_dfota/files/rpcd/rpc-dfota"},
  S4: {"title": "WebUI bundle (banner, error texts, notify events)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/feeds/vuci/vuci-ui-core/bin/vuci-ui-core/src/dist/www/assets/index-2026-02-23-4f4044c88cc.js.gz"},
  S5: {"title": "01-serial-symlink.sh (00.07.10 path)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/b4095d148a702215c4b49278503e09dc09c39444/package/base-files/files/etc/hotplug.d/tty/01-serial-symlink.sh"},
  S6: {"title": "`/lib/network/wwan/<vid>:<pid>` modem JSON files", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/libs/modems/patches/000_tlt.patch"},
  S7: {"title": "gsm_event.hotplug (Mobile data events)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/files/gsm_event.hotplug"},
  S8: {"title": "gsmd binary (strings)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/gsmd/gsmd"},
  S9: {"title": "troubleshoot.sh", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/troubleshoot/files/troubleshoot.sh"},
  S9b: {"title": "troubleshoot.sh at 00.07.05", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/7d0e4f725449e24ee23831460c9e4d291bc30d4c/package/teltonika/troubleshoot/files/troubleshoot.sh"},
  S9c: {"title": "libtroubleshoot.sh", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/troubleshoot/files/libtroubleshoot.sh"},
  S10: {"title": "notify_sim_state.hotplug", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/files/notify_sim_state.hotplug"},
  S11: {"title": "/etc/init.d/done (startup events, usb_check)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/base-files/files/etc/init.d/done"},
  S12: {"title": "config_generate 00.07.10 (log_buffer_size/log_size)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/b4095d148a702215c4b49278503e09dc09c39444/package/base-files/files/bin/config_generate"},
  S13: {"title": "log.init / log.config (HEAD)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/system/ubox/files/log.init"},
  S29: {"title": "logread/logd record-id patch (added 00.07.11)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/89653b7b5138f4bcca270ddeea894ace8bb2a19b/package/system/ubox/patches/007-logread_index_logs.patch"},
  S30: {"title": "7.11 migration of the log file path to /usr/local/var/log/messages", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/89653b7b5138f4bcca270ddeea894ace8bb2a19b/package/teltonika/uci-default/files/7.11/99_logger_file_change"},
  S14: {"title": "log rotation patch (added 00.07.11)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/89653b7b5138f4bcca270ddeea894ace8bb2a19b/package/system/ubox/patches/008-log_rotation.patch"},
  S15: {"title": "sysfixtime", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/base-files/files/etc/init.d/sysfixtime"},
  S16: {"title": "gsmd.init", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/files/gsmd.init"},
  S17: {"title": "gsmd.hotplug (modem_added/removed)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/files/gsmd.hotplug"},
  S18b: {"title": "gsmctl binary (usage text via strings)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/gsmctl/gsmctl"},
  S31: {"title": "/sbin/reboot wrapper (reboot reason events, /log/reboot marker)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/base-files/files/sbin/reboot"},
  S18: {"title": "libgsm (header + strings)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/libgsm/include/libgsm.h"},
  S19: {"title": "modem_api.h (PIN/registration/usbnet/FOTA enums)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/api/include/gsm/modem_api.h"},
  S20: {"title": "mobifd binary (strings)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/mobifd/bin/mobifd"},
  S21: {"title": "mobile.sh (interface naming, QMI error logging)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/mobifd/bin/files/mobile.sh"},
  S22: {"title": "modem_updater.sh", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/modem_updater/bin/modem_updater.sh"},
  S23: {"title": "ping_reboot.sh", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/reboot_utils/bin/files/ping_reboot.sh"},
  S24: {"title": "mdcollect package", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/tree/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/mdcollect"},
  S25: {"title": "82_modem_power (mctl at preinit)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/package/teltonika/gsm/bin/files/82_modem_power"},
  S26: {"title": "RUT9M board defaults (modem at 1-1 / 1-1.4) and device definitions (usb_check)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/target/linux/ramips/mt76x8/base-files/lib/functions/target-defaults.sh"},
  S32: {"title": "per-family supported modem lists (`DEVICE_MODEM_LIST`)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/blob/10a7059bc8ba8c77a42736287cefd291999b310e/target/linux/ramips/image/mt76x8.mk"},
  S33: {"title": "RUTX family modem list", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rutx09/blob/54db0da31894febecc9bbf0354b499fccbd4321e/target/linux/ipq40xx/image/Makefile"},
  S27: {"title": "WebUI firmware and rut_fota app bundles", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/tree/10a7059bc8ba8c77a42736287cefd291999b310e/package/feeds/vuci/vuci-ui-core/bin/vuci-ui-core/src/dist/www/assets"},
  O1: {"title": "ubox logread.c", "url": "https://github.com/openwrt/ubox/blob/master/log/logread.c"},
  O2: {"title": "ubox syslog.c (logd input handling)", "url": "https://github.com/openwrt/ubox/blob/master/log/syslog.c"},
  O3: {"title": "netifd main.c (`\"%s (%d): %s\"`) and interface.c (`Interface '%s' is now down`)", "url": "https://github.com/openwrt/netifd/blob/master/main.c"},
  O4: {"title": "ubus libubus.c `__ubus_strerror`", "url": "https://github.com/openwrt/ubus/blob/master/libubus.c"},
  K1: {"title": "commit 857ea9005806 \"USB: serial: option: add Quectel EC200A module support\" (0x6005: ECM / RNDIS + DIAG + AT + MODEM, usb-devices dump)", "url": "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=857ea9005806e2a458016880278f98715873e977"},
  K2: {"title": "drivers/usb/serial/option.c Quectel product IDs (EG91 0x0191, EG95 0x0195, BG96 0x0296, EP06 0x0306, EM060K 0x030b, EM12 0x0512, EG912Y 0x6001, EC200S_CN 0x6002, EC200A 0x6005, EG916Q 0x6007, EM061K 0x6008/0x6009, EC200T 0x6026, RM500Q 0x0800, RM520N 0x0801, EC200U 0x0901)", "url": "https://github.com/torvalds/linux/blob/master/drivers/usb/serial/option.c"},
  K3: {"title": "kernel/printk/printk.c `devkmsg_write()`: `int level = default_message_loglevel; int facility = 1; /* LOG_USER */` (userspace writes to /dev/kmsg without a `<N>` prefix get facility user and the default message loglevel, normally 4 = warning)", "url": "https://github.com/torvalds/linux/blob/master/kernel/printk/printk.c"},
  K3b: {"title": "drivers/usb/core/hub.c `usb_disconnect()` \"USB disconnect, device number %d\"", "url": "https://github.com/torvalds/linux/blob/master/drivers/usb/core/hub.c"},
  K4: {"title": "drivers/tty/tty_io.c `hung_up_tty_write()` returns `-EIO`", "url": "https://github.com/torvalds/linux/blob/master/drivers/tty/tty_io.c"},
  K5: {"title": "errno values", "url": "https://github.com/torvalds/linux/blob/master/include/uapi/asm-generic/errno-base.h"},
  K6: {"title": "drivers/net/usb/usbnet.c `register '%s' at usb-%s-%s, %s, %pM`", "url": "https://github.com/torvalds/linux/blob/master/drivers/net/usb/usbnet.c"},
  S28: {"title": "RutOS mwan3 package (logging + Teltonika events patch)", "url": "https://github.com/wirelane/teltonika-gpl-sdk-rut956/tree/10a7059bc8ba8c77a42736287cefd291999b310e/package/network/services/mwan3"},
  G1: {"title": "RutOS user repo with captured `mwan3 status` output and a real netifd proto error line (`daemon.notice netifd: mob1s1a1 (10544): ./wwan.sh: eval: line 133: can't create /var/lock/qmimux.lock: nonexistent directory`)", "url": "https://github.com/markus-lassfolk/rutos-starlink-failover/blob/86c9500aa1701207f036bab26078406676630335/test-fix-deployment.sh"},
  Q1: {"title": "Quectel forum, EC200A (2c7c:6005) enumerates as cdc_ether on a PC", "url": "https://forums.quectel.com/t/ec200a-and-usb-modern-mode/21726"},
  Q2: {"title": "Quectel forum, RM500Q AT port gone after `AT+QCFG=\"usbnet\",3` (rndis_host dmesg)", "url": "https://forums.quectel.com/t/rm500q-at-port-doesnt-work-in-rndis-mode/20108"},
  Q3: {"title": "Quectel forum, interface order RNDIS vs RMNET/ECM/MBIM", "url": "https://forums.quectel.com/t/cant-send-at-command-after-changing-data-interface-to-0-0/47332"},
  Q4: {"title": "GL.iNet forum, EC25 after `AT+QCFG=\"usbnet\",3` binds rndis_host on If 0/1", "url": "https://forum.gl-inet.com/t/x750-need-help-4g-modem-no-working/28294"},
  F1: {"title": "RUT901 modem firmware update stuck", "url": "https://community.teltonika.lt/t/rut901-modem-firmware-update-stuck/10821"},
  F2: {"title": "RUT955 Modem upgrade (modem_updater/QFirehose → EDL)", "url": "https://community.teltonika.lt/t/rut955-modem-upgrade/630"},
  F4: {"title": "RUTX11 - Firmware update (Modem) fails (dfota ErrorCode 174)", "url": "https://community.teltonika.lt/t/rutx11-firmware-update-modem-fails/16700"},
  F5: {"title": "RUTC50 no mobile internet after firmware + modem update, PIN state flipping", "url": "https://community.teltonika.lt/t/rutc50-no-mobile-internet-connection-after-firmware-modem-update-pin-state-flipping/18500"},
  F6: {"title": "RUTX14 internal modem disconnects (dmesg)", "url": "https://community.teltonika-networks.com/54390/rutx14-connection-internal-mobile-disconnected-internal"},
  F7: {"title": "RUTX14 mobile modem in the EDL - how to recover", "url": "https://community.teltonika.lt/t/rutx14-mobile-modem-in-the-edl-how-to-recover/16179"},
  F8: {"title": "RUT360 bricked by updating the EG06 modem firmware", "url": "https://community.teltonika-networks.com/55411/rut360-bricked-by-updating-the-eg06-modem-firmware?show=55428"},
  F9: {"title": "RUTX11 internal modem unreachable (lsusb / 9008 / RMA)", "url": "https://community.teltonika.lt/t/rutx11-internal-modem-unreachable/244"},
  F10: {"title": "RUT240 Internal modem is unreachable (USB loop)", "url": "https://community.teltonika.lt/t/rut240-internal-modem-is-unreachable/7083"},
  F11: {"title": "RUT260 internal modem unreachable (SLM828G, RMA)", "url": "https://community.teltonika.lt/t/rut260-internal-modem-unreachable/6584"},
  F12: {"title": "RUTX50 internal modem unstable after RG520 modem firmware update", "url": "https://community.teltonika.lt/t/rutx50-internal-modem-unstable-after-rg520-modem-firmware-update-sim-failure-gsmctl-n-a-no-registration/18483"},
  F13: {"title": "OpenWrt forum, RUT955 modems (SLM750, EC25-AF; EC25-EU from batch 113, EG25-G batch 107)", "url": "https://forum.openwrt.org/t/modem-drivers-not-working-properly-on-openwrt-firmware-with-teltonika-rut955-router/169675"},
  F14: {"title": "Quectel forum, EC200T-CN 2c7c:6026 usb-devices + option ttyUSB mapping", "url": "https://forums.quectel.com/t/ec200t-cn-not-working-in-openwrt-21-02-with-rockchip-rk3328/19227"},
  W1: {"title": "Old name remains, next ttyUSB number used until reboot (blog comment)", "url": "https://www.aeronetworks.ca/2013/05/usb-serial-device-with-unknown-ids.html?m=0"},
  // Added by GSM Log Lens beyond the knowledge file.
  X1: {"title": "OpenWrt procd watchdog.c (logs 'Watchdog has previously reset the system' when the watchdog reports WDIOF_CARDRESET)", "url": "https://github.com/openwrt/procd/blob/master/watchdog.c"},
  X2: {"title": "Linux init/version.c linux_banner ('Linux version %s ...', the first line of every boot)", "url": "https://github.com/torvalds/linux/blob/master/init/version.c"},
  X10: {
    title: 'OpenWrt packages mwan3track (`Interface %s (%s) is offline/online`, `Lost %d ping(s) on interface`, `Check (%s) failed for target`)',
    url: 'https://github.com/openwrt/packages/blob/master/net/mwan3/files/usr/sbin/mwan3track',
  },
  X11: {
    title: 'Quectel QFirehose qfirehose.c (switch_to_edl_mode: "switch to \'Emergency download mode\'", "successful, wait module reboot"; detect_and_judge_module_version failure is not fatal; "Upgrade module %s.")',
    url: 'https://github.com/Biktorgj/qfirehose/blob/8bbdec449146112074087c7c77b7a94936163dfd/qfirehose.c',
  },
  X12: {
    title: 'Sierra Wireless lite-fw.h (litefw error codes: 100 = eSDP_FWDWL_ERR_GENERAL "Generic FW download error"; BOOT_AND_HOLD modem state)',
    url: 'https://github.com/bryan-soriano-tek/Vms-seco/blob/944d97e529db1340efffe807589e2a66a6915979/MBPL_SDK_R30_ENG6-lite.bin/lite-fw/inc/lite-fw.h',
  },
  X13: {
    title: 'pi-router issue #1: Sierra EM7565 firmware download with fwdwl-lite fails (`litefw_DownloadFW failed: 100`), fixture 046',
    url: 'https://github.com/geerlingguy/pi-router/issues/1',
  },
  X20: {
    title: 'ModemManager src/: mm-iface-modem.c ("state changed (%s -> %s)"), mm-broadband-modem.c ("Modem couldn\'t be initialized: %s", SIM not inserted -> failed reason sim-missing), mm-base-bearer.c ("connection attempt #%u failed: %s"), mm-iface-modem-3gpp.c ("3GPP registration state changed (%s -> %s)")',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/tree/main/src',
  },
  X21: {
    title: 'OpenWrt uqmi netifd protocol handler qmi.sh ("SIM in illegal state - Power-cycling SIM", "Network registration failed", "Unable to connect IPv4"); its interface options include `apn`, `auth` (pap, chap, both, none), `username`, `password`, `pincode`, `pdptype` and `modes`; it reads the registration with `uqmi -s -d <device> --get-serving-system`',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/network/utils/uqmi/files/lib/netifd/proto/qmi.sh',
  },
  X22: {
    title: 'uqmi commands.c ("Failed to connect to service" when no QMI client ID can be obtained for the service)',
    url: 'https://github.com/openwrt/uqmi/blob/master/commands.c',
  },
  X23: {
    title: 'pppd sources: main.c ("Modem hangup"), tty.c ("Connect script failed"), fsm.c ("%s terminated by peer"), lcp.c ("No response to %d echo-requests", "Serial link appears to be disconnected."), chap-new.c chap_handle_status() ("CHAP authentication failed: <the peer\'s message>" at info level, then the error "CHAP authentication failed", when the peer refuses the login), upap.c ("PAP authentication failed")',
    url: 'https://github.com/ppp-project/ppp/tree/master/pppd',
  },
  X24: {
    title: 'chat.c ("abort on (%v)" configuration trace, "alarm", " -- failed", "Failed (%s)")',
    url: 'https://github.com/ppp-project/ppp/blob/master/chat/chat.c',
  },
  X25: {
    title: 'Quectel QConnectManager (quectel-CM) V1.6.5 QMIThread.c ("%s QMUXResult = 0x%x, QMUXError = 0x%x", "call_end_reason is %d", "%s MCC: %d, MNC: %d, PS: %s, DataCap: %s" with PS "Attached" or "Detached", the modem\'s packet-switched attach state)',
    url: 'https://github.com/1724640413/Quectel_QConnectManager_Linux_V1.6.5/blob/6ccc3768ee0b493125509b5dea161c19b311472d/QMIThread.c',
  },
  X26: {
    title: 'gammu libgammu/device/serial/ser_unx.c serial_write ("Wanted to write %ld bytes, but %ld were written" after GSM_OSErrorInfo "serial_write")',
    url: 'https://github.com/gammu/gammu/blob/master/libgammu/device/serial/ser_unx.c',
  },
  X27: {
    title: 'FreeBSD USB stack: usb_device.c usb_detach_device_sub ("at %s, port %d, addr %d (disconnected)"), usb_request.c usbd_req_re_enumerate ("set address failed!", "port reset failed"), serial/u3g.c',
    url: 'https://github.com/freebsd/freebsd-src/tree/main/sys/dev/usb',
  },
  X28: {
    title: 'FreeBSD kern/subr_bus.c device_detach (prints "<dev>: detached")',
    url: 'https://github.com/freebsd/freebsd-src/blob/main/sys/kern/subr_bus.c',
  },
  X29: {
    title: 'modemmanager-devel 2018-05: MC7430 on OpenWrt, "Modem couldn\'t be initialized: Couldn\'t check unlock status: SIM not inserted" then state failed (fixture 016)',
    url: 'https://lists.freedesktop.org/archives/modemmanager-devel/2018-May/006411.html',
  },
  X30: {
    title: 'tch-gui-unhide issue #189: Technicolor DJA0230 mobiled "Data session setup attempt for PDN 0 failed with error \\"Network failure\\"" (fixture 038)',
    url: 'https://github.com/seud0nym/tch-gui-unhide/issues/189',
  },
  X31: {
    title: 'victronenergy/venus issue #326: dbus-modem "Read error, quitting" restart loop every ~1.5 min (fixture 044)',
    url: 'https://github.com/victronenergy/venus/issues/326',
  },
  X32: {
    title: 'opnsense/core issue #3563: Huawei E1750 u3g detach, re-enumeration errors and reattach on FreeBSD (fixture 032)',
    url: 'https://github.com/opnsense/core/issues/3563',
  },
  X33: {
    title: 'openwrt/packages PR #23590: ModemManager MBIM debug log, register state \'deregistered\' (fixture 040)',
    url: 'https://github.com/openwrt/packages/pull/23590',
  },
  // Added for the flasher, ModemManager/libqmi, comgt, ESP-IDF, procd and kernel-crash entries.
  X60: {
    title: 'QFirehose real run log: EM20 switched to EDL, re-enumerates as 05c6:9008 (`P: ... idVendor=05c6 idProduct=9008`), Sahara hello/read-data exchange, "Sahara protocol completed", firehose write, "Upgrade module successfully."',
    url: 'https://github.com/nippynetworks/qfirehose/blob/0dc82b3d4f764a044a2c9219804d852269f0dcf1/log/MCU_local.log.txt',
  },
  X61: {
    title: 'RM551E-GL issue #4: QFirehose against a module in EDL, USB reads time out (errno 110), "Received a different q_cmd ... while waiting for hello packet", "Sahara protocol error", "Upgrade module failed." (fixture 045)',
    url: 'https://github.com/iamromulan/RM551E-GL/issues/4',
  },
  X62: {
    title: 'Linaro qdl sahara.c (Sahara HELLO/READ/END OF IMAGE/DONE handling, "Sahara: sending %s (%zu bytes)", memory-debug (ramdump) mode of the same protocol)',
    url: 'https://github.com/linux-msm/qdl/blob/0013268a7f6309c505638f5d570badac9fd7a795/sahara.c',
  },
  X63: {
    title: 'Quectel QLog sahara.c: catches a crashed module\'s memory dump over the same Sahara protocol ("<=== Q_SAHARA_...", "Sahara protocol error/completed", "Catch DUMP using Sahara protocol failed/successful")',
    url: 'https://github.com/Jinjin-Wang07/quectel_qlog/blob/f104828744cfd5c0d18f1d5768b50d61a1752e1c/sahara.c',
  },
  X64: {
    title: 'ModemManager src/mm-base-modem.c port_timed_out_cb: "port %s timed out %u consecutive times" (warning from the 2nd consecutive timeout), ", marking modem as invalid" at max_timeouts (default 10), then the modem is re-probed',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-base-modem.c',
  },
  X65: {
    title: 'ModemManager src/mm-base-bearer.c (a requested or forced disconnect sets the bearer DISCONNECTING first) and src/mm-iface-modem.c bearer_status_changed (modem state follows the bearer: DISCONNECTING -> "disconnecting", DISCONNECTED -> the consolidated registration state)',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-base-bearer.c',
  },
  X66: {
    title: 'ModemManager src/mm-iface-modem-3gpp.c register_in_network: "launching automatic network registration...", registration checks every 3 s until registered, denied (error "Network not allowed - emergency calls only") or timed out (error "Network timeout"); on failure the registration states are set to idle',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-iface-modem-3gpp.c',
  },
  X67: {
    title: 'ModemManager src/mm-error-helpers.c mobile equipment error table (+CME ERROR codes): 30 "No network service", 31 "Network timeout", 32 "Network not allowed - emergency calls only"',
    url: 'https://github.com/linux-mobile-broadband/ModemManager/blob/0b39072b76cc5cca1dd84a7db079b4d6db3386cb/src/mm-error-helpers.c',
  },
  X68: {
    title: '3GPP TS 27.007 (AT command set for User Equipment), 9.2.1 +CME ERROR result codes: 30 no network service, 31 network timeout, 32 network not allowed - emergency calls only',
    url: 'https://www.3gpp.org/DynaReport/27007.htm',
  },
  X69: {
    title: 'xmm7360-pci issue #225: ModemManager debug trace, AT+COPS=0 answered "+CME ERROR: 30", "registration in network failed: Network timeout" (fixture 035)',
    url: 'https://github.com/xmm7360/xmm7360-pci/issues/225',
  },
  X70: {
    title: 'libqmi src/libqmi-glib/qmi-device.c: transaction_timed_out() aborts a request with "Transaction timed out"; transaction_abort() logs "transaction 0x%x aborted, but message is not abortable" (also for a cancelled request)',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/libqmi/-/blob/main/src/libqmi-glib/qmi-device.c',
  },
  X71: {
    title: 'meta-balena issue #3277: EM05-G on ModemManager 1.18.4, every QMI request during "Checking version info" aborted one per second (fixture 053)',
    url: 'https://github.com/balena-os/meta-balena/issues/3277',
  },
  X72: {
    title: 'comgt.c: writecom() calls serror("Could not write to COM device",1) when write() to the device fails; serror prints "-- Error Report --", a pointer line and "Error @%d, line %d, %s. (%d)" as "comgt HH:MM:SS -> ..." and exits with that code',
    url: 'https://github.com/ng-alt/comgt/blob/784606a5c0b982b4765ef869eeb7b55e82fc7b1d/comgt.c',
  },
  X73: {
    title: 'Blog post (fixture 029): LEDE ZTE MF831 PPP link dies, comgt then reports "Could not write to COM device. (1)"; a USB re-plug or power reset of the modem brings it back',
    url: 'https://nblock.org/2017/09/19/automatically-recover-a-failing-usb-lte-modem',
  },
  X74: {
    title: 'espressif/esp-iot-solution USB host modem stack: iot_usbh_cdc.c (on a new device: "Opened cdc device: %d", "New device connected, address: %d"), usbh_modem_board.c (DTE connect/disconnect callbacks, "reconnect after %ds..." countdown after every DTE connection, also the first)',
    url: 'https://github.com/espressif/esp-iot-solution/tree/master/components/usb',
  },
  X75: {
    title: 'ESP-IDF USB Host Library usbh.c: ESP_LOGE(USBH_TAG, "Device %d gone") when a device leaves the bus (a debug message in later versions)',
    url: 'https://github.com/espressif/esp-idf/blob/release/v4.4/components/usb/usbh.c',
  },
  X76: {
    title: 'esp-iot-solution issue #530: ESP32-S3 4G router with an ML307R, the module drops off USB ("USBH: Device 1 gone", "Modem Board Event: USB disconnected") and re-enumerates (fixture 049)',
    url: 'https://github.com/espressif/esp-iot-solution/issues/530',
  },
  X77: {
    title: 'OpenWrt procd: initd/early.c ("Console is alive"), initd/preinit.c ("- preinit -"), state.c ("- early -", "- ubus -", "- init -", "- init complete -", "- shutdown -", "- reboot -"): the stages PID 1 logs once per boot and at shutdown',
    url: 'https://github.com/openwrt/procd/blob/master/state.c',
  },
  X78: {
    title: 'Linux arch/arm/mm/fault.c ("Unable to handle kernel %s at virtual address %08lx"), arch/arm/kernel/traps.c __die() ("Internal error: %s: %x [#%d]"), kernel/panic.c ("Kernel panic - not syncing: %s")',
    url: 'https://github.com/torvalds/linux/blob/master/arch/arm/kernel/traps.c',
  },
  X79: {
    title: 'Linux admin guide, /proc/sys/kernel: panic_on_oops (0: try to continue after an oops, 1: panic) and panic (seconds before a reboot after a panic; 0 waits forever)',
    url: 'https://docs.kernel.org/admin-guide/sysctl/kernel.html',
  },
  X80: {
    title: 'asuswrt-merlin.ng issue #283: RT-AC3200 syslog after a crash shows "_ Reboot message ..._" followed by the preserved kernel Oops of the previous run (fixture 047)',
    url: 'https://github.com/RMerl/asuswrt-merlin.ng/issues/283',
  },
  X81: {
    title: 'Linux 2.6.32 drivers/usb/core/hub.c: `usb_disconnect()` "USB disconnect, address %d" and `hub_port_init()` "%s %s speed %sUSB device using %s and address %d": the device number, written as the address by kernels of that series',
    url: 'https://github.com/torvalds/linux/blob/v2.6.32/drivers/usb/core/hub.c',
  },
  X82: {
    title: 'OpenWrt ubox log/logread.c: a line is ctime, then with -t `[%lu.%03u] ` (seconds since 1970 and milliseconds), then `facility.level`, ` kernel:` for the kernel\'s lines, and the message',
    url: 'https://github.com/openwrt/ubox/blob/master/log/logread.c',
  },
  X83: {
    title: 'Cisco IOS XE 17.4 System Management Configuration Guide (Catalyst 9400), Configuring System Message Logs: "seq no:timestamp: %facility-severity-MNEMONIC:description", the severity a single digit 0-7, the sequence number and the stamp only when configured (service sequence-numbers, service timestamps log datetime [msec] [show-timezone] [year], or uptime)',
    url: 'https://easymanua.ls/cisco/catalyst-9400/manual?p=278',
  },
  X84: {
    title: 'Cisco Unified Communications Manager Managed Services Guide 8.0(1), CiscoLog TIMESTAMP field: Cisco IOS writes `*` before the date when the local time is not authoritative and `.` when it was synchronized by NTP but no server is reachable now',
    url: 'https://cisco.manymanuals.com/digital-video-recorders-dvr/explorer-1540/specifications-32360/201',
  },
  X85: {
    title: 'Cisco 1100 Series Software Configuration Guide (IOS XE 16.7), cellular chapter: the cellular WAN facility\'s system messages, `%CELLWAN-6-CELLULAR_BACKOFF_START: Cellular0/2/0: Cellular back-off has started on PDN 0`',
    url: 'https://www.cisco.com/c/en/us/td/docs/routers/access/1100/software/configuration/xe-16-7/cisco_1100_series_swcfg_xe_16_7_x/cisco_1100_series_swcfg_chapter_01011.html',
  },
  X86: {
    title: 'NetworkManager src/core/devices/nm-device.c: `device (%s): state change: %s -> %s (reason \'%s\', sys-iface-state: \'%s\')` (older: `(reason \'%s\') [%d %d %d]`), the reason one of NMDeviceStateReason\'s names: gsm-registration-not-searching/-denied/-timeout/-failed, gsm-sim-not-inserted/-pin-required/-puk-required/-wrong, gsm-pin-check-failed, sim-pin-incorrect, modem-busy/-no-dial-tone/-no-carrier/-dial-timeout/-dial-failed/-init-failed, gsm-apn-failed',
    url: 'https://gitlab.freedesktop.org/NetworkManager/NetworkManager/-/blob/main/src/core/devices/nm-device.c',
  },
  X87: {
    title: 'NetworkManager src/core/devices/wwan/nm-modem-broadband.c: `failed to connect modem: %s` (a warning under the `modem-broadband[<device>]` prefix; older versions `(%s) failed to connect modem: %s`), the error ModemManager returned for the connect call; likewise `failed to enable modem: %s` for the enable call',
    url: 'https://gitlab.freedesktop.org/NetworkManager/NetworkManager/-/blob/main/src/core/devices/wwan/nm-modem-broadband.c',
  },
  X88: {
    title: 'Linux drivers/usb/class/cdc-acm.c, acm_probe(): `dev_info(&intf->dev, "ttyACM%d: USB ACM device\\n", minor)`, printed as `cdc_acm 1-1:1.2: ttyACM0: USB ACM device` for each CDC-ACM interface bound',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/class/cdc-acm.c',
  },
  X89: {
    title: 'Linux drivers/bus/mhi/host/pci_generic.c (the MHI PCI controller driver, `mhi-pci-generic`, for PCIe modems such as Qualcomm SDX55/SDX6x modules): mhi_pci_status_cb() `dev_warn(..., "firmware crashed (%u)\\n", cb)` on MHI_CB_FATAL_ERROR and MHI_CB_SYS_ERROR; health_check() every two seconds reads the PCI vendor ID and on failure `dev_err(..., "Device died\\n")` and queues the recovery; mhi_pci_recovery_work() `dev_warn(..., "device recovery started\\n")`, powers the MHI controller down and up, and after a failed PCI function reset `dev_err(..., "Recovery failed\\n")`; probe and reset `failed to prepare MHI controller`, `failed to power up MHI controller`; mhi_pci_resume(): when the device does not leave its low-power state on resume, `dev_err(..., "failed to resume device: %d\\n", err)` and the recovery work is queued',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/bus/mhi/host/pci_generic.c',
  },
  X90: {
    title: '3GPP TS 27.007 (AT command set for User Equipment), 9.2 +CME ERROR result codes: 9.2.1 10 SIM not inserted, 11 SIM PIN required, 12 SIM PUK required, 13 SIM failure, 14 SIM busy, 15 SIM wrong, 16 incorrect password, 17 SIM PIN2 required, 18 SIM PUK2 required; 9.2.2 (GPRS and packet domain) 103 Illegal MS, 106 Illegal ME, 107 GPRS services not allowed, 111 PLMN not allowed, 112 Location area not allowed, 113 Roaming not allowed in this location area, 132 service option not supported, 133 requested service option not subscribed, 134 service option temporarily out of order, 149 PDP authentication failure (the same words in ModemManager src/mm-error-helpers.c, me_errors[]); 8.3 +CPIN=<pin> enters the PIN (or the PUK and a new PIN)',
    url: 'https://www.3gpp.org/DynaReport/27007.htm',
  },
  X91: {
    title: '3GPP TS 27.007, 7.2 +CREG, 10.1.19 +CGREG, 10.1.22 +CEREG (and +C5GREG): the read answer `+CxREG: <n>,<stat>[,...]` and the unsolicited report `+CxREG: <stat>[,<lac/tac>,<ci>,...]` (area and cell quoted); <stat> 0 not registered, not searching; 1 registered, home network; 2 searching; 3 registration denied; 4 unknown; 5 registered, roaming',
    url: 'https://www.3gpp.org/DynaReport/27007.htm',
  },
  X92: {
    title: 'Linux drivers/net/wwan/t7xx/t7xx_state_monitor.c (MediaTek T700 PCIe modems, driver `mtk_t7xx`): fsm_routine_exception() `dev_err(dev, "Boot Handshake failure\\n")` and `"Exception event\\n"` (the modem\'s exception interrupt, then its exception handshake); fsm_routine_starting() waits up to 60 s (HZ * 60) and logs `"MD exception is captured during handshake"`, `"MD handshake timeout"`, `"AP handshake timeout"`; fsm_routine_start() `"invalid device status"` when the PCIe status register reads all ones, `"Timeout at device stage 0x%x"`',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/net/wwan/t7xx/t7xx_state_monitor.c',
  },
  X93: {
    title: 'Linux drivers/hwmon/raspberrypi-hwmon.c (the Raspberry Pi voltage sensor driver): every 2 s it asks the firmware for its throttled flags (RPI_FIRMWARE_GET_THROTTLED) and, when the under-voltage sticky bit (bit 16) sets, `dev_crit(..., "Undervoltage detected!\\n")`, when it clears, `dev_info(..., "Voltage normalised\\n")`, on the hwmon device (`hwmon hwmon1: `)',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/hwmon/raspberrypi-hwmon.c',
  },
  X94: {
    title: 'Raspberry Pi\'s kernel, the same driver (drivers/hwmon/raspberrypi-hwmon.c): `Under-voltage detected! (0x%08x)` and `Voltage normalised (0x%08x)` with the firmware\'s flags, rate-limited to three messages in five minutes; the firmware patch that added the flags: "Under-voltage due to inadequate power supplies is a recurring problem"',
    url: 'https://github.com/raspberrypi/linux/blob/1a91e6d5abd997453149831bfa2f75513a715a19/drivers/hwmon/raspberrypi-hwmon.c',
  },
  X97: {
    title: 'libqmi: qmicli\'s wds --start-network (qmicli-wds.c) and qmi-network print `error: couldn\'t start network: %s` and, for a refused call, `call end reason (%u): %s` and `verbose call end reason (%u,%d): [%s] %s`; ModemManager\'s QMI bearer (mm-bearer-qmi.c) logs the same verbose line. The names are libqmi\'s enum nicknames (qmi-enums-wds.h, QmiWdsVerboseCallEndReason3gpp: operator-determined-barring, insufficient-resources, unknown-apn, unknown-pdp, authentication-failed, ggsn-reject, activation-reject, option-not-supported, option-unsubscribed, option-temporarily-out-of-order, regular-deactivation, network-failure, ipv4-only-allowed, ipv6-only-allowed, ...), the session management causes of 3GPP TS 24.008',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/libqmi/-/blob/main/src/libqmi-glib/qmi-enums-wds.h',
  },
  X98: {
    title: '3GPP TS 27.007, 8.2 Set phone functionality +CFUN: `+CFUN=[<fun>[,<rst>]]`; <fun> 0 minimum functionality, 1 full functionality, 4 disable the phone\'s transmit and receive RF circuits; <rst> 0 do not reset the MT before setting it to <fun>, 1 reset the MT before setting it to <fun>; the read command answers `+CFUN: <fun>`',
    url: 'https://www.3gpp.org/DynaReport/27007.htm',
  },
  X99: {
    title: 'Linux drivers/usb/core/hcd.c usb_hc_died(): `HC died; cleaning up`, the host controller marked dead and the devices below its root hubs disconnected; drivers/usb/host/xhci-ring.c xhci_hc_died(): `xHCI host controller not responding, assume dead`',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/core/hcd.c',
  },
  X101: {
    title: 'USB_ModeSwitch (Josua Dietze) and its manual page: many USB modems carry their Windows driver and, when plugged in, act as a flash storage (a virtual CD-ROM, "ZeroCD"); on Linux they show up as usb-storage until usb_modeswitch sends the command that switches them: the storage device vanishes and a modem shows up with another product ID and its modem ports (option, cdc_ether, cdc_ncm, cdc_mbim)',
    url: 'https://www.draisberghof.de/usb_modeswitch/',
  },
  X102: {
    title: 'Linux drivers/usb/storage/usb.c usb_stor_probe1(): `USB Mass Storage device detected` for each interface usb-storage binds',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/storage/usb.c',
  },
  X103: {
    title: 'OpenWrt packages utils/watchcat watchcat.sh: `logger -p daemon.info -t "watchcat[$$]" "Could not reach $host via \\"$iface\\" for \\"N\\" seconds. Restarting \\"$iface\\" after reaching \\"M\\" seconds"` for each failed ping; `logger -t INFO "Restarting network interface: ..."`, `"Reconnecting modem: ... now."` (restarts ModemManager, then ifup), `"Restarting networking now by running: /etc/init.d/network restart"`',
    url: 'https://github.com/openwrt/packages/blob/master/utils/watchcat/files/watchcat.sh',
  },
  X104: {
    title: 'ModemManager API reference, MMModemState: MM_MODEM_STATE_LOCKED "The modem needs to be unlocked" (before initializing, disabled, enabled, searching, registered, connected); MMModemLock: sim-pin, sim-puk and the other locks it may wait for',
    url: 'https://www.freedesktop.org/software/ModemManager/api/latest/ModemManager-Flags-and-Enumerations.html',
  },
  X105: {
    title: 'mmcli(1): `-m` a modem, `-i` a SIM; `--pin=PIN` sends the PIN to the SIM, `--puk=PUK` the PUK; `mmcli -m 0` shows the modem\'s state and the lock it waits for (unlock required, unlock retries)',
    url: 'https://www.freedesktop.org/software/ModemManager/man/latest/mmcli.1.html',
  },
  X106: {
    title: 'ModemManager API reference, "Modem filter": ModemManager probes the TTY, net and cdc-wdm ports its filter allows; a device or port tagged ID_MM_DEVICE_IGNORE in udev is never probed',
    url: 'https://www.freedesktop.org/software/ModemManager/api/latest/ref-overview-modem-filter.html',
  },
  X107: {
    title: 'libqmi src/qmi-firmware-update (qfu-main.c, qfu-operation-update.c, qfu-updater.c): run as `qmi-firmware-update --update` (or `-u`), it logs `rebooting in download mode...` as it sends the modem to its boot-and-hold mode; on success `firmware update operation finished successfully`, on failure `error: firmware update operation finished: <error>`',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/libqmi/-/tree/main/src/qmi-firmware-update',
  },
  X108: {
    title: 'OpenWrt comgt ncm.sh (the ncm protocol script: `Failed to get modem information` when AT+CGMI gets no answer, `Unsupported modem` when its maker is not in ncm.json, `Failed to initialize modem`, `Unable to verify PIN` (restarts blocked), `Failed to configure modem`, `Failed to set operating mode`, `Failed to connect`) and runcommand.gcom (`Error running AT-command` on ERROR, `Timeout running AT-command` after 15 s)',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/network/utils/comgt/files/ncm.sh',
  },
  X109: {
    title: 'OpenWrt umbim mbim.sh (the mbim protocol script): `mbim[$$] Failed to read modem caps`, `PIN required`, `Unable to verify PIN` (restarts blocked), `Subscriber init failed`, `Subscriber registration failed`, `Failed to attach to network`, `Failed to obtain IP address(es)`, `No APN specified`; on failure `logger "mbim bringup failed, retry in 15s"`',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/network/utils/umbim/files/lib/netifd/proto/mbim.sh',
  },
  X110: {
    title: '3GPP TS 27.007 (AT command set for User Equipment), 8.5 +CSQ signal quality: <rssi> 0 -113 dBm or less, 1 -111 dBm, 2...30 -109...-53 dBm, 31 -51 dBm or greater, 99 not known or not detectable; <ber> 0...7 as RXQUAL, 99 not known',
    url: 'https://www.3gpp.org/DynaReport/27007.htm',
  },
  X111: {
    title: 'Linux: a user program killed by a fault it did not handle, as the kernel reports it: x86 arch/x86/mm/fault.c show_signal_msg() `%s[%d]: segfault at %lx ip %px sp %px error %lx` and ` in <file>[...]`; MIPS arch/mips/mm/fault.c `do_page_fault(): sending SIGSEGV to %s for invalid %s %0*lx` ("read access from" or "write access to") and `epc = ... in <file>`; ARM arch/arm/mm/fault.c `%s: unhandled page fault (%d) at 0x%08lx, code 0x%03x` (the signal\'s number); arm64 arch/arm64/kernel/traps.c arm64_show_signal() `%s[%d]: unhandled exception: ` and the fault\'s class (`DABT (lower EL), ESR 0x..., level 2 translation fault in <file>`). %s is the program\'s name, cut to 15 characters',
    url: 'https://github.com/torvalds/linux/blob/master/arch/x86/mm/fault.c',
  },
  X112: {
    title: 'OpenWrt procd service/instance.c instance_exit(): an instance with respawn that exits sooner than its respawn threshold counts a crash; past the retry count it logs `Instance %s::%s s in a crash loop %d crashes, %ld seconds since last crash` and stops respawning it (halt)',
    url: 'https://github.com/openwrt/procd/blob/master/service/instance.c',
  },
  X113: {
    title: 'systemd src/core/service.c service_sigchld_event(): `Main process exited, code=%s, status=%i/%s` after the unit\'s name; code `dumped` (killed by a signal, core dumped) or `killed` (killed by a signal) with the signal\'s name (SEGV, ABRT, BUS...), `exited` with an exit status; src/core/unit.c `Start request repeated too quickly.` when the unit\'s start rate limit is hit: systemd starts it no more until `systemctl reset-failed`',
    url: 'https://github.com/systemd/systemd/blob/main/src/core/service.c',
  },
  X114: {
    title: 'ModemManager src/main.c: `ModemManager (version %s) starting in %s bus...` (system or session) as it starts; systemd src/core/job.c: `Started %s.` when a unit\'s start job is done (its description, `Modem Manager`, or `ModemManager.service - Modem Manager`)',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/main.c',
  },
  X115: {
    title: '3GPP TS 27.007 (AT command set for User Equipment): 8.3 +CPIN, the SIM\'s state (READY; SIM PIN, SIM PUK, PH-SIM PIN, SIM PIN2, SIM PUK2: a password is wanted); 10.1.19 +CGEV packet domain event reporting, among them `+CGEV: NW DETACH` (the network forced a detach, every context deactivated), `+CGEV: NW DEACT <PDP_type>,<PDP_addr>[,<cid>]` and `+CGEV: NW PDN DEACT <cid>` (the network deactivated a context), `+CGEV: ME PDN ACT <cid>` (a context activated); modules add `+CPIN: NOT INSERTED` and `+CPIN: NOT READY` for a SIM that is missing or not yet readable (oFono\'s Quectel driver reads NOT INSERTED, plugins/quectel.c)',
    url: 'https://www.3gpp.org/DynaReport/27007.htm',
  },
  X116: {
    title: 'Quectel modules\' unsolicited result codes: `+QIURC: "pdpdeact",<contextID>` (TCP/IP AT commands manual: the PDP context was deactivated, by the network or for another reason), `+QIACT: <contextID>,<context_state>,<context_type>[,<IP_address>]` (the answer to AT+QIACT?: state 1 activated, 0 deactivated), `UNDER_VOLTAGE WARNING` and `UNDER_VOLTAGE POWER DOWN` (the supply voltage fell below the module\'s threshold; at the second it powers itself down), as oFono\'s Quectel driver registers them (plugins/quectel.c, power_notify)',
    url: 'https://git.kernel.org/pub/scm/network/ofono/ofono.git/tree/plugins/quectel.c',
  },
  X117: {
    title: 'SIMCom SIM800 series AT command manual, unsolicited result codes: `+PDP: DEACT` (the GPRS context was deactivated, by the network or a fault), `UNDER-VOLTAGE WARNNING` (SIMCom\'s spelling) and `UNDER-VOLTAGE POWER DOWN` (the supply under the module\'s threshold; it powers itself down)',
    url: 'https://www.simcom.com/product/SIM800.html',
  },
  X118: {
    title: 'u-blox cellular modules AT commands manual (SARA-R4/R5, LARA-R6), +UUPSDD: `+UUPSDD: <profile_id>`, the URC of a packet switched data profile deactivated (by the network or a fault; not after the host\'s own deactivation)',
    url: 'https://www.u-blox.com/en/docs/UBX-17003787',
  },
  X119: {
    title: 'Linux drivers/usb/core/hub.c announce_device(): after `New USB device found, idVendor=..., idProduct=...`, `show_string(udev, "Product", udev->product)` and the manufacturer\'s and serial number\'s strings, each `dev_info` as `usb 1-1: Product: <string>`: the words the device\'s own USB descriptor holds',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/core/hub.c',
  },
  X130: {
    title: 'usb_modeswitch\'s device data (usb-modeswitch-data 20191128, Debian): one file per USB ID a device shows in its install mode (a storage device with a virtual CD-ROM), naming the devices, and TargetVendor/TargetProductList, the IDs it is switched to; DisableSwitching=1 in /etc/usb_modeswitch.conf turns switching off',
    url: 'https://www.draisberghof.de/usb_modeswitch/',
  },
  X131: {
    title: 'usb_modeswitch.c (2.x): with --sysmode, openlog("usb_modeswitch") and syslog(LOG_NOTICE) "switch device %04x:%04x on %03d/%03d" before the switch, "switched to %04x:%04x on %03d/%03d" once the target ID is seen',
    url: 'https://www.draisberghof.de/usb_modeswitch/',
  },
  X132: {
    title: 'usb_modeswitch_dispatcher (tcl): when switching is disabled in the configuration, `logger -p syslog.notice "usb_modeswitch: switching disabled, no action for <vid>:<pid>"` and exit',
    url: 'https://www.draisberghof.de/usb_modeswitch/',
  },
  X133: {
    title: 'dhcpcd src/dhcp.c: dhcp_expire() `logerrx("%s: DHCP lease expired", ifp->name)` (", extending lease" when the last lease is kept), then the address and its routes dropped and a new lease asked for; dhcp_bind() `"%s: leased %s for %u seconds"`',
    url: 'https://github.com/NetworkConfiguration/dhcpcd/blob/master/src/dhcp.c',
  },
  X134: {
    title: 'systemd src/network/networkd-dhcp4.c: dhcp_lease_lost() `log_link_info(link, "DHCP lease lost")` (a warning in older releases), the address and routes removed; dhcp_lease_acquired() `"DHCPv4 address %s/%u, gateway %s acquired from %s"`; each line led by the link\'s name',
    url: 'https://github.com/systemd/systemd/blob/main/src/network/networkd-dhcp4.c',
  },
  X135: {
    title: 'Linux net/core/dev.c dev_change_name(): `netdev_info(dev, "renamed from %s%s\\n", oldname, dev->flags & IFF_UP ? " (while UP)" : "")`, printed after the driver and bus ID of the device (`cdc_ether 1-1:1.0 enx...: renamed from eth1`)',
    url: 'https://github.com/torvalds/linux/blob/master/net/core/dev.c',
  },
  X136: {
    title: 'OpenWrt usbmode (the usb-modeswitch package): switches USB devices out of their install mode from the device data in /etc/usb-mode.json (built from usb_modeswitch\'s data), run by a hotplug script as `usbmode -s` when a device is plugged in; `usbmode -l` lists the matching devices',
    url: 'https://git.openwrt.org/?p=project/usbmode.git',
  },
  X137: {
    title: 'ETSI TS 102 221 (UICC-terminal interface), PIN verification: each wrong PIN presented lowers the PIN\'s retry counter, and a correct one sets it back to its initial value; at zero the PIN is blocked and only the unblock code (PUK) opens it. uqmi `--verify-pin1 <pin>` presents the PIN (as OpenWrt\'s qmi.sh does)',
    url: 'https://www.etsi.org/deliver/etsi_ts/102200_102299/102221/',
  },
  X138: {
    title: 'Linux drivers/usb/core/hub.c usb_authorize_device(): run when userspace writes 1 to a device\'s sysfs `authorized` attribute; sets its configuration again (its interfaces and drivers come back) and `dev_info(..., "authorized to connect\\n")`; usb_deauthorize_device() (0 written) unsets the configuration without a message',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/core/hub.c',
  },
  X139: {
    title: 'Linux drivers/net/wwan/wwan_core.c (the WWAN framework, which the PCIe modems\' drivers mhi_wwan_ctrl, t7xx and iosm register their control ports with): wwan_create_port() `dev_info(&wwandev->dev, "port %s attached\\n", ...)` when a port (AT, MBIM, QMI, QCDM, firehose) is made, wwan_remove_port() `"port %s disconnected\\n"` when it is removed, printed on the WWAN device (`wwan wwan0: port wwan0at0 attached`)',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/net/wwan/wwan_core.c',
  },
  X140: {
    title: 'fwupd, the ModemManager plugin: updates the firmware of modems ModemManager manages, on USB and PCI, found by ModemManager\'s firmware device IDs (`PCI\\VID_105B&PID_E0AB&REV_0000`); `fwupdmgr get-updates` lists the updates the Linux Vendor Firmware Service has for the devices found. ModemManager\'s Firmware interface does no update itself and names fwupd for it',
    url: 'https://fwupd.github.io/libfwupdplugin/modem-manager-README.html',
  },
  X141: {
    title: 'MikroTik RouterOS manual, LTE: the LTE client interface (`/interface lte`, `lte1` by default) and its commands, `/interface lte monitor` (the modem\'s state, operator, registration and signal) and `/interface lte at-chat` (an AT command to the modem); a RouterOS log of such a router, its topics and words: `interface,info lte1 link down`, `lte,info lte1 IPv4: <address>, DNS: ...`, `interface,info lte1 link up`',
    url: 'https://help.mikrotik.com/docs/display/ROS/LTE',
  },
  X142: {
    title: 'MikroTik RouterOS manual, Log: each entry has topics (`system`, `interface`, `lte`, `dhcp`...) and a level (`info`, `warning`, `error`, `debug`) printed before its message, `lte,info`; `/log print` shows the log, `/system logging action` sends it to a remote syslog server',
    url: 'https://help.mikrotik.com/docs/display/ROS/Log',
  },
  X143: {
    title: 'MikroTik RouterOS manual, USB features: `/system routerboard usb power-reset` turns the USB port\'s power off for a time (`duration`, 3 s by default) to restart a 3G/LTE modem without physical access; boards with several USB buses need `bus=`',
    url: 'https://help.mikrotik.com/docs/spaces/ros/pages/130220183/usb+features',
  },
  X144: {
    title: 'FreeBSD usbconfig(8): `usbconfig list` lists the USB devices the host has, each as ugen<bus>.<address> with its vendor, product and power state; `usbconfig -d ugen0.2 dump_device_desc` shows its idVendor and idProduct',
    url: 'https://man.freebsd.org/cgi/man.cgi?query=usbconfig&sektion=8',
  },
  X145: {
    title: 'FreeBSD u3g(4) and ucom(4): u3g drives the serial ports of 3G/4G USB modems through ucom, which makes each port a tty, /dev/ttyU<unit>.<port> and its callout device /dev/cuaU<unit>.<port>',
    url: 'https://man.freebsd.org/cgi/man.cgi?query=u3g&sektion=4',
  },
  X146: {
    title: 'ModemManager src/mm-port-serial.c: a command on a serial (AT) port that gets no answer before its timeout ends with the error "Serial command timed out" (MM_SERIAL_ERROR_RESPONSE_TIMEOUT), and the port counts consecutive timeouts',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-port-serial.c',
  },
  X147: {
    title: 'systemd src/journal/journalctl.c (journalctl-show.c in newer versions): between the entries of two boots journalctl prints `-- Boot <boot ID> --` (older versions `-- Reboot --`); its header `-- Logs begin at ..., end at ... --` (newer `-- Journal begins at ... --`) is no entry',
    url: 'https://github.com/systemd/systemd/blob/main/src/journal/journalctl.c',
  },
  X148: {
    title: 'The Linux watchdog daemon, src/shutdown.c do_shutdown(): `shutting down the system because of error %d = \'%s\'` (older versions without the words) at LOG_ALERT before it reboots the system because a check failed (ping, load average, test or repair binary)',
    url: 'https://sourceforge.net/p/watchdog/code/ci/master/tree/src/shutdown.c',
  },
  X149: {
    title: 'systemctl(1): `restart UNIT...` stops and then starts the units (`try-restart` and `reload-or-restart` too); sudo logs each command it runs as `COMMAND=<path> <arguments>` after the user, terminal, directory and target user (sudoers(5), "Log format")',
    url: 'https://www.freedesktop.org/software/systemd/man/latest/systemctl.html',
  },
  X150: {
    title: 'Linux kernel/reboot.c (pr_fmt "reboot: "): kernel_restart() prints `Restarting system` (or `Restarting system with command \'%s\'`), kernel_halt() `System halted`, kernel_power_off() `Power down`, each just before the machine restarts or stops, on the reboot system call that userspace makes for an orderly reboot or power-off',
    url: 'https://github.com/torvalds/linux/blob/master/kernel/reboot.c',
  },
  X151: {
    title: 'systemd src/login/logind-dbus.c: as a reboot, power-off or halt it was asked for begins, systemd-logind logs `System is rebooting.`, `System is powering down.` or `System is halting.` (newer versions add who asked, `(requested by user %s/%u)`)',
    url: 'https://github.com/systemd/systemd/blob/main/src/login/logind-dbus.c',
  },
  X152: {
    title: 'ModemManager src/mm-base-manager.c: when the kernel removes a port of a device it manages, `port %s released by device \'%s\'` (the device\'s sysfs path), and the modem is dropped once no port is left; src/mm-device.c: `creating modem with plugin \'%s\' and \'%u\' ports`, logged under the device\'s object `[device <sysfs path>]` as a modem is made for a device',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-base-manager.c',
  },
  X153: {
    title: 'rsyslog runtime/ratelimit.c: with repeated-message reduction on, a line said again and again is written once, then `message repeated %d times: [%.800s]` with the line it repeats',
    url: 'https://github.com/rsyslog/rsyslog/blob/main/runtime/ratelimit.c',
  },
  X154: {
    title: 'syslog-ng lib/logwriter.c: with suppress() set, a line said again and again is written once, then `Last message \'%.20s\' repeated %d times, suppressed by syslog-ng on %s`',
    url: 'https://github.com/syslog-ng/syslog-ng/blob/master/lib/logwriter.c',
  },
  X155: {
    title: 'systemd src/journal/journald-server.c: a service that logs more than its rate limit (RateLimitIntervalSec, RateLimitBurst in journald.conf) within the interval has the rest dropped, and journald logs `Suppressed %i messages from %s` once the interval ends',
    url: 'https://github.com/systemd/systemd/blob/main/src/journal/journald-server.c',
  },
  X156: {
    title: 'Linux lib/ratelimit.c ___ratelimit(): once a rate-limited function may print again, `%s: %d callbacks suppressed` says how many of its messages were not printed',
    url: 'https://github.com/torvalds/linux/blob/master/lib/ratelimit.c',
  },
  X157: {
    title: 'FreeBSD usr.sbin/syslogd/syslogd.c (and Linux sysklogd): a line received again and again is written once, then `last message repeated %d times`',
    url: 'https://github.com/freebsd/freebsd-src/blob/main/usr.sbin/syslogd/syslogd.c',
  },
  X158: {
    title: 'Linux kernel/power/suspend.c (pr_fmt "PM: "): `suspend entry (%s)` with the sleep state (deep, s2idle, shallow) as a system suspend begins and `suspend exit` once it is over; kernel/power/hibernate.c `hibernation entry` / `hibernation exit`',
    url: 'https://github.com/torvalds/linux/blob/master/kernel/power/suspend.c',
  },
  X159: {
    title: 'fwupd src/fu-util.c, the fwupdmgr client (fwupdmgr(1)): `update` updates the devices to the latest firmware version, `install` installs a firmware file (`reinstall`, `downgrade` too), and prints `Successfully installed firmware` when it is done; fwupd\'s ModemManager plugin updates a modem through ModemManager, which it inhibits while the update runs',
    url: 'https://github.com/fwupd/fwupd/blob/main/src/fu-util.c',
  },
  X160: {
    title: 'ModemManager src/mm-iface-modem-simple.c: a simple connect whose bearer fails to connect logs `couldn\'t connect bearer: %s` with the error (debug level; older versions `Couldn\'t connect bearer \'%s\': \'%s\'` with the bearer\'s path, in mm-bearer.c)',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-iface-modem-simple.c',
  },
  X161: {
    title: 'OpenWrt package/network/utils/uqmi/files/lib/netifd/proto/qmi.sh proto_qmi_teardown() (and the ncm, quectel and other protocol scripts\' teardowns): `echo "Stopping network $interface"`, then `ubus call network.interface.$interface status` and the data session\'s stop; netifd logs the script\'s output as `<interface> (<pid>): <line>`',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/network/utils/uqmi/files/lib/netifd/proto/qmi.sh',
  },
  X162: {
    title: 'OpenWrt\'s protocol scripts check the device before they talk to the modem: uqmi\'s qmi.sh proto_qmi_setup() `No control device specified` (no `device` option) and `The specified control device does not exist` (not a character device; proto_notify_error NO_DEVICE), then `The interface could not be found.` (no network interface under /sys/class/usbmisc/<device>/device/net; NO_IFACE), each followed by proto_set_available 0 and return; umbim\'s mbim.sh the same as `mbim[$$] No control device specified`, `mbim[$$] The specified control device does not exist`, `mbim[$$] Failed to find matching interface` (NO_IFNAME)',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/network/utils/uqmi/files/lib/netifd/proto/qmi.sh',
  },
  X163: {
    title: 'OpenWrt package Makefiles: uqmi `DEPENDS:=+libubox +libblobmsg-json +kmod-usb-net +kmod-usb-net-qmi-wwan +wwan` (package/network/utils/uqmi/Makefile); umbim `DEPENDS:=+libubox +kmod-usb-net +kmod-usb-net-cdc-mbim` (package/network/utils/umbim/Makefile): the QMI and MBIM drivers are the kernel packages kmod-usb-net-qmi-wwan and kmod-usb-net-cdc-mbim',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/network/utils/uqmi/Makefile',
  },
  X164: {
    title: '3GPP TS 24.008, 10.5.6.6 SM cause (Table 10.5.157), and TS 24.301, 9.9.4.4 ESM cause: #8 Operator Determined Barring, #26 Insufficient resources, #27 Missing or unknown APN, #28 Unknown PDP address or PDP type (ESM: Unknown PDN type), #29 User authentication failed, #30 Activation rejected by GGSN (ESM: by Serving GW or PDN GW), #31 Activation rejected, unspecified, #32 Service option not supported, #33 Requested service option not subscribed, #34 Service option temporarily out of order (the same names in libosmocore\'s gsm_cause_names)',
    url: 'https://www.3gpp.org/DynaReport/24008.htm',
  },
  X165: {
    title: 'Programs that open a modem\'s serial port themselves and say when it is not there: gammu (libgammu/gsmcomon.c, ERR_DEVICENOTEXIST "Error opening device, it doesn\'t exist."), smstools3 (src/modeminit.c, `Couldn\'t open serial port %s, error: %s, waiting %i sec.` with strerror\'s text), pyserial (serial/serialposix.py, `could not open port {}: {}`)',
    url: 'https://github.com/gammu/gammu/blob/master/libgammu/gsmcomon.c',
  },
  X166: {
    title: 'systemd rules.d/60-serial.rules: for a ttyUSB or ttyACM port of a USB device, udev makes the links /dev/serial/by-id/<bus>-<serial>-if<interface number> (from the device\'s IDs, serial number and the port\'s interface) and /dev/serial/by-path/<path>, which keep their names when the tty\'s number changes',
    url: 'https://github.com/systemd/systemd/blob/main/rules.d/60-serial.rules',
  },
  X167: {
    title: 'Linux drivers/remoteproc: qcom_q6v5.c (the modem\'s fatal interrupt: `fatal error received: %s` with the reason its firmware wrote to shared memory, or `fatal error without message`; `watchdog received: %s`; then rproc_report_crash), qcom_q6v5_mss.c (platform driver `qcom-q6v5-mss`, the modem subsystem; `MBA booted ..., loading mpss`), remoteproc_core.c (`crash detected in %s: type %s`, `handling crash #%u in %s`, `recovering %s`, `remote processor %s is now up`); drivers/net/ipa/ipa_modem.c (`received modem starting|running|crashed|stopping|offline event` on the modem\'s subsystem restart notifications)',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/remoteproc/qcom_q6v5.c',
  },
  X168: {
    title: 'Qualcomm\'s vendor kernels (msm-4.x; here a Pixel 3\'s), drivers/soc/qcom/subsystem_restart.c: `Restart sequence requested for %s, restart_level = %s.` (RELATED: the subsystem alone; SYSTEM: the whole chip), `Shutting down %s`, `Powering up %s`, `Restart sequence for %s completed.`; subsys-pil-tz.c prints the modem\'s failure reason (`modem subsystem failure reason: %s`)',
    url: 'https://github.com/BenzoRom/kernel_google_crosshatch/blob/e063075473412a4e326cffc22cea6fb152739de4/drivers/soc/qcom/subsystem_restart.c',
  },
  X169: {
    title: 'Linux include/uapi/asm-generic/errno-base.h: `#define EBUSY 16 /* Device or resource busy */`; the tty layer refuses a second open of a port opened exclusively (TIOCEXCL) with EBUSY (drivers/tty/tty_io.c)',
    url: 'https://github.com/torvalds/linux/blob/master/include/uapi/asm-generic/errno-base.h',
  },
  X170: {
    title: 'ModemManager documentation, "Modem filter": ModemManager probes the TTY, net and cdc-wdm ports of the devices its filter accepts; a device or port tagged with the udev tag ID_MM_DEVICE_IGNORE is ignored and never probed (a rule in /lib/udev/rules.d or /etc/udev/rules.d, then `udevadm control --reload` and `udevadm trigger`)',
    url: 'https://freedesktop.org/software/ModemManager/api/latest/ref-overview-modem-filter.html',
  },
  X171: {
    title: 'smstools3 src/modeminit.c: while the modem is not registered, `MODEM IS NOT REGISTERED, WAITING %i SEC. BEFORE RETRYING %i. TIME`, and when it gives up `Error: Modem is not registered to the network`; 3GPP TS 27.005, 3.2.5 +CMS ERROR: 331 no network service',
    url: 'https://github.com/kjetilho/smstools3/blob/07aeee8f124dbffb8a7afd8de8fca654fc6ba9c1/src/modeminit.c',
  },
  X172: {
    title: 'ModemManager src/mm-sleep-monitor-systemd.c: on systemd-logind\'s PrepareForSleep signal, `system is about to suspend` (true) and `system is resuming` (false), logged at info level',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-sleep-monitor-systemd.c',
  },
  X173: {
    title: 'systemd src/sleep/sleep.c: `Entering sleep state \'%s\'...` (suspend, hibernate, hybrid-sleep) before it writes the sleep state',
    url: 'https://github.com/systemd/systemd/blob/main/src/sleep/sleep.c',
  },
  X174: {
    title: 'chrony local.c LCL_MakeStep(): `System clock was stepped by %.6f seconds` after it steps the clock (the correction, positive forward), after reference.c\'s `System clock wrong by %.6f seconds`',
    url: 'https://github.com/mlichvar/chrony/blob/master/local.c',
  },
  X175: {
    title: 'BusyBox networking/ntpd.c step_time(): `setting time to %s.%06u (offset %+fs)` when it steps the clock',
    url: 'https://github.com/mirror/busybox/blob/master/networking/ntpd.c',
  },
  X176: {
    title: 'OpenWrt package/base-files: sbin/sysupgrade logs `Commencing upgrade. Closing all shell sessions.` as it hands the image to procd, and lib/upgrade/common.sh `Performing system upgrade...` as it writes it; newer versions log every such step with `logger -p info -t upgrade` (the tag `upgrade`), then the system restarts into the new firmware',
    url: 'https://github.com/openwrt/openwrt/blob/main/package/base-files/files/sbin/sysupgrade',
  },
  X177: {
    title: 'fwupd src/fu-engine.c: a failed step of an update is prefixed with its name, `failed to write-firmware: `, `failed to wait for detach replug: ` (the device did not come back after it detached), `failed to update-cleanup after failed update: `; the engine logs it under its domain `FuEngine`',
    url: 'https://github.com/fwupd/fwupd/blob/main/src/fu-engine.c',
  },
  X178: {
    title: 'Linux drivers/usb/core/driver.c: usb_deregister() logs `usbcore: deregistering interface driver %s` as a USB driver\'s module is removed (its interfaces are unbound, the devices stay on the bus); usb_register_driver() `usbcore: registered new interface driver %s` as it is loaded',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/core/driver.c',
  },
  X179: {
    title: 'Ubuntu Core, the modem-manager snap: its commands are `modem-manager.mmcli`, `modem-manager.qmicli`, `modem-manager.mbimcli`, `modem-manager.qmi-network`, `modem-manager.mbim-network`, and its service `modem-manager.modemmanager` (`snap info modem-manager`); cellular connections are checked with `sudo modem-manager.mmcli -L` and `-m 0`',
    url: 'https://documentation.ubuntu.com/core/explanation/system-snaps/network-manager/how-to-guides/configure-cellular-connections',
  },
  X180: {
    title: 'NetworkManager, NMSettingGsm: a mobile connection\'s settings; the APN\'s `username`; its secrets are `pin` (the SIM\'s PIN) and `password` (the APN\'s), kept in the connection or asked of a secret agent (`nmcli connection modify <name> gsm.pin <PIN>`); the device state reason `no-secrets` when none gave them',
    url: 'https://networkmanager.dev/docs/libnm/1.38/NMSettingGsm.html',
  },
  X181: {
    title: 'OpenWrt netifd interface.c interface_proto_cb(): on IFPEV_LINK_LOST, sent by the interface\'s protocol handler while the interface is up, `Interface \'%s\' has lost the connection` (L_NOTICE); the interface is marked down and put back in the setting-up state, so the protocol handler can bring it up again',
    url: 'https://github.com/openwrt/netifd/blob/master/interface.c',
  },
  X182: {
    title: 'ModemManager src/mm-base-bearer.c: a bearer whose `allow-roaming` property is false, on a modem registered in a roaming network, is disconnected and refused with MM_CORE_ERROR_UNAUTHORIZED `Not allowed to connect bearer in 3GPP network: \'Registered in roaming network, and roaming not allowed\'` (its connection_forbidden_reason_str; `... in CDMA network` for CDMA); the setting is the connection\'s (mmcli `--simple-connect="...,allow-roaming=yes"`, whose keys are the bearer\'s properties: `apn`, `user`, `password`, `allowed-auth`, `ip-type`, `allow-roaming`); NetworkManager\'s NMSettingGsm `home-only` ("only connections to the home network will be allowed") sets it',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-base-bearer.c',
  },
  X183: {
    title: 'OpenWrt umbim cli.c mbim_registration_response(): the modem\'s registration state printed as `  nwerror: %04X - %s` (the network\'s error, MBIM\'s NwError, which carries the 3GPP reject cause: 000B plmn-not-allowed is cause 11) and `  registerstate: %04X - %s` (unknown, deregistered, searching, home, roaming, partner, denied), names from mbim-enum.c (imsi-unknown-in-hlr, illegal-ms, illegal-me, gprs-not-allowed, plmn-not-allowed, location-area-not-allowed, roaming-not-allowed-in-location-area, no-cells-in-location-area, network-failure, congestion, ...); mbim.sh runs `umbim ... registration` and logs its output through netifd',
    url: 'https://github.com/openwrt/umbim/blob/master/cli.c',
  },
  X184: {
    title: '3GPP TS 24.301 annex A: EMM causes, the network\'s reasons for refusing an attach or tracking area update (2 IMSI unknown in HSS, 3 illegal UE, 5 IMEI not accepted, 6 illegal ME, 7 EPS services not allowed, 8 EPS and non-EPS services not allowed, 11 PLMN not allowed, 12 tracking area not allowed, 13 roaming not allowed in this tracking area, 14 EPS services not allowed in this PLMN, 15 no suitable cells in tracking area, 17 network failure, 22 congestion, ...); 3GPP TS 27.007 10.1.22: +CEREG\'s n=3 form adds `<cause_type>,<reject_cause>` (type 0: a 24.301 EMM cause; type 1: the manufacturer\'s)',
    url: 'https://www.3gpp.org/DynaReport/24301.htm',
  },
  X185: {
    title: 'systemd src/network/networkd-link.c link_update(): `log_link_info(link, "Gained carrier")` and `"Lost carrier"` when a link\'s carrier comes or goes, logged with the link\'s name first (`wwan0: Lost carrier`)',
    url: 'https://github.com/systemd/systemd/blob/main/src/network/networkd-link.c',
  },
  X186: {
    title: 'OpenWrt netifd device.c device_set_link(): `netifd_log_message(L_NOTICE, "%s \'%s\' link is %s\\n", ...)` with the device type\'s name (`Network device` for a plain one), its name and up or down; OpenWrt ppp.sh ppp_generic_setup() names the PPP device `${proto:-ppp}-<interface>` (pppoe, pptp and l2tp have headers of their own), and comgt\'s 3g.sh runs it on the modem\'s serial port with chat dialling, so the 3g protocol\'s device is `3g-<interface>`',
    url: 'https://github.com/openwrt/netifd/blob/master/device.c',
  },
  X187: {
    title: 'wvdial wvdialer.cc: after pppd exits, `The PPP daemon has died: %s (exit code = %s)` with its words for pppd\'s exit code (16 "A modem hung up the phone", 15 "Lack of LCP echo responses", 10 "PPP negotiation failed", 8 "Connect script failed", 7 "Serial port open failed", 19 "Authentication error." over three lines), `The PPP daemon has died. (exit code = %s)` for other codes, and with Auto Reconnect `Auto Reconnect will be attempted in %s seconds` (5 s, doubling after calls under 45 s, at most 600 s); init_modem(): an init string unanswered twice is `Modem not responding.`; its log lines are written `--> ` on stderr and `WvDial<*1>: ` by WvLog',
    url: 'https://github.com/apenwarr/wvdial/blob/master/wvdialer.cc',
  },
  X188: {
    title: 'Linux Documentation/ABI/testing/sysfs-bus-usb and drivers/base/bus.c: writing a device\'s name to /sys/bus/usb/drivers/<driver>/unbind detaches it from that driver (for the `usb` driver, the whole USB device), and writing it to .../bind attaches it again (bind_store(), unbind_store())',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/base/bus.c',
  },
  X189: {
    title: 'Telit LE910 Cat.1 / ME910 AT Commands Reference Guide, #SGACT (context activation): `AT#SGACT=<cid>,<stat>` with stat 1 activates the context and answers `#SGACT: <ipAddr>`; the read command answers `#SGACT: <cid>,<stat>` per context (0 deactivated, 1 activated)',
    url: 'https://www.telit.com/wp-content/uploads/2017/09/Telit_LE910_Cat1_AT_Commands_Reference_Guide_r3.pdf',
  },
  X190: {
    title: 'Quectel EC2x & EG9x & EG2x-G & EM05 series AT Commands Manual (and SIMCom\'s SIM7x00 manuals): with a fixed baud rate the module sends the URC `RDY` on its main UART when it has powered on and is ready for AT commands',
    url: 'https://www.quectel.com/download/quectel_ec2xeg9xeg2x-gem05_series_at_commands_manual_v2-0',
  },
  X191: {
    title: 'Android hardware/interfaces radio, RegState (android.hardware.radio.network, and V1_0\'s types.hal): NOT_REG_MT_NOT_SEARCHING_OP 0 not registered, not searching; REG_HOME 1 registered, home network; NOT_REG_MT_SEARCHING_OP 2 not registered, searching; REG_DENIED 3 registration denied; UNKNOWN 4 (treated as out of service); REG_ROAMING 5; the `_EM` variants the same with emergency calls enabled; REG_DENIED is to be returned after repeated location update rejects with cause 17 (network failure), for managed roaming',
    url: 'https://android.googlesource.com/platform/hardware/interfaces/+/refs/heads/main/radio/aidl/android/hardware/radio/network/RegState.aidl',
  },
  X192: {
    title: 'Android frameworks/opt/telephony IccCardStatus.java: CardState CARDSTATE_ABSENT, CARDSTATE_PRESENT, CARDSTATE_ERROR, CARDSTATE_RESTRICTED; toString() prints `IccCardState {<card state>,<universal PIN state>,num_apps=<n>,gsm_id=<i>{<app type>,<app state>...}...`, the application state APPSTATE_READY once the SIM application can be used',
    url: 'https://android.googlesource.com/platform/frameworks/opt/telephony/+/refs/heads/main/src/java/com/android/internal/telephony/uicc/IccCardStatus.java',
  },
  X193: {
    title: 'Android frameworks/base TelephonyRegistry.java dump() (what `dumpsys telephony.registry` prints): for each phone, its mServiceState (registration, operator, radio technology) and mSignalStrength, among the states the telephony registry keeps for its listeners',
    url: 'https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/TelephonyRegistry.java',
  },
  X120: {
    title: 'ModemManager documentation, "FCC unlock procedure": the FCC lock is a software lock in WWAN modules shipped by laptop makers (Lenovo, Dell, HP) that keeps the module from being put online until an unlock procedure is done; until then MBIM Radio State (ON) fails, QMI DMS Set Operating Mode (ONLINE) fails (likely with an Invalid transition error), AT+CFUN=1 fails. Since ModemManager 1.18.4 the procedure is no longer enabled by default: distributions install ModemManager\'s unlock scripts in ${datadir}/ModemManager/fcc-unlock.available.d/ and should not enable them; users may enable them in ${sysconfdir}/ModemManager/fcc-unlock.d (`sudo ln -sft /etc/ModemManager/fcc-unlock.d /usr/share/ModemManager/fcc-unlock.available.d/*` for all of them); laptop vendors may provide their own in ${libdir}/ModemManager/fcc-unlock.d',
    url: 'https://modemmanager.org/docs/modemmanager/fcc-unlock/',
  },
  X121: {
    title: 'ModemManager src/mm-broadband-modem-mbim.c radio_state_set_up_ready(): when the MBIM modem answers the request to turn its radio on with its hardware or its software radio switch off, `Cannot power-up: hardware radio switch is OFF` or `Cannot power-up: sotware radio switch is OFF` (ModemManager\'s spelling), logged as a warning (mm_obj_warn, `<wrn> [modem0] ...`), and any failure of it returned as MM_CORE_ERROR_RETRY "Invalid transition"; src/mm-shared-qmi.c: a QMI modem refusing the online operating mode (Internal or InvalidTransition) is returned as the same MM_CORE_ERROR_RETRY "Invalid transition"',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-broadband-modem-mbim.c',
  },
  X122: {
    title: 'ModemManager src/mm-iface-modem.c set_power_state_step(): before changing the power state it reloads the real one ("the real power status of the modem may also be changed by rfkill"); a power-up that fails with MM_CORE_ERROR_RETRY runs the FCC unlock once (`attempting FCC unlock...`, debug; src/mm-dispatcher-fcc-unlock.c runs a program named after the modem\'s vendor and product ID, `%04x:%04x`, from ${sysconfdir}/ModemManager/fcc-unlock.d, else ${libdir}/ModemManager/fcc-unlock.d, and without one fails `no valid program found`, logged at debug as `couldn\'t run FCC unlock: %s`) and tries the power-up again; on success `power state updated: on` (mm_obj_msg); src/mm-broadband-modem.c: an interface that fails to enable logs `couldn\'t enable interface: \'%s\'` as a warning and the modem is disabled again',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/src/mm-iface-modem.c',
  },
  X123: {
    title: 'ModemManager data/dispatcher-fcc-unlock/meson.build: the FCC unlock scripts ModemManager ships (105b, 1199, 14c3, 2c7c) are installed, for the modems\' vendor:product IDs (14c3:4d75, the Fibocom FM350-GL; 1199:9079, 2c7c:030a, 105b:e0ab and others), as links in fcc-unlock.available.d, and only the empty fcc-unlock.d directories are made where ModemManager looks',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/data/dispatcher-fcc-unlock/meson.build',
  },
  X124: {
    title: 'NetworkManager documentation, "RFKill": the rfkill subsystem disables radio transmitters, WWAN modems among them; each killswitch (`rfkill` lists them) has a type (wwan, wlan, bluetooth) and is soft-blocked (disabled in software, can be re-enabled) or hard-blocked (by a hardware switch); NetworkManager manages the global rfkill state for Wi-Fi and WWAN',
    url: 'https://networkmanager.dev/docs/rfkill/',
  },
  X125: {
    title: 'ModemManager API reference, Errors: MMCoreError\'s D-Bus names are `org.freedesktop.ModemManager1.Error.Core.` and the nick (MM_CORE_ERROR_DBUS_PREFIX), MM_CORE_ERROR_RETRY (nick Retry) "Operation cannot yet be performed, retry later"',
    url: 'https://www.freedesktop.org/software/ModemManager/api/latest/ModemManager-Errors.html',
  },
  X126: {
    title: 'nmcli(1), radio transmission control commands: `nmcli radio wwan [on | off]` shows or sets the status of WWAN (mobile broadband) in NetworkManager',
    url: 'https://networkmanager.dev/docs/api/latest/nmcli.html',
  },
  X127: {
    title: 'Microsoft, MB Radio State and WWAN_RADIO_STATE (the radio states an MBIM modem reports): the hardware radio power state (HwRadioState) is read-only, set by a hardware switch where the device has one; the software radio power state (SwRadioState) is the one the host sets (airplane mode); the radio is on only when both are on',
    url: 'https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wwan/ns-wwan-_wwan_radio_state',
  },
  X128: {
    title: 'ModemManager cli/mmcli-modem.c: the modem option `-r`, `--reset` ("Reset a given modem") calls the modem\'s Reset and prints `successfully reseted the modem` (mmcli\'s spelling) when it succeeded, `error: couldn\'t reset the modem: \'%s\'` when it failed; libmm-glib\'s mm_modem_reset() "clears non-persistent configuration and state, and returns the device to a newly-powered-on state"',
    url: 'https://gitlab.freedesktop.org/mobile-broadband/ModemManager/-/blob/main/cli/mmcli-modem.c',
  },
  X100: {
    title: 'Linux drivers/usb/core/hub.c port_event(): on an over-current change of a port `over-current change #%u` (debug), then the hub\'s ports powered again after 100 ms and `over-current condition` if it persists',
    url: 'https://github.com/torvalds/linux/blob/master/drivers/usb/core/hub.c',
  },
  X95: {
    title: 'Quectel EP06&EG06&EM06 DFOTA User Guide V1.0 (2018), AT+QFOTADL: the module reports `+QIND: "FOTA","HTTPSTART"`, `"HTTPEND",<http_err>`, `"START"`, `"UPDATING",<percent>`, `"END",<err>`; <err> 0 means the firmware upgrade succeeded, any other value an error (502 unpredictable error, 504/505 a bad package, 510 a patch that does not match the module\'s firmware, 511 no space, 520-530 and 540-546 upgrade failed)',
    url: 'https://manualshive.com/en/manual/quectel/ep06/3634941?page=11',
  },
  X96: {
    title: 'Quectel BG96 DFOTA User Guide, AT+QFOTADL: `+QIND: "FOTA","START"`, `"UPDATING",<percent>`, `"RESTORE",<percent>`, `"END",<err>` (0: upgraded successfully); a module powered down during RESTORE enters a forced upgrade when it powers up and continues the upgrade',
    url: 'https://manualshive.com/ru/manual/quectel/bg96/3588566?page=12',
  },
  // The project's knowledge base (a copy of the reviewed notes in docs/knowledge/), where a section
  // draws a conclusion from the sources it cites; the section names them.
  KB24: { title: 'Knowledge base 2.4: gsmd\'s messages (`is not responsive!`, from `__trigger_hang`, is gsmd\'s hang detection, followed by a hang event to other components; `Multiple request to the modem timeouted, modem may be unresponsive`: several request timeouts in a row)', url: 'docs/knowledge/rutos-modem-logs.md' },
  KB36: { title: 'Knowledge base 3.6: recovery advice for a stuck modem update, and advice must fit the host (RutOS commands only for Teltonika routers; mmcli, qmicli, lsusb, dmesg elsewhere)', url: 'docs/knowledge/rutos-modem-logs.md' },
  KB42: { title: 'Knowledge base 4.2: 2c7c:6005 (EC200A) compositions; gsmd finds the AT port by sysfs interface, which the ECM layout keeps', url: 'docs/knowledge/rutos-modem-logs.md' },
  KB43: { title: 'Knowledge base 4.3: kernel USB message meanings and patterns (device numbers are per-bus counters; a loop needs repeated pairs on one port; non-modem devices)', url: 'docs/knowledge/rutos-modem-logs.md' },
  KB6: { title: 'Knowledge base 6: a support engineer\'s checklist (gsmd silence proves little; say "the log does not show gsmd taking the modem back")', url: 'docs/knowledge/rutos-modem-logs.md' },
};

/**
 * Sources about one stack's own software or notes, by id; the others, by their address: Teltonika's
 * SDK and forum are RutOS's. A story's general sources (its meaning, the tables its advice is
 * picked by) are cited only for a log of a stack they are about (stories/findingStory.ts): a
 * blind probe's Raspberry Pi with ModemManager had been cited Teltonika's modem_api.h and OpenWrt's
 * qmi.sh. A source a step or an advice cites is cited whatever the stack.
 */
const STACK_OF_SOURCE: Readonly<Record<string, readonly HostId[]>> = {
  KB6: ['rutos'],
  KB24: ['rutos'],
  X21: ['openwrt'],
};

/** The stacks that run Linux and its modem software: Linux's kernel, ModemManager's, libqmi's and OpenWrt's sources are theirs. */
const LINUX_STACKS: readonly HostId[] = ['rutos', 'modemmanager', 'openwrt', 'gammu', 'embedded', 'linux'];
const LINUX_SOURCE = /torvalds\/linux|freedesktop\.org|openwrt/i;

/**
 * Whether a source is one stack's own notes and `host` is another stack: an advice's wording for
 * every stack cites such a source only on its own stack (a blind probe's Debian PC had its advice
 * cited the RutOS checklist, "gsmd silence proves little").
 */
export function sourceOfOtherStack(id: string, host: HostId): boolean {
  const stacks = STACK_OF_SOURCE[id];
  return stacks !== undefined && !stacks.includes(host);
}

/** Whether a source is about the stack `host` (or about any). */
export function sourceFitsHost(id: string, host: HostId): boolean {
  const url = SOURCES[id]?.url ?? '';
  // A FreeBSD, Cisco or RouterOS log is not cited Linux's hub.c or ModemManager for a story's meaning (a blind probe's were).
  const stacks = STACK_OF_SOURCE[id] ?? (/teltonika/i.test(url) ? ['rutos'] : LINUX_SOURCE.test(url) ? LINUX_STACKS : undefined);
  return stacks === undefined || stacks.includes(host);
}
