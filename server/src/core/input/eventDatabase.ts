// RutOS's event database, `log.db` in a troubleshoot archive (knowledge 1.4, 1.7): the WebUI's
// Events Log. A Teltonika-patched logread writes each event (`ubus call log write_ext`) as a row
// ('TIME','NAME','TYPE','TEXT') of one of the tables EVENTS, SYSTEM, NETWORK, CONNECTIONS: TIME
// the epoch, NAME the sender ("Mobile Data", "SIM status"), TYPE the priority, TEXT the event's
// text, the same text logread shows. The database outlives the RAM log (128-200 KiB, lost at a
// reboot), so it may hold the events of days or weeks the log no longer has.
//
// It is read with sql.js, SQLite compiled to WebAssembly: SQLite's file format (b-tree pages,
// overflow chains, free lists, WAL) is not worth a reader of our own, and a corrupt or hostile
// file meets SQLite's own checks inside the WebAssembly sandbox. It is loaded only when an archive
// holds the database (the build keeps it in its own files, out/sql-wasm.js and .wasm).
//
// Which tables are read is not a list of names: any table with a time and a text column is,
// so a firmware that adds or renames a table is still read.

/** One event of the database. */
export interface EventRow {
  table: string;
  /** Seconds since 1970, UTC. */
  time: number;
  sender: string;
  priority: string;
  text: string;
}

export interface EventDatabase {
  rows: EventRow[];
  /** The tables read, with their row counts. */
  tables: { name: string; rows: number }[];
  /** What could not be read, in words for a notice. */
  problems: string[];
}

/**
 * Rows read at most, the newest kept: a database of years of events stays bounded in memory (a
 * 16 MiB database of 250,000 rows, read whole, took the CLI to 285 MB).
 */
export const MAX_EVENT_ROWS = 50_000;

/** The first 16 bytes of every SQLite database file. */
const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether the bytes start as an SQLite database does. */
export function isSqliteDatabase(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

// The parts of sql.js used here (its package has no types of its own).
interface SqlStatement {
  step(): boolean;
  get(): unknown[];
  free(): void;
}
interface SqlDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  prepare(sql: string): SqlStatement;
  close(): void;
}
type SqlJs = { Database: new (data: Uint8Array) => SqlDatabase };

/**
 * A fresh SQLite engine for each database: its WebAssembly memory grows to hold the file and never
 * shrinks, so it is not kept once the rows are read (a second database is rare; loading takes tens
 * of milliseconds).
 */
function sqlJs(): Promise<SqlJs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('sql.js') as (config?: object) => Promise<SqlJs>)();
}

/** Column names read by role, any case: the insert's own names first. */
const ROLES = {
  time: ['time', 'timestamp', 'date'],
  text: ['text', 'message', 'event'],
  sender: ['name', 'sender', 'source'],
  priority: ['type', 'priority', 'level'],
} as const;

/** An SQL identifier, quoted: table and column names come from the file. */
const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Reads the events of a database file; a file SQLite cannot read gives a problem, not an error. */
export async function readEventDatabase(bytes: Uint8Array): Promise<EventDatabase> {
  const out: EventDatabase = { rows: [], tables: [], problems: [] };
  if (!isSqliteDatabase(bytes)) {
    out.problems.push('it is not an SQLite database (its first bytes are not "SQLite format 3")');
    return out;
  }
  let db: SqlDatabase | undefined;
  try {
    const SQL = await sqlJs();
    db = new SQL.Database(bytes);
    const names = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values.map((v) => String(v[0])) ?? [];
    for (const name of names) {
      const columns = db.exec(`PRAGMA table_info(${quoted(name)})`)[0]?.values.map((v) => String(v[1])) ?? [];
      const find = (role: keyof typeof ROLES): string | undefined => {
        for (const want of ROLES[role]) {
          const c = columns.find((col) => col.toLowerCase() === want);
          if (c !== undefined) return c;
        }
        return undefined;
      };
      const time = find('time');
      const text = find('text');
      if (time === undefined || text === undefined) continue;
      const sender = find('sender');
      const priority = find('priority');
      const select = [time, text, sender, priority].map((c) => (c === undefined ? "''" : quoted(c))).join(', ');
      // The newest rows of each table, at most the bound: a table of years of events is cut where
      // it is oldest. Newest by when they were written (rowid), which needs no sort of the table in
      // SQLite's memory; a table without rowids is sorted by its time.
      let statement: SqlStatement;
      try {
        statement = db.prepare(`SELECT ${select} FROM ${quoted(name)} ORDER BY rowid DESC LIMIT ${MAX_EVENT_ROWS + 1}`);
      } catch {
        statement = db.prepare(`SELECT ${select} FROM ${quoted(name)} ORDER BY ${quoted(time)} DESC LIMIT ${MAX_EVENT_ROWS + 1}`);
      }
      let count = 0;
      try {
        while (statement.step()) {
          const [t, x, s, p] = statement.get();
          const seconds = typeof t === 'number' ? t : Number(t);
          if (!Number.isFinite(seconds) || typeof x !== 'string') continue;
          if (++count > MAX_EVENT_ROWS) break;
          out.rows.push({ table: name, time: seconds, sender: s === null ? '' : String(s), priority: p === null ? '' : String(p), text: x });
        }
      } finally {
        statement.free();
      }
      out.tables.push({ name, rows: Math.min(count, MAX_EVENT_ROWS) });
      if (count > MAX_EVENT_ROWS) out.problems.push(`table ${name} holds more than ${MAX_EVENT_ROWS.toLocaleString('en-US')} rows: only its newest ${MAX_EVENT_ROWS.toLocaleString('en-US')} were read`);
    }
  } catch (e) {
    out.problems.push(`SQLite could not read it (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    db?.close();
  }
  // Oldest first, as a log reads; rows of the same second in table order.
  out.rows.sort((a, b) => a.time - b.time);
  if (out.rows.length > MAX_EVENT_ROWS) out.rows.splice(0, out.rows.length - MAX_EVENT_ROWS);
  if (out.tables.length === 0 && out.problems.length === 0) out.problems.push('it has no table with a time and a text column');
  return out;
}
