/**
 * The DuckDB side of one event data store: a fact table with one row per event and one
 * dictionary table per dictionary-coded field, loaded column by column from the store's
 * compact log, only for the columns a query reads, and kept in step incrementally (new
 * events appended, expired ones deleted by sequence number). A query sees the store through
 * a view that joins the dictionaries back into Lake's columns.
 *
 * Loading is columnar and mostly memory copies: times, sequence numbers and dictionary codes
 * go from the log's typed arrays straight into DuckDB vectors, lower-case UUIDs are written
 * as 128-bit words; columns holding a single value (or none) are not loaded at all; only
 * other near-unique strings and each distinct dictionary value cross one by one. `eventjson`
 * is never loaded: `__trailsim_eventjson` builds it from the log for the rows a query reads.
 */
import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBSession } from './duckdb-loader.js';
import type { EventLog, LogChunk } from './event-log.js';
import type { StoreKind } from './selectors.js';
import { RecordCodec, UNIQUE_TEXT, UNIQUE_UUID } from './record-codec.js';
import { columnsFor, type LakeColumn } from './lake-schema.js';

const BATCH = 2048;

/**
 * A column of the fact table. Near-unique fields are split in two: lower-case UUIDs (most
 * event and request ids) as DuckDB UUIDs, written as raw 128-bit words with no per-value call
 * into DuckDB, and any other value as text.
 */
type Phys = { name: string; type: 'TIMESTAMP' | 'INTEGER' | 'VARCHAR' | 'UUID'; kind: 'time' | 'code' | 'uuid' | 'text'; index: number };

/** SQL function giving an event's JSON text from the store's log, by store key and sequence number. */
export const EVENT_JSON_FUNCTION = '__trailsim_eventjson';

/**
 * Registers `__trailsim_eventjson(store, seq)` on a session: `eventjson` is built from the
 * compact log when a query reads it, row by row, instead of being loaded for every event
 * (it is by far the widest column). Returns the registry the stores' logs are added to.
 */
export function installEventJsonFunction(s: DuckDBSession): { add(log: EventLog): number; remove(key: number): void } {
  const logs: (EventLog | undefined)[] = [];
  const { api } = s;
  s.connection.registerScalarFunction(
    api.DuckDBScalarFunction.create({
      name: EVENT_JSON_FUNCTION,
      returnType: api.VARCHAR,
      parameterTypes: [api.INTEGER, api.DOUBLE],
      mainFunction: (_info, input, output) => {
        const keys = input.getColumnVector(0);
        const seqs = input.getColumnVector(1);
        for (let i = 0; i < input.rowCount; i++) {
          const log = logs[keys.getItem(i) as number];
          const seq = seqs.getItem(i) as number | null;
          const at = log && seq !== null ? log.locate(seq - log.headSeq) : undefined;
          output.setItem(i, at ? log!.eventJsonAt(at[0], at[1]) : null);
        }
        output.flush();
      },
    }),
  );
  return {
    add(log: EventLog): number {
      logs.push(log);
      return logs.length - 1;
    },
    remove(key: number): void {
      logs[key] = undefined;
    },
  };
}

function physicalOf(c: LakeColumn): Phys[] {
  const s = c.source;
  switch (s.kind) {
    case 'time':
      return [{ name: 'eventtime', type: 'TIMESTAMP', kind: 'time', index: 0 }];
    case 'unique': {
      const index = RecordCodec.uniqueIndex(s.field);
      return [{ name: `u_${s.field}`, type: 'UUID', kind: 'uuid', index }, { name: `x_${s.field}`, type: 'VARCHAR', kind: 'text', index }];
    }
    case 'dict':
      return [{ name: `c_${s.field}`, type: 'INTEGER', kind: 'code', index: RecordCodec.dictIndex(s.field) }];
    default:
      return [];
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes packed UUIDs (4 words per row, most significant first; `valid[i]` false for rows
 * without one) into a UUID vector's memory: an int128, little-endian, top bit flipped, as
 * DuckDB stores UUIDs.
 */
function writeUuids(api: DuckDBSession['api'], chunk: DuckDB.DuckDBDataChunk, col: number, words: Uint32Array, valid: Uint8Array, n: number): void {
  const v = chunk.getColumnVector(col) as unknown as { dataView?: DataView; setItem(i: number, value: unknown): void; flush(): void };
  const dv = v.dataView;
  if (!(dv instanceof DataView) || dv.byteLength < n * 16 || !LITTLE_ENDIAN) {
    const values = [];
    for (let i = 0; i < n; i++) {
      const w = words.subarray(4 * i, 4 * i + 4);
      values.push(valid[i] ? api.DuckDBUUIDValue.fromUint128((BigInt(w[0]) << 96n) | (BigInt(w[1]) << 64n) | (BigInt(w[2]) << 32n) | BigInt(w[3])) : null);
    }
    chunk.setColumnValues(col, values);
    return;
  }
  const out = new Uint32Array(dv.buffer, dv.byteOffset, n * 4);
  for (let i = 0; i < n; i++) {
    if (!valid[i]) {
      v.setItem(i, null);
      continue;
    }
    out[4 * i] = words[4 * i + 3];
    out[4 * i + 1] = words[4 * i + 2];
    out[4 * i + 2] = words[4 * i + 1];
    out[4 * i + 3] = (words[4 * i] ^ 0x80000000) >>> 0;
  }
  v.flush();
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

interface Vec {
  items?: unknown;
  flush(): void;
}

/** Copies numbers into a vector's memory when the API exposes it, else value by value. */
function writeFloat64(chunk: DuckDB.DuckDBDataChunk, col: number, src: Float64Array, n: number): void {
  const v = chunk.getColumnVector(col) as unknown as Vec;
  if (v.items instanceof Float64Array && v.items.length >= n) {
    v.items.set(src.subarray(0, n));
    v.flush();
  } else chunk.setColumnValues(col, Array.from(src.subarray(0, n)));
}

function writeInt32(chunk: DuckDB.DuckDBDataChunk, col: number, src: Int32Array, n: number): void {
  const v = chunk.getColumnVector(col) as unknown as Vec;
  if (v.items instanceof Int32Array && v.items.length >= n) {
    v.items.set(src.subarray(0, n));
    v.flush();
  } else chunk.setColumnValues(col, Array.from(src.subarray(0, n)));
}

/** Epoch-ms times into a TIMESTAMP vector (int64 microseconds), written as two 32-bit halves. */
function writeTimestamps(api: DuckDBSession['api'], chunk: DuckDB.DuckDBDataChunk, col: number, ms: Float64Array, n: number): void {
  const v = chunk.getColumnVector(col) as unknown as Vec;
  if (v.items instanceof BigInt64Array && v.items.length >= n) {
    const lo = new Uint32Array(v.items.buffer, v.items.byteOffset, n * 2);
    const hi = new Int32Array(v.items.buffer, v.items.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      const micros = ms[i] * 1000;
      const h = Math.floor(micros / 4294967296);
      lo[2 * i] = micros - h * 4294967296;
      hi[2 * i + 1] = h;
    }
    v.flush();
  } else chunk.setColumnValues(col, Array.from(ms.subarray(0, n), (x) => new api.DuckDBTimestampValue(BigInt(x) * 1000n)));
}

/** What the tables are loaded from: an event data store, or any log of records (exports). */
export interface EventSource {
  readonly log: EventLog;
  readonly kind: StoreKind;
}

export class StoreTables {
  private fact?: { generation: number; headSeq: number; tailSeq: number; columns: Phys[]; fixed: Map<string, number> };
  private readonly dicts = new Map<number, { size: number; columns: LakeColumn[] }>();
  private readonly fixedPhys = new Map<string, Phys>();
  /** Bumped whenever a table is created again (views and prepared statements over it are stale). */
  schemaVersion = 0;
  /**
   * Bumped whenever rows change. DuckDB plans with the tables' statistics (string lengths,
   * ranges), so a statement prepared before a change must not run after it.
   */
  dataVersion = 0;
  private readonly factTable: string;

  /** The store's key for `__trailsim_eventjson`. */
  private readonly key: number;

  constructor(private readonly s: DuckDBSession, private readonly prefix: string, readonly store: EventSource, private readonly eventJson: { add(log: EventLog): number; remove(key: number): void }) {
    this.factTable = `${prefix}_events`;
    this.key = eventJson.add(store.log);
  }

  private dictTable(index: number): string {
    return `${this.prefix}_dict_${index}`;
  }

  /**
   * The one value column `p` would hold for log positions `[from, to)`, if it holds one:
   * a dictionary code (0: absent) for code columns, 0 for a near-unique part with no values.
   * Such columns are not loaded; the view writes the value (CloudTrail data has many:
   * eventVersion, eventCategory, recipientAccountId in a one-account store, absent fields).
   */
  private fixedValue(p: Phys, from: number, to: number): number | undefined {
    const log = this.store.log;
    if (p.kind === 'uuid') return log.uuidSeen[p.index] === 0 ? 0 : undefined;
    if (p.kind === 'text') return log.textSeen[p.index] === 0 ? 0 : undefined;
    if (p.kind !== 'code') return undefined;
    if (log.codec.dicts[p.index].size === 1) return 0;
    let value: number | undefined;
    let mixed = false;
    log.forEachRange((chunk, b, e) => {
      if (mixed) return;
      const codes = chunk.codes[p.index];
      if (value === undefined && b < e) value = codes[b];
      for (let i = b; i < e; i++) {
        if (codes[i] !== value) {
          mixed = true;
          return;
        }
      }
    }, from, to);
    return mixed ? undefined : value ?? 0;
  }

  /** Loads what `columns` need and brings the tables up to date with the store. */
  async sync(columns: readonly LakeColumn[]): Promise<void> {
    const log = this.store.log;
    const need = new Map<string, Phys>();
    for (const c of columns) for (const p of physicalOf(c)) need.set(p.name, p);
    const f = this.fact;
    const known = (n: string) => f !== undefined && (f.columns.some((c) => c.name === n) || f.fixed.has(n));
    // New events may break a fixed column (another value appears): the table is then built again.
    const from = f ? Math.max(0, f.tailSeq - log.headSeq) : 0;
    const broken = f !== undefined && [...f.fixed].some(([n, v]) => from < log.size && this.fixedValue(this.fixedPhys.get(n)!, from, log.size) !== v);
    if (!f || f.generation !== log.generation || broken || [...need.keys()].some((n) => !known(n))) {
      const kept = f && f.generation === log.generation ? [...f.columns, ...[...f.fixed.keys()].map((n) => this.fixedPhys.get(n)!)] : [];
      const wanted = [...kept, ...need.values()].filter((c, i, all) => all.findIndex((x) => x.name === c.name) === i);
      const fixed = new Map<string, number>();
      const cols: Phys[] = [];
      for (const c of wanted) {
        const v = this.fixedValue(c, 0, log.size);
        if (v === undefined) cols.push(c);
        else {
          fixed.set(c.name, v);
          this.fixedPhys.set(c.name, c);
        }
      }
      this.schemaVersion++;
      await this.s.connection.run(`CREATE OR REPLACE TABLE ${q(this.factTable)} (__seq DOUBLE${cols.map((c) => `, ${q(c.name)} ${c.type}`).join('')})`);
      this.fact = { generation: log.generation, headSeq: log.headSeq, tailSeq: log.headSeq, columns: cols, fixed };
    }
    const fact = this.fact!;
    if (log.headSeq > fact.headSeq) {
      this.dataVersion++;
      await this.s.connection.run(`DELETE FROM ${q(this.factTable)} WHERE __seq < ${log.headSeq}`);
      fact.headSeq = log.headSeq;
    }
    if (log.tailSeq > fact.tailSeq) {
      this.dataVersion++;
      await this.appendRows(fact.columns, Math.max(0, fact.tailSeq - log.headSeq), log.size);
      fact.tailSeq = log.tailSeq;
    }
    for (const c of columns) if (c.source.kind === 'dict' && fact.fixed.get(`c_${c.source.field}`) !== 0) await this.syncDict(c, columns);
  }

  private async appendRows(cols: Phys[], from: number, to: number): Promise<void> {
    if (to <= from) return;
    const { api, connection } = this.s;
    const log = this.store.log;
    const types = [api.DOUBLE, ...cols.map((c) => (c.type === 'TIMESTAMP' ? api.TIMESTAMP : c.type === 'INTEGER' ? api.INTEGER : c.type === 'UUID' ? api.UUID : api.VARCHAR))];
    const seq = new Float64Array(BATCH);
    const times = new Float64Array(BATCH);
    const codes = cols.map((c) => (c.kind === 'code' ? new Int32Array(BATCH) : undefined));
    const strings = cols.map((c) => (c.kind === 'text' ? new Array<string | null>(BATCH) : undefined));
    const words = cols.map((c) => (c.kind === 'uuid' ? new Uint32Array(BATCH * 4) : undefined));
    const valid = cols.map((c) => (c.kind === 'uuid' ? new Uint8Array(BATCH) : undefined));
    const appender = await connection.createAppender(this.factTable);
    let n = 0;
    let pos = from;
    const flush = () => {
      if (n === 0) return;
      const chunk = api.DuckDBDataChunk.create(types, n);
      writeFloat64(chunk, 0, seq, n);
      cols.forEach((c, k) => {
        if (c.kind === 'time') writeTimestamps(api, chunk, k + 1, times, n);
        else if (c.kind === 'code') writeInt32(chunk, k + 1, codes[k]!, n);
        else if (c.kind === 'uuid') writeUuids(api, chunk, k + 1, words[k]!, valid[k]!, n);
        else chunk.setColumnValues(k + 1, strings[k]!.slice(0, n));
      });
      appender.appendDataChunk(chunk);
      n = 0;
    };
    const headSeq = log.headSeq;
    log.forEachRange((chunk: LogChunk, b: number, e: number) => {
      let i = b;
      while (i < e) {
        const take = Math.min(e - i, BATCH - n);
        for (let j = 0; j < take; j++) seq[n + j] = headSeq + pos + j;
        cols.forEach((c, k) => {
          if (c.kind === 'time') times.set(chunk.times.subarray(i, i + take), n);
          else if (c.kind === 'code') codes[k]!.set(chunk.codes[c.index].subarray(i, i + take), n);
          else if (c.kind === 'uuid') {
            words[k]!.set(chunk.uuid[c.index].subarray(4 * i, 4 * (i + take)), 4 * n);
            const kinds = chunk.kind[c.index];
            const ok = valid[k]!;
            for (let j = 0; j < take; j++) ok[n + j] = kinds[i + j] === UNIQUE_UUID ? 1 : 0;
          } else {
            const kinds = chunk.kind[c.index];
            const src = chunk.text[c.index];
            const dst = strings[k]!;
            for (let j = 0; j < take; j++) dst[n + j] = kinds[i + j] === UNIQUE_TEXT ? src[i + j]! : null;
          }
        });
        n += take;
        i += take;
        pos += take;
        if (n === BATCH) flush();
      }
    }, from, to);
    flush();
    appender.flushSync();
    appender.closeSync();
  }

  private async syncDict(column: LakeColumn, all: readonly LakeColumn[]): Promise<void> {
    if (column.source.kind !== 'dict') return;
    const field = column.source.field;
    const index = RecordCodec.dictIndex(field);
    const dict = this.store.log.codec.dicts[index];
    const wanted = all.filter((c) => c.source.kind === 'dict' && c.source.field === field);
    let state = this.dicts.get(index);
    const { api, connection } = this.s;
    const table = this.dictTable(index);
    if (!state || wanted.some((w) => !state!.columns.includes(w))) {
      const cols = [...(state?.columns ?? []), ...wanted].filter((c, i, a) => a.indexOf(c) === i);
      this.schemaVersion++;
      await connection.run(`CREATE OR REPLACE TABLE ${q(table)} (code INTEGER, ${cols.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`);
      state = { size: 1, columns: cols };
      this.dicts.set(index, state);
    }
    if (dict.size <= state.size) return;
    this.dataVersion++;
    const stage = `${this.prefix}_stage`;
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${q(stage)} (code INTEGER, s VARCHAR, j VARCHAR)`);
    const appender = await connection.createAppender(stage);
    for (let code = state.size; code < dict.size; code++) {
      const text = dict.json[code];
      appender.appendInteger(code);
      appender.appendVarchar(dict.stringAt(code) ? (dict.value(code) as string) : text);
      appender.appendVarchar(text);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    const exprs = state.columns.map((c) => `${(c.source as { sql: string }).sql} AS ${q(c.name)}`);
    await connection.run(`INSERT INTO ${q(table)} SELECT code, ${exprs.join(', ')} FROM ${q(stage)}`);
    await connection.run(`DROP TABLE ${q(stage)}`);
    state.size = dict.size;
  }

  /** SQL of a view presenting `columns` (in schema order) under Lake's names. */
  viewSql(viewName: string, columns: readonly LakeColumn[]): string {
    return `CREATE OR REPLACE TEMP VIEW ${q(viewName)} AS ${this.selectSql(columns)}`;
  }

  /** A SELECT of `columns` under Lake's names; `inOrder` keeps the log's order (oldest first). */
  selectSql(columns: readonly LakeColumn[], inOrder = false): string {
    const joins = new Map<number, string>();
    const select = columns.map((c) => {
      const s = c.source;
      switch (s.kind) {
        case 'time':
          return `f.eventtime AS ${q(c.name)}`;
        case 'unique': {
          const parts = [];
          if (!this.fact?.fixed.has(`u_${s.field}`)) parts.push(`CAST(f.${q(`u_${s.field}`)} AS VARCHAR)`);
          if (!this.fact?.fixed.has(`x_${s.field}`)) parts.push(`f.${q(`x_${s.field}`)}`);
          const expr = parts.length === 0 ? `CAST(NULL AS ${c.type})` : parts.length === 1 ? parts[0] : `coalesce(${parts.join(', ')})`;
          return `${expr} AS ${q(c.name)}`;
        }
        case 'eventjson':
          return `${EVENT_JSON_FUNCTION}(${this.key}, f.__seq) AS ${q(c.name)}`;
        case 'null':
          return `CAST(NULL AS ${c.type}) AS ${q(c.name)}`;
        case 'dict': {
          const index = RecordCodec.dictIndex(s.field);
          const fixed = this.fact?.fixed.get(`c_${s.field}`);
          if (fixed === 0) return `CAST(NULL AS ${c.type}) AS ${q(c.name)}`;
          if (fixed !== undefined) return `(SELECT ${q(c.name)} FROM ${q(this.dictTable(index))} WHERE code = ${fixed}) AS ${q(c.name)}`;
          const alias = `d${index}`;
          joins.set(index, `LEFT JOIN ${q(this.dictTable(index))} AS ${alias} ON ${alias}.code = f.${q(`c_${s.field}`)}`);
          return `${alias}.${q(c.name)} AS ${q(c.name)}`;
        }
      }
    });
    return `SELECT ${select.join(', ')} FROM ${q(this.factTable)} AS f ${[...joins.values()].join(' ')}${inOrder ? ' ORDER BY f.__seq' : ''}`;
  }

  /** The columns of the store's table a statement may read. */
  static columnsFor(store: EventSource, identifiers: ReadonlySet<string>, star: boolean): LakeColumn[] {
    const all = columnsFor(store.kind);
    const picked = all.filter((c) => star || identifiers.has(c.name) || c.name === 'eventtime');
    return picked;
  }

  async drop(): Promise<void> {
    this.eventJson.remove(this.key);
    await this.s.connection.run(`DROP TABLE IF EXISTS ${q(this.factTable)}`);
    for (const index of this.dicts.keys()) await this.s.connection.run(`DROP TABLE IF EXISTS ${q(this.dictTable(index))}`);
    this.dicts.clear();
    this.fixedPhys.clear();
    this.fact = undefined;
  }
}
