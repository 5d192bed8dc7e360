/**
 * How an event data store keeps a record compactly: the event time as a number, the three
 * fields that are (nearly) unique per event (eventID, requestID, sharedEventID) as packed
 * UUIDs (or text when they are not lower-case UUIDs),
 * and every other top-level field as a dictionary code (see `Dictionary`). Keys CloudTrail
 * does not define, and an eventTime not in CloudTrail's `YYYY-MM-DDTHH:MM:SSZ` form, go into
 * one extra dictionary field, so decoding gives back every field ingested. Decoded records
 * have CloudTrail's key order (`RECORD_KEY_ORDER`), unknown keys last.
 */
import { RECORD_KEY_ORDER, type CloudTrailRecord, type JsonObject, type JsonValue } from '../../record/types.js';
import { formatEventTime } from '../../core/time.js';
import { Dictionary } from './dictionary.js';

export const UNIQUE_FIELDS = ['eventID', 'requestID', 'sharedEventID'] as const;
export type UniqueField = (typeof UNIQUE_FIELDS)[number];

/** Name of the dictionary field holding unknown keys and overrides. */
export const EXTRA_FIELD = '__extra';

/** Dictionary-coded fields, in CloudTrail key order, then the extra field. */
export const DICT_FIELDS: readonly string[] = [
  ...RECORD_KEY_ORDER.filter((k) => k !== 'eventTime' && !(UNIQUE_FIELDS as readonly string[]).includes(k)),
  EXTRA_FIELD,
];

const KNOWN = new Set<string>(RECORD_KEY_ORDER);
const DICT_INDEX = new Map(DICT_FIELDS.map((f, i) => [f, i]));
const UNIQUE_INDEX = new Map<string, number>(UNIQUE_FIELDS.map((f, i) => [f, i]));

/**
 * Where an encoded record goes: column arrays, written at one row. A near-unique field is
 * held as a lower-case UUID packed in four 32-bit words (most significant first; no string
 * kept, so a million events are not two million heap strings) or, for any other string, as
 * text; `kind` says which (0 absent, 1 UUID, 2 text).
 */
export interface RecordSlot {
  codes: Int32Array[];
  kind: Uint8Array[];
  uuid: Uint32Array[];
  text: (string | undefined)[][];
}

export const UNIQUE_ABSENT = 0;
export const UNIQUE_UUID = 1;
export const UNIQUE_TEXT = 2;

/**
 * Packs `s` into `out[at..at+3]` when it is a lower-case canonical UUID; false (and `out`
 * partly written) otherwise. One pass: checking and packing together.
 */
export function packUuid(s: string, out: Uint32Array, at: number): boolean {
  if (s.length !== 36) return false;
  let w = 0;
  let k = 0;
  for (let j = 0; j < 36; j++) {
    const c = s.charCodeAt(j);
    if (j === 8 || j === 13 || j === 18 || j === 23) {
      if (c !== 45) return false;
      continue;
    }
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return false;
    w = (w << 4) | d;
    if ((++k & 7) === 0) {
      out[at + (k >> 3) - 1] = w >>> 0;
      w = 0;
    }
  }
  return true;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(w: number): string {
  return HEX_PAIRS[w >>> 24] + HEX_PAIRS[(w >>> 16) & 255] + HEX_PAIRS[(w >>> 8) & 255] + HEX_PAIRS[w & 255];
}

/** The UUID text of words `words[at..at+3]`. */
export function unpackUuid(words: Uint32Array, at: number): string {
  const a = hex8(words[at]), b = hex8(words[at + 1]), c = hex8(words[at + 2]), d = hex8(words[at + 3]);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** The value of near-unique field `u` in row `i` of `slot`. */
export function uniqueAt(slot: RecordSlot, u: number, i: number): string | undefined {
  const k = slot.kind[u][i];
  return k === UNIQUE_UUID ? unpackUuid(slot.uuid[u], 4 * i) : k === UNIQUE_TEXT ? slot.text[u][i] : undefined;
}

const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Length of JSON.stringify(s), without building it for the usual strings that need no escapes. */
function jsonLength(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s).length;
  }
  return s.length + 2;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by digits `from..to` of `s`, or -1 if one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Epoch ms of a `YYYY-MM-DDTHH:MM:SSZ` time with valid fields, else NaN (no allocation). */
export function parseCanonicalTime(s: string): number {
  if (s.length !== 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 90) return NaN;
  const y = digits(s, 0, 4), mo = digits(s, 5, 7), d = digits(s, 8, 10), h = digits(s, 11, 13), mi = digits(s, 14, 16), se = digits(s, 17, 19);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : DAYS[mo - 1])) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, se);
}

/** A record's eventTime in epoch ms and whether it is in CloudTrail's exact form; NaN when unreadable. */
export function readEventTime(r: CloudTrailRecord): { t: number; canonical: boolean } {
  const s = r.eventTime;
  if (typeof s !== 'string') return { t: NaN, canonical: false };
  const t = parseCanonicalTime(s);
  if (Number.isFinite(t)) return { t, canonical: true };
  return { t: Date.parse(s), canonical: false };
}

export class RecordCodec {
  readonly dicts: Dictionary[] = DICT_FIELDS.map(() => new Dictionary());
  private readonly extraIndex = DICT_INDEX.get(EXTRA_FIELD)!;

  /** Index of a dictionary field, or -1. */
  static dictIndex(field: string): number {
    return DICT_INDEX.get(field) ?? -1;
  }

  static uniqueIndex(field: string): number {
    return UNIQUE_INDEX.get(field) ?? -1;
  }

  /**
   * Writes `r` (whose eventTime reads as `t`; `canonical` when in CloudTrail's form) into row
   * `at` of `slot`; returns the length of the record's JSON text (for BytesScanned).
   */
  encodeInto(r: CloudTrailRecord, canonical: boolean, slot: RecordSlot, at: number): number {
    const raw = r as unknown as Record<string, unknown>;
    let extra: JsonObject | undefined;
    if (!canonical) (extra ??= {}).eventTime = r.eventTime;
    // Braces now; `"eventTime":"YYYY-MM-DDTHH:MM:SSZ"` (12 + 22) and one comma per other field at the end.
    let bytes = 2;
    let present = 0;
    for (let u = 0; u < UNIQUE_FIELDS.length; u++) {
      const v = raw[UNIQUE_FIELDS[u]];
      let kind = UNIQUE_ABSENT;
      let text: string | undefined;
      if (typeof v === 'string') {
        if (packUuid(v, slot.uuid[u], 4 * at)) {
          kind = UNIQUE_UUID;
          bytes += UNIQUE_FIELDS[u].length + 3 + 38;
        } else {
          text = v;
          kind = UNIQUE_TEXT;
          bytes += UNIQUE_FIELDS[u].length + 3 + jsonLength(v);
        }
        present++;
      } else if (v !== undefined) (extra ??= {})[UNIQUE_FIELDS[u]] = v as JsonValue;
      slot.kind[u][at] = kind;
      slot.text[u][at] = text;
    }
    for (const k in raw) {
      if (!KNOWN.has(k) && raw[k] !== undefined) (extra ??= {})[k] = raw[k] as JsonValue;
    }
    const dicts = this.dicts;
    const codes = slot.codes;
    for (let i = 0; i < this.extraIndex; i++) {
      const v = raw[DICT_FIELDS[i]];
      if (v === undefined) {
        codes[i][at] = 0;
        continue;
      }
      const c = dicts[i].code(v);
      codes[i][at] = c;
      bytes += DICT_FIELDS[i].length + 3 + dicts[i].json[c].length;
      present++;
    }
    codes[this.extraIndex][at] = extra ? dicts[this.extraIndex].code(extra) : 0;
    if (extra) {
      // Overrides replace fields already counted; unknown keys add to the text.
      for (const [k, v] of Object.entries(extra)) {
        if (k === 'eventTime') bytes += JSON.stringify(v).length - 22;
        else {
          bytes += k.length + 3 + JSON.stringify(v).length;
          present++;
        }
      }
    }
    return bytes + 12 + 22 + present;
  }

  /** The record in row `i` of `slot` (eventTime `time`). */
  decode(time: number, slot: RecordSlot, i: number): CloudTrailRecord {
    const extraCode = slot.codes[this.extraIndex][i];
    const extra = extraCode ? (this.dicts[this.extraIndex].value(extraCode) as JsonObject) : undefined;
    const out: Record<string, unknown> = {};
    for (const k of RECORD_KEY_ORDER) {
      if (extra && k in extra) {
        out[k] = extra[k];
        continue;
      }
      if (k === 'eventTime') {
        out[k] = formatEventTime(time);
        continue;
      }
      const u = UNIQUE_INDEX.get(k);
      if (u !== undefined) {
        const v = uniqueAt(slot, u, i);
        if (v !== undefined) out[k] = v;
        continue;
      }
      const d = DICT_INDEX.get(k)!;
      const c = slot.codes[d][i];
      if (c) out[k] = this.dicts[d].value(c);
    }
    if (extra) for (const k of Object.keys(extra)) if (!KNOWN.has(k)) out[k] = extra[k];
    return out as unknown as CloudTrailRecord;
  }

  /** The JSON text of row `i` (CloudTrail key order), assembled from the dictionaries' JSON without parsing. */
  eventJson(time: number, slot: RecordSlot, i: number): string {
    if (slot.codes[this.extraIndex][i]) return JSON.stringify(this.decode(time, slot, i));
    let s = '{';
    for (let f = 0; f < JSON_PLAN.length; f++) {
      const step = JSON_PLAN[f];
      let frag: string | undefined;
      if (step.kind === 0) frag = `"${formatEventTime(time)}"`;
      else if (step.kind === 1) {
        const v = uniqueAt(slot, step.index, i);
        if (v !== undefined) frag = JSON_ESCAPED.test(v) ? JSON.stringify(v) : `"${v}"`;
      } else {
        const c = slot.codes[step.index][i];
        if (c) frag = this.dicts[step.index].json[c];
      }
      if (frag !== undefined) s += (s.length === 1 ? step.key : step.keyComma) + frag;
    }
    return s + '}';
  }
}

/** How to write each key of a record, in CloudTrail's order: 0 eventTime, 1 near-unique field, 2 dictionary field. */
const JSON_PLAN = RECORD_KEY_ORDER.map((k) => ({
  key: `"${k}":`,
  keyComma: `,"${k}":`,
  kind: k === 'eventTime' ? 0 : UNIQUE_INDEX.has(k) ? 1 : 2,
  index: k === 'eventTime' ? 0 : UNIQUE_INDEX.get(k) ?? DICT_INDEX.get(k)!,
}));
