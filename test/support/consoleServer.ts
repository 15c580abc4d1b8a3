// A server on the real stdio connection (server/src/lsp/stdioConnection.ts) that writes with every
// console method once it is initialized, for test/stdioConnection.test.ts: none of it may reach
// stdout, where it would corrupt the protocol.
import { createServerConnection } from '../../server/src/lsp/stdioConnection';

const { connection } = createServerConnection();
connection.onInitialize(() => ({ capabilities: {} }));
connection.onInitialized(() => {
  console.log('log', 1);
  console.info('info');
  console.warn('warn');
  console.error('error');
  console.debug('debug');
  console.dir({ dir: 'object' });
  console.table([{ column: 'table cell' }]);
  console.count('counted');
  console.time('timer');
  console.timeEnd('timer');
  console.group('group');
  console.groupEnd();
  console.assert(false, 'assertion');
  console.trace('trace');
  connection.sendNotification('test/done');
});
connection.listen();
