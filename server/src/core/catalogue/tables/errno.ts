// errno values seen in modem logs, per Linux include/uapi/asm-generic/errno-base.h and errno.h [K5].
// `onModemTty` is what the value typically means on a modem's tty or USB link (knowledge section 5).

export interface ErrnoInfo {
  name: string;
  text: string;
  onModemTty: string;
  sources: string[];
}

export const ERRNO: Record<number, ErrnoInfo> = {
  5: {
    name: 'EIO', text: 'Input/output error',
    onModemTty: 'A write to a tty after hang-up returns EIO (hung_up_tty_write): the USB device behind the port was disconnected or reset while the port was open.',
    sources: ['K4', 'K5'],
  },
  19: {
    name: 'ENODEV', text: 'No such device',
    onModemTty: 'The device node or driver is still there but the USB device behind it is gone.',
    sources: ['K5'],
  },
  32: {
    name: 'EPIPE', text: 'Broken pipe',
    onModemTty: 'Writing to a closed pipe or socket; on USB, a stalled endpoint.',
    sources: ['K5'],
  },
  71: {
    name: 'EPROTO', text: 'Protocol error',
    onModemTty: 'A USB protocol error: bad cable, interference or a brown-out of the device.',
    sources: ['K5'],
  },
  110: {
    name: 'ETIMEDOUT', text: 'Connection timed out',
    onModemTty: 'A transfer or connection timed out: the device did not answer in time.',
    sources: ['K5'],
  },
  11: { name: 'EAGAIN', text: 'Resource temporarily unavailable', onModemTty: 'The port was busy; the write can be retried.', sources: ['K5'] },
  13: { name: 'EACCES', text: 'Permission denied', onModemTty: 'The process may not open the port.', sources: ['K5'] },
  16: { name: 'EBUSY', text: 'Device or resource busy', onModemTty: 'Another process holds the port or the device.', sources: ['K5'] },
  2: { name: 'ENOENT', text: 'No such file or directory', onModemTty: 'The device node does not exist (port renumbered or never created).', sources: ['K5'] },
  6: { name: 'ENXIO', text: 'No such device or address', onModemTty: 'The device node exists but no device answers behind it.', sources: ['K5'] },
  108: { name: 'ESHUTDOWN', text: 'Cannot send after transport endpoint shutdown', onModemTty: 'The USB endpoint was shut down (device disconnecting).', sources: ['K5'] },
};

export function errnoInfo(n: number): ErrnoInfo | undefined {
  return ERRNO[n];
}
