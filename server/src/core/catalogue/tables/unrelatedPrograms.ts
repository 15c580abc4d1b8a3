// Programs whose lines never speak of the modem, its USB device or the mobile link: DNS and DHCP
// servers, web and SSH servers, Wi-Fi authenticators, clocks, schedulers, VPNs. Tags are only a
// hint to the matcher (a line with an unknown tag is tried against every entry), but these are
// known: a generic entry ("Failed to ...") must not fire on a DHCP server's complaint, and the
// commonest lines of a busy router skip the full screen. Lowercase; compared case-insensitively.
export const UNRELATED_PROGRAMS: ReadonlySet<string> = new Set([
  'dnsmasq', 'dnsmasq-dhcp', 'dnsmasq-script', 'odhcpd', 'odhcp6c', 'dhcpd', 'named', 'unbound', 'stubby', 'https-dns-proxy',
  'dropbear', 'sshd', 'uhttpd', 'nginx', 'lighttpd', 'httpd', 'rpcd',
  'hostapd', 'wpa_supplicant', 'iwd',
  'ntpd', 'chronyd', 'systemd-timesyncd', 'sysntpd',
  'cron', 'crond', 'anacron', 'logrotate',
  'openvpn', 'charon', 'ipsec', 'wireguard', 'zerotier-one', 'tailscaled',
  'avahi-daemon', 'smbd', 'nmbd', 'samba', 'minidlna', 'miniupnpd', 'snmpd', 'vnstatd', 'collectd', 'mosquitto',
]);
