/**
 * Reading Sigma YAML the way the Sigma toolchain does. pySigma loads rules with PyYAML,
 * which implements YAML 1.1: unquoted `yes`/`no`/`on`/`off` are booleans and `0x1F` is a
 * number. We use the `yaml` package's 1.1 schema with two changes that make it agree with
 * PyYAML's safe loader on what matters here:
 *  - booleans are PyYAML's set (PyYAML does not treat `y`/`n` as booleans; `yaml` 1.1 does);
 *  - timestamps stay strings (rules carry `date: 2021-08-09`; a Date object would only get
 *    in the way of metadata and of values compared as text).
 * Mappings come back as `Map`s so that keys such as `__proto__` stay plain data.
 */
import { parseAllDocuments, type ScalarTag, type Tags } from 'yaml';
import { SigmaRuleError } from './errors.js';

const BOOL_TAG = 'tag:yaml.org,2002:bool';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

// PyYAML's resolver for bool: yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF.
const pyTrue: ScalarTag = {
  identify: (v) => v === true,
  default: true,
  tag: BOOL_TAG,
  test: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => true,
};
const pyFalse: ScalarTag = {
  identify: (v) => v === false,
  default: true,
  tag: BOOL_TAG,
  test: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => false,
};

function pyYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => {
    const tag = typeof t === 'string' ? t : t.tag;
    return tag !== BOOL_TAG && tag !== TIMESTAMP_TAG;
  });
  return [...kept, pyTrue, pyFalse];
}

/** A YAML value as read: scalars, arrays, and `Map`s for mappings. */
export type YamlValue = unknown;

/**
 * Parses every document of `text`. Throws `SigmaRuleError` (naming `source`) on a YAML
 * syntax error, duplicate keys, or alias abuse. Empty documents are dropped.
 */
export function readYamlDocuments(text: string, source: string | undefined): YamlValue[] {
  if (typeof text !== 'string') throw new SigmaRuleError(source, 'rule text must be a string');
  let docs;
  try {
    docs = parseAllDocuments(text, { version: '1.1', customTags: pyYamlTags, uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    throw new SigmaRuleError(source, `not valid YAML: ${(e as Error).message}`, { cause: e });
  }
  const list = Array.isArray(docs) ? docs : [];
  const out: YamlValue[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      throw new SigmaRuleError(source, `not valid YAML: ${doc.errors[0].message}`, { cause: doc.errors[0] });
    }
    let value: unknown;
    try {
      value = doc.toJS({ mapAsMap: true, maxAliasCount: 100 });
    } catch (e) {
      throw new SigmaRuleError(source, `not valid YAML: ${(e as Error).message}`, { cause: e });
    }
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}
