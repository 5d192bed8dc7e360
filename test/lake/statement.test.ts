/**
 * The Lake statement reader (tokenizer, table references, rewrites), including fuzzing:
 * whatever the text, it answers or throws InvalidQueryStatementException, never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeStatement } from '../../src/cloudtrail/lake/lake-statement.js';
import { lex } from '../../src/cloudtrail/lake/sql-lexer.js';
import { InvalidQueryStatementException } from '../../src/cloudtrail/lake/errors.js';

const ID = '3e2a1b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ARN = `arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/${ID}`;
const refs = (sql: string) => analyzeStatement(sql).refs.map((r) => r.name);

describe('table references', () => {
  it.each([
    [`SELECT * FROM ${ID}`, [ID]],
    [`SELECT * FROM ${ID} AS e WHERE e.eventname = 'x'`, [ID]],
    [`SELECT * FROM ${ARN}`, [ARN]],
    [`SELECT * FROM "${ID}"`, [ID]],
    [`select a.x from ${ID} a join EXAMPLEf852-4e8f-8bd1-bcf6cEXAMPLE b on a.x = b.x`, [ID, 'EXAMPLEf852-4e8f-8bd1-bcf6cEXAMPLE']],
    [`SELECT * FROM ${ID}, other-store-1 WHERE 1 = 1`, [ID, 'other-store-1']],
    [`SELECT * FROM (SELECT eventid FROM ${ID}) t`, [ID]],
    [`SELECT * FROM ${ID} WHERE eventid IN (SELECT eventid FROM x-2)`, [ID, 'x-2']],
    [`WITH recent AS (SELECT * FROM ${ID}), r2 (a) AS (SELECT 1 FROM recent) SELECT * FROM recent JOIN r2 ON true`, [ID]],
    [`SELECT EXTRACT(year FROM eventtime), substring(eventname FROM 1 FOR 3), trim(BOTH 'x' FROM eventname) FROM ${ID}`, [ID]],
    [`SELECT * FROM ${ID} WHERE errorcode IS DISTINCT FROM 'x'`, [ID]],
    [`SELECT r.arn FROM ${ID} CROSS JOIN UNNEST(resources) AS t(r)`, [ID]],
    [`SELECT 'FROM not-a-store' AS s, "from" FROM ${ID} -- FROM comment-store\n/* FROM block-store */`, [ID]],
    [`SELECT eventid FROM ${ID} UNION SELECT eventid FROM b-1 UNION ALL SELECT eventid FROM c-2 ORDER BY eventid LIMIT 10`, [ID, 'b-1', 'c-2']],
  ])('%s', (sql, expected) => {
    expect(refs(sql)).toEqual(expected);
  });

  it('refuses table functions other than UNNEST', () => {
    expect(() => analyzeStatement(`SELECT * FROM read_parquet('x')`)).toThrow(InvalidQueryStatementException);
    expect(() => analyzeStatement(`SELECT * FROM ${ID} JOIN glob('*') g ON true`)).toThrow(/Table function 'glob'/);
  });

  it('finds the identifiers a statement uses, and SELECT *', () => {
    const a = analyzeStatement(`SELECT userIdentity.arn, "eventName", count(*) FROM ${ID} WHERE element_at(requestParameters, 'x') = 'y' GROUP BY 1, 2`);
    expect(a.star).toBe(false);
    for (const k of ['useridentity', 'arn', 'eventname', 'requestparameters']) expect(a.identifiers.has(k)).toBe(true);
    expect(a.identifiers.has(ID)).toBe(false);
    for (const sql of [`SELECT * FROM ${ID}`, `SELECT DISTINCT * FROM ${ID}`, `SELECT e.* FROM ${ID} e`, `SELECT eventid, * FROM ${ID}`]) expect(analyzeStatement(sql).star).toBe(true);
    expect(analyzeStatement(`SELECT count(*), 2 * 3 FROM ${ID}`).star).toBe(false);
  });
});

describe('statement kind', () => {
  it.each(['DELETE FROM x', 'insert into x values (1)', 'WITHOUT', 'VALUES (1)', 'EXPLAIN SELECT 1', 'DESCRIBE x', 'SHOW TABLES', 'CALL f()', 'FROM x SELECT *'])('refuses %s', (sql) => {
    expect(() => analyzeStatement(sql)).toThrow(expect.objectContaining({ name: 'InvalidQueryStatementException', message: expect.stringContaining('Only SELECT statements are allowed') }));
  });

  it('takes SELECT, WITH and a parenthesised SELECT; one statement with an optional trailing semicolon', () => {
    expect(refs(`(SELECT 1 FROM ${ID}) UNION (SELECT 2 FROM ${ID});`)).toEqual([ID, ID]);
    expect(() => analyzeStatement(`SELECT 1; SELECT 2`)).toThrow(/line 1:9: Only one SQL statement is allowed/);
    expect(() => analyzeStatement(`SELECT 'a;b' FROM ${ID};;`)).not.toThrow();
  });

  it('reports unterminated literals and comments with their position', () => {
    expect(() => analyzeStatement(`SELECT 'x`)).toThrow(/^line 1:8: unterminated string literal$/);
    expect(() => analyzeStatement(`SELECT\n  "x`)).toThrow(/^line 2:3: unterminated quoted identifier$/);
    expect(() => analyzeStatement(`SELECT 1 /* x`)).toThrow(/^line 1:10: unterminated comment$/);
  });
});

describe('rewrites', () => {
  const now = Date.parse('2026-03-01T06:07:08.009Z');
  it('puts table names in, the virtual clock for the current time, list_ names for lambda functions', () => {
    const a = analyzeStatement(`SELECT now(), current_timestamp, current_timestamp(3), current_date, localtimestamp, transform(x, v -> v + 1), filter(x, v -> v > 0), count(*) FILTER (WHERE a > 1) FROM ${ID} WHERE eventtime > now() - INTERVAL '1' DAY;`);
    const out = a.rewrite(() => '"t"', now).sql;
    expect(out).toBe(
      `SELECT CAST('2026-03-01 06:07:08.009+00' AS TIMESTAMPTZ), CAST('2026-03-01 06:07:08.009+00' AS TIMESTAMPTZ), CAST('2026-03-01 06:07:08.009+00' AS TIMESTAMPTZ), CAST('2026-03-01' AS DATE), CAST('2026-03-01 06:07:08.009' AS TIMESTAMP), list_transform(x, v -> v + 1), list_filter(x, v -> v > 0), count(*) FILTER (WHERE a > 1) FROM "t" WHERE eventtime > CAST('2026-03-01 06:07:08.009+00' AS TIMESTAMPTZ) - INTERVAL '1' DAY`,
    );
  });

  it('maps positions in the rewritten text back to the statement as written', () => {
    const sql = `SELECT x FROM ${ID} WHERE now() > y`;
    const r = analyzeStatement(sql).rewrite(() => '"t"', now);
    const yNew = r.sql.lastIndexOf('y');
    expect(r.toOriginal(yNew)).toBe(sql.lastIndexOf('y'));
    expect(r.toOriginal(r.sql.indexOf('"t"') + 1)).toBe(sql.indexOf(ID));
    expect(r.toOriginal(0)).toBe(0);
  });
});

describe('fuzzing', () => {
  const sqlish = fc.array(fc.constantFrom('SELECT', 'FROM', 'WHERE', ID, ARN, '"q"', "'s'", "'", '"', '--c\n', '/*', '*/', '(', ')', ',', ';', '*', 'x', '-', ':', '.', ' ', '\n', 'now()', 'WITH', 'AS', 'JOIN', 'UNNEST', 'filter(', '1e3'), { maxLength: 30 }).map((p) => p.join(' '));

  it('tokens cover the text exactly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), sqlish), (s) => {
        let toks;
        try {
          toks = lex(s);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidQueryStatementException);
          return;
        }
        expect(toks.map((t) => t.text).join('')).toBe(s);
        toks.forEach((t, i) => expect(t.start).toBe(i === 0 ? 0 : toks[i - 1].end));
      }),
      { numRuns: 500 },
    );
  });

  it('any text is read or refused with InvalidQueryStatementException; rewriting never fails', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), sqlish, sqlish.map((s) => 'SELECT ' + s)), (s) => {
        let a;
        try {
          a = analyzeStatement(s);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidQueryStatementException);
          expect((e as Error).message).toMatch(/^line \d+:\d+: /);
          return;
        }
        const r = a.rewrite((ref) => `"${ref.name.length}"`, 0);
        expect(typeof r.sql).toBe('string');
        for (const ref of a.refs) expect(s.slice(ref.start, ref.end)).toContain(ref.name.replace(/"/g, '""').slice(0, 1));
      }),
      { numRuns: 500 },
    );
  });
});
