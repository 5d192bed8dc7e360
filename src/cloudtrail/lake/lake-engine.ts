/**
 * Runs Lake SQL on DuckDB: keeps each queried store's tables loaded (see `StoreTables`),
 * presents each store as a view named by its id, checks the statement by preparing it
 * (parse and bind errors are InvalidQueryStatementException, with Trino's `line L:C:`
 * positions in the statement as written), runs it, and renders the rows as Lake does.
 * One query at a time, and DuckDB runs single-threaded, so the same data gives the same row
 * order. Views are redefined only when they change, and a prepared statement is reused only
 * while the stores' tables are unchanged: DuckDB plans with table statistics (string lengths
 * among them), and a plan made before new rows arrived was seen to cut their strings short.
 */
import type * as DuckDB from '@duckdb/node-api';
import { closeDuckDB, openDuckDB, type DuckDBLoader, type DuckDBSession } from './duckdb-loader.js';
import { InvalidQueryStatementException } from './errors.js';
import type { EventDataStoreModel } from './event-data-store.js';
import type { AnalyzedStatement, Rewritten } from './lake-statement.js';
import { lineCol } from './sql-lexer.js';
import { StoreTables, installEventJsonFunction } from './store-tables.js';
import { formatCell } from './result-format.js';

export interface QueryRows {
  columns: string[];
  rows: string[][];
}

export type QueryOutcome = ({ ok: true } & QueryRows) | { ok: false; error: string };

interface SelectItem {
  class: string;
  alias?: string;
  column_names?: string[];
}

/** Lake's result column names: aliases and column names as written in the query, `_colN` for other expressions. */
export function lakeColumnNames(serialized: string, duckNames: string[]): string[] {
  try {
    const parsed = JSON.parse(serialized) as { error?: boolean; statements?: { node: { type: string; left?: unknown; select_list?: SelectItem[] } }[] };
    let node = parsed.statements?.[0]?.node as { type: string; left?: unknown; select_list?: SelectItem[] } | undefined;
    while (node && node.type === 'SET_OPERATION_NODE') node = node.left as typeof node;
    const list = node?.select_list;
    if (!list) return duckNames;
    const stars = list.filter((e) => e.class === 'STAR').length;
    if (stars > 1 || (stars === 0 && list.length !== duckNames.length)) return duckNames;
    const starWidth = duckNames.length - (list.length - stars);
    const out: string[] = [];
    let pos = 0;
    for (const e of list) {
      if (e.class === 'STAR') {
        for (let k = 0; k < starWidth; k++) out.push(duckNames[pos++]);
        continue;
      }
      // Names as written: the alias, else a column reference's last part (`userIdentity.arn` is `arn`).
      out.push(e.alias ? e.alias : e.class === 'COLUMN_REF' && e.column_names?.length ? e.column_names[e.column_names.length - 1] : `_col${pos}`);
      pos++;
    }
    return out;
  } catch {
    return duckNames;
  }
}

const DUCK_PREFIX = /^[A-Za-z ]*Error: /;
const PREPARED_CACHE = 64;

/** DuckDB's message in Trino's words where they differ, and where in the rewritten SQL it points. */
function translate(message: string, sql: string): { text: string; offset?: number } {
  const [head] = message.split('\n');
  let text = head.replace(DUCK_PREFIX, '');
  let m: RegExpExecArray | null;
  if ((m = /Referenced column "([^"]+)" not found/.exec(text))) text = `Column '${m[1]}' cannot be resolved`;
  else if ((m = /Referenced table "([^"]+)" not found/.exec(text))) text = `Column '${m[1]}' cannot be resolved`;
  else if ((m = /Scalar Function with name (\S+) does not exist/.exec(text))) text = `Function '${m[1]}' not registered`;
  else if ((m = /syntax error at or near "([^"]*)"/.exec(text))) text = `mismatched input '${m[1]}'`;
  else if (/syntax error at end of input/.test(text)) text = `mismatched input '<EOF>'`;
  let offset: number | undefined;
  if (/SELECT clause without selection list/.test(text)) {
    const m2 = /\bselect(\s+(?:distinct\s+)?)from\b/i.exec(sql);
    if (m2) return { text: `mismatched input '${sql.substr(m2.index + 6 + m2[1].length, 4)}'`, offset: m2.index + 6 + m2[1].length };
  }
  const caret = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (caret) {
    const lines = sql.split('\n');
    const lineNo = Number(caret[1]);
    const shown = caret[2];
    let col = caret[3].length - `LINE ${caret[1]}: `.length;
    const line = lines[lineNo - 1] ?? '';
    if (shown !== line) {
      const core = shown.replace(/^\.\.\./, '').replace(/\.\.\.$/, '');
      const at = line.indexOf(core);
      if (at >= 0) col = at + col - (shown.startsWith('...') ? 3 : 0);
    }
    offset = lines.slice(0, lineNo - 1).reduce((a, l) => a + l.length + 1, 0) + Math.max(0, col);
  }
  return { text, offset };
}

export class LakeEngine {
  private readonly tables = new Map<EventDataStoreModel, StoreTables>();
  private queue: Promise<unknown> = Promise.resolve();
  /** View name to the definition it has now. */
  private readonly views = new Map<string, string>();
  private readonly prepared = new Map<string, { serialized: string; prepared: DuckDB.DuckDBPreparedStatement }>();
  private next = 0;

  private readonly eventJson: ReturnType<typeof installEventJsonFunction>;

  private constructor(private readonly s: DuckDBSession) {
    this.eventJson = installEventJsonFunction(s);
  }

  static async open(loader?: DuckDBLoader): Promise<LakeEngine> {
    return new LakeEngine(await openDuckDB(loader, { externalAccess: false }));
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.queue.then(fn, fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private tablesOf(store: EventDataStoreModel): StoreTables {
    let t = this.tables.get(store);
    if (!t) {
      t = new StoreTables(this.s, `s${this.next++}`, store, this.eventJson);
      this.tables.set(store, t);
    }
    return t;
  }

  /**
   * Loads the stores, defines their views, prepares the statement (InvalidQueryStatementException
   * on parse or bind errors) and runs it (a run-time error is a failed query, not a throw).
   */
  execute(original: string, statement: AnalyzedStatement, rewritten: Rewritten, views: { name: string; store: EventDataStoreModel }[]): Promise<QueryOutcome> {
    return this.serial(async () => {
      const con = this.s.connection;
      const viewKeys: string[] = [];
      for (const v of views) {
        const t = this.tablesOf(v.store);
        const cols = StoreTables.columnsFor(v.store, statement.identifiers, statement.star);
        await t.sync(cols);
        const sql = t.viewSql(v.name, cols);
        const key = `${t.schemaVersion}#${sql}`;
        // Views are defined again only when they change (a repeated query costs no DDL).
        if (this.views.get(v.name) !== key) {
          await con.run(sql);
          this.views.set(v.name, key);
        }
        viewKeys.push(`${key}#${t.dataVersion}`);
      }
      const cacheKey = `${rewritten.sql}\u0000${viewKeys.join('\u0000')}`;
      let entry = this.prepared.get(cacheKey);
      if (!entry) {
        const check = await con.runAndReadAll(`SELECT json_serialize_sql('${rewritten.sql.replace(/'/g, "''")}')`);
        const serialized = String(check.getRows()[0][0]);
        const parsed = JSON.parse(serialized) as { error?: boolean; error_message?: string; position?: string };
        if (parsed.error) {
          const { text, offset } = translate(parsed.error_message ?? 'syntax error', rewritten.sql);
          const at = parsed.position !== undefined ? Number(parsed.position) : offset;
          throw this.invalid(original, rewritten, text, at);
        }
        let prepared: DuckDB.DuckDBPreparedStatement;
        try {
          prepared = await con.prepare(rewritten.sql);
        } catch (e) {
          const { text, offset } = translate((e as Error).message, rewritten.sql);
          throw this.invalid(original, rewritten, text, offset);
        }
        entry = { serialized, prepared };
        this.remember(cacheKey, entry);
      }
      // random() draws from a seed set per query, so results do not depend on earlier queries.
      if (statement.identifiers.has('random') || statement.identifiers.has('rand')) await con.run('SELECT setseed(0.5)');
      let reader: DuckDB.DuckDBResultReader;
      try {
        reader = await entry.prepared.runAndReadAll();
      } catch (e) {
        return { ok: false, error: translate((e as Error).message, rewritten.sql).text };
      }
      const names = lakeColumnNames(entry.serialized, reader.columnNames());
      const types = reader.columnTypes();
      const rows = reader.getRows().map((r) => r.map((v, i) => formatCell(v, types[i] as never)));
      return { ok: true, columns: names, rows };
    });
  }

  private invalid(original: string, rewritten: Rewritten, text: string, offset: number | undefined): InvalidQueryStatementException {
    if (offset === undefined) return new InvalidQueryStatementException(text);
    const { line, col } = lineCol(original, rewritten.toOriginal(offset));
    return new InvalidQueryStatementException(`line ${line}:${col}: ${text}`);
  }

  /** Keeps the most recent prepared statements (a query run again on unchanged stores skips parsing and planning). */
  private remember(key: string, entry: { serialized: string; prepared: DuckDB.DuckDBPreparedStatement }): void {
    this.prepared.set(key, entry);
    if (this.prepared.size > PREPARED_CACHE) {
      const [oldest, old] = this.prepared.entries().next().value!;
      this.prepared.delete(oldest);
      old.prepared.destroySync();
    }
  }

  /** Drops a store's tables (deleted stores). */
  forget(store: EventDataStoreModel): Promise<void> {
    return this.serial(async () => {
      const t = this.tables.get(store);
      this.tables.delete(store);
      this.views.delete(store.id);
      if (t) await t.drop();
    });
  }

  /** Loads a store's columns without querying (benchmarks, warm-up). */
  preload(store: EventDataStoreModel, identifiers: ReadonlySet<string>, star = false): Promise<void> {
    return this.serial(() => this.tablesOf(store).sync(StoreTables.columnsFor(store, identifiers, star)));
  }

  close(): Promise<void> {
    return this.serial(async () => {
      for (const e of this.prepared.values()) e.prepared.destroySync();
      this.prepared.clear();
      closeDuckDB(this.s);
    });
  }
}
