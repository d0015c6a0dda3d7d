/**
 * `@aufwand` annotations: what the keys mean, read into a cost
 * specification, and every problem with them as a finding at the key's or
 * the value's range (rule `aufwand`). One reading serves both the rule and
 * the cost engine (cached per block, see engine.ts).
 *
 *   @aufwand Anmeldung einer Wohnung
 *     adressat: buerger
 *     fallzahl: 4.800.000 pro Jahr
 *     zeit: formulare-ausfuellen mittel, uebermitteln einfach
 */
import type { Annotation, AnnotationEntry, Message, RelEdit, RelPos, Suggestion } from '../model/types';
import type { Severity } from '../rules/rule';
import { closest, editDistance } from '../util/strings';
import {
  ADRESSATEN,
  ARTEN,
  EBENEN,
  KOMPLEXITAETEN,
  LAUFBAHNEN,
  QUALIFIKATIONEN,
  WEGE,
  WIRTSCHAFTSZWEIGE,
  ADRESSAT_NAME,
  type Adressat,
  type Art,
  type CostData,
  type Ebene,
  type Komplexitaet,
  type Laufbahn,
  type Qualifikation,
  type Taetigkeit,
  type Wege,
  type Wirtschaftszweig,
} from './data';
import { parseGermanNumber } from './numbers';

/** The keys of @aufwand, in the order the documentation lists them. */
export const AUFWAND_KEYS = [
  'adressat',
  'wirtschaftszweig',
  'qualifikation',
  'ebene',
  'laufbahn',
  'art',
  'fallzahl',
  'zeit',
  'lohnsatz',
  'sachkosten',
  'informationspflicht',
  'wege',
] as const;
export type AufwandKey = (typeof AUFWAND_KEYS)[number];

/** Which addressees a key applies to (undefined: all). */
export const KEY_ADRESSATEN: Partial<Record<AufwandKey, readonly Adressat[]>> = {
  wirtschaftszweig: ['wirtschaft'],
  qualifikation: ['wirtschaft'],
  ebene: ['verwaltung'],
  laufbahn: ['verwaltung'],
  lohnsatz: ['wirtschaft', 'verwaltung'],
  informationspflicht: ['wirtschaft'],
  wege: ['buerger', 'wirtschaft'],
};

/** Allowed values of the enumerated keys. */
export const KEY_VALUES: Partial<Record<AufwandKey, readonly string[]>> = {
  adressat: ADRESSATEN,
  wirtschaftszweig: WIRTSCHAFTSZWEIGE,
  qualifikation: QUALIFIKATIONEN,
  ebene: EBENEN,
  laufbahn: LAUFBAHNEN,
  art: ARTEN,
  informationspflicht: ['ja', 'nein'],
  wege: WEGE,
};

/** Other spellings that mean one allowed value for certain (after lower case and ä → ae …): a safe fix. */
const ALIASES: Partial<Record<AufwandKey, Record<string, string>>> = {
  adressat: {
    'buergerinnen-und-buerger': 'buerger',
    buergerinnen: 'buerger',
    'buerger-innen': 'buerger',
    unternehmen: 'wirtschaft',
    behoerde: 'verwaltung',
    behoerden: 'verwaltung',
  },
  ebene: {
    laender: 'land',
    bundeslaender: 'land',
    bundesland: 'land',
    kommunen: 'kommune',
    gemeinde: 'kommune',
    gemeinden: 'kommune',
    sozialversicherungen: 'sozialversicherung',
    sozialversicherungstraeger: 'sozialversicherung',
  },
  laufbahn: {
    einfach: 'einfach-mittel',
    mittel: 'einfach-mittel',
    'einfacher-dienst': 'einfach-mittel',
    'mittlerer-dienst': 'einfach-mittel',
    'einfacher-mittlerer-dienst': 'einfach-mittel',
    'einfacher/mittlerer-dienst': 'einfach-mittel',
    'einfach/mittel': 'einfach-mittel',
    'gehobener-dienst': 'gehoben',
    gehobener: 'gehoben',
    'hoeherer-dienst': 'hoeher',
    hoeherer: 'hoeher',
    ø: 'durchschnitt',
  },
  qualifikation: { ø: 'durchschnitt', durchschnittlich: 'durchschnitt' },
  art: { jaehrlicher: 'jaehrlich', laufend: 'jaehrlich', einmaliger: 'einmalig' },
  wirtschaftszweig: { gesamtwirtschaft: 'gesamt', alle: 'gesamt' },
  wege: { regierungsbezirk: 'land', landkreis: 'kreis', ø: 'durchschnitt' },
};

/** One part of the time per case: a duration or a standard activity. */
export type ZeitTeil =
  | { kind: 'dauer'; minuten: number; text: string }
  | { kind: 'taetigkeit'; taetigkeit: Taetigkeit; komplexitaet: Komplexitaet; minuten: number; text: string };

/** A valid @aufwand annotation, read. */
export interface AufwandSpec {
  bezeichnung: string;
  adressat: Adressat;
  art: Art;
  fallzahl: number;
  /** Minutes per case from `zeit` (without travel). */
  zeitMinuten: number;
  zeitTeile: ZeitTeil[];
  wirtschaftszweig: Wirtschaftszweig;
  qualifikation: Qualifikation;
  ebene: Ebene | undefined;
  laufbahn: Laufbahn;
  /** `lohnsatz` written in the annotation (overrides the table). */
  lohnsatz: number | undefined;
  /** `sachkosten` per case (without travel). */
  sachkosten: number;
  informationspflicht: boolean;
  wege: Wege | undefined;
}

/** A problem with an annotation, relative to its block (as rule findings are). */
export interface AufwandFinding {
  message: Message;
  start: RelPos;
  end: RelPos;
  fix?: RelEdit[];
  suggestions?: Suggestion[];
  severity?: Severity;
}

export interface ParsedAufwand {
  /** Undefined when an error keeps the annotation from being computed. */
  spec: AufwandSpec | undefined;
  findings: AufwandFinding[];
}

/** Lower case, umlauts transliterated, blanks as hyphens: the form ids and values are compared in. */
export function normaliseValue(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[\s_]+/g, '-');
}

type EnumResult = { ok: string } | { fix: string } | { suggestion: string } | { none: true };

/**
 * An enumerated value: accepted as written, or the certain correction (a
 * difference in case or umlaut spelling, a known other spelling, a typo of at
 * most two characters), or a value close enough to suggest.
 */
export function checkEnum(value: string, allowed: readonly string[], aliases: Record<string, string> = {}, near = true): EnumResult {
  if (allowed.includes(value)) return { ok: value };
  const n = normaliseValue(value);
  const same = allowed.find((a) => normaliseValue(a) === n);
  if (same) return { fix: same };
  if (Object.hasOwn(aliases, n)) return { fix: aliases[n] };
  if (!near) return { none: true };
  const c = closest(n, allowed.map(normaliseValue));
  const hit = c === undefined ? undefined : allowed.find((a) => normaliseValue(a) === c);
  if (!hit) return { none: true };
  return editDistance(n, normaliseValue(hit)) <= 2 && n.length > 3 ? { fix: hit } : { suggestion: hit };
}

const ZEIT_UNIT_RE = /^(min|min\.|Min\.?|Minuten|Minute|h|Std\.?|Stunden|Stunde)(?:\s+(?:je|pro)\s+Fall)?$/u;
const EURO_REST_RE = /^(?:€|Euro|EUR)?(?:\s*(?:\/\s*h|je\s+Stunde|pro\s+Stunde))?(?:\s*(?:je|pro)\s+Fall)?$/u;
const JAEHRLICH_WORDS = /(?:^|\s)(?:pro|je|im)\s+Jahr(?:\s|$)|jährlich/iu;
const EINMALIG_WORDS = /(?:^|\s)einmalig(?:\s|$)/iu;

/** Read one @aufwand annotation against the tables in effect. */
export function parseAufwand(a: Annotation, data: CostData): ParsedAufwand {
  const findings: AufwandFinding[] = [];
  let hasError = false;
  const err = (f: AufwandFinding): void => {
    if (!f.severity || f.severity === 'error') hasError = true;
    findings.push(f);
  };
  const keyRange = (e: AnnotationEntry): { start: RelPos; end: RelPos } => ({ start: { line: e.line, character: e.keyStart }, end: { line: e.line, character: e.keyEnd } });
  const valueRange = (e: AnnotationEntry, from = 0, to = e.valueEnd - e.valueStart): { start: RelPos; end: RelPos } =>
    e.valueEnd > e.valueStart ? { start: { line: e.line, character: e.valueStart + from }, end: { line: e.line, character: e.valueStart + to } } : keyRange(e);
  const headRange = { start: { line: a.line, character: a.nameStart - 1 }, end: { line: a.line, character: a.nameEnd } };
  const label = a.label.trim();

  // --- keys: unknown, duplicate, empty ----------------------------------------------------------
  const byKey = new Map<AufwandKey, AnnotationEntry>();
  for (const e of a.entries) {
    let key = e.key as AufwandKey;
    if (!(AUFWAND_KEYS as readonly string[]).includes(e.key)) {
      const r = checkEnum(e.key, AUFWAND_KEYS);
      const near = 'fix' in r ? r.fix : 'suggestion' in r ? r.suggestion : undefined;
      err({
        message: near
          ? { key: 'aufwand.unknownKeyDidYouMean', args: { key: e.key, near, allowed: AUFWAND_KEYS.join(', ') } }
          : { key: 'aufwand.unknownKey', args: { key: e.key, allowed: AUFWAND_KEYS.join(', ') } },
        ...keyRange(e),
        fix: near ? [{ ...keyRange(e), newText: near }] : undefined,
      });
      if (!near || byKey.has(near as AufwandKey)) continue;
      // read the value under the key it surely means, so that its own problems show as well
      key = near as AufwandKey;
    }
    const first = byKey.get(key);
    if (first) {
      // no absolute line in the message: findings are cached with the block, which can move
      err({ message: { key: 'aufwand.duplicateKey', args: { key, first: first.value.trim() } }, ...keyRange(e) });
      continue;
    }
    byKey.set(key, e);
    if (!e.value.trim()) err({ message: { key: 'aufwand.emptyValue', args: { key } }, ...keyRange(e) });
  }
  const val = (k: AufwandKey): AnnotationEntry | undefined => {
    const e = byKey.get(k);
    return e && e.value.trim() ? e : undefined;
  };

  // --- enumerations -------------------------------------------------------------------------------
  const enumValue = <T extends string>(k: AufwandKey, near = true): T | undefined => {
    const e = val(k);
    if (!e) return undefined;
    const allowed = KEY_VALUES[k] as readonly string[];
    const value = e.value.trim();
    if (k === 'wirtschaftszweig' && /^[oO]$/.test(value)) {
      err({ message: { key: 'aufwand.zweigO' }, ...valueRange(e) });
      return undefined;
    }
    const r = checkEnum(value, allowed, ALIASES[k], near);
    if ('ok' in r) return r.ok as T;
    const msg: Message = { key: 'aufwand.invalidValue', args: { key: k, value, allowed: allowed.join(', ') } };
    const range = valueRange(e);
    if ('fix' in r) err({ message: msg, ...range, fix: [{ ...range, newText: r.fix }] });
    else if ('suggestion' in r) err({ message: msg, ...range, suggestions: [{ title: { key: 'aufwand.replaceValue', args: { value, near: r.suggestion } }, edits: [{ ...range, newText: r.suggestion }] }] });
    else err({ message: msg, ...range });
    return undefined;
  };

  const adressat = enumValue<Adressat>('adressat');
  if (!byKey.has('adressat')) err({ message: { key: 'aufwand.missingKey', args: { key: 'adressat', allowed: ADRESSATEN.join(', ') } }, ...headRange });
  const wirtschaftszweig = enumValue<Wirtschaftszweig>('wirtschaftszweig', false) ?? 'gesamt';
  const qualifikation = enumValue<Qualifikation>('qualifikation') ?? 'durchschnitt';
  const ebene = enumValue<Ebene>('ebene');
  const laufbahn = enumValue<Laufbahn>('laufbahn') ?? 'durchschnitt';
  const art = enumValue<Art>('art') ?? 'jaehrlich';
  const ip = enumValue<'ja' | 'nein'>('informationspflicht');
  const wege = enumValue<Wege>('wege');
  if (adressat === 'verwaltung' && !byKey.has('ebene')) err({ message: { key: 'aufwand.missingKey', args: { key: 'ebene', allowed: EBENEN.join(', ') } }, ...headRange });

  // keys that do nothing for this addressee
  if (adressat) {
    for (const [k, e] of byKey) {
      const only = KEY_ADRESSATEN[k];
      if (only && !only.includes(adressat)) {
        findings.push({
          message: { key: k === 'lohnsatz' ? 'aufwand.lohnsatzBuerger' : 'aufwand.notApplicable', args: { key: k, adressat, only: only.join(', ') } },
          ...keyRange(e),
          severity: 'warning',
        });
      }
    }
  }

  // --- numbers --------------------------------------------------------------------------------------
  const numberValue = (k: AufwandKey, restOk: (rest: string) => boolean): { value: number; rest: string } | undefined => {
    const e = val(k);
    if (!e) return undefined;
    const p = parseGermanNumber(e.value);
    if (!p || !restOk(p.rest)) {
      err({ message: { key: k === 'fallzahl' ? 'aufwand.number' : 'aufwand.euro', args: { key: k, value: e.value } }, ...valueRange(e) });
      return undefined;
    }
    return { value: p.value, rest: p.rest };
  };

  let fallzahl: number | undefined;
  const fz = numberValue('fallzahl', () => true);
  if (fz) {
    const e = val('fallzahl') as AnnotationEntry;
    if (fz.value < 0) err({ message: { key: 'aufwand.negativeFallzahl', args: { value: e.value } }, ...valueRange(e) });
    else fallzahl = fz.value;
    // the words after the number contradict `art`
    if (EINMALIG_WORDS.test(fz.rest) && art !== 'einmalig') {
      const last = a.entries[a.entries.length - 1];
      const indent = ' '.repeat(e.keyStart);
      findings.push({
        message: { key: 'aufwand.fallzahlEinmalig', args: { value: e.value } },
        ...valueRange(e),
        severity: 'warning',
        suggestions: byKey.has('art')
          ? undefined
          : [{ title: { key: 'aufwand.addArt' }, edits: [{ start: { line: last.line, character: last.valueEnd }, end: { line: last.line, character: last.valueEnd }, newText: `\n${indent}art: einmalig` }] }],
      });
    } else if (JAEHRLICH_WORDS.test(fz.rest) && art === 'einmalig') {
      findings.push({ message: { key: 'aufwand.fallzahlJaehrlich', args: { value: e.value } }, ...valueRange(e), severity: 'warning' });
    }
  }
  if (!byKey.has('fallzahl')) err({ message: { key: 'aufwand.missingKey', args: { key: 'fallzahl', allowed: '„4.800.000“, „4 800 000“, „1,2 Mio.“' } }, ...headRange });

  const lohn = numberValue('lohnsatz', (r) => EURO_REST_RE.test(r));
  if (lohn && lohn.value < 0) {
    err({ message: { key: 'aufwand.negative', args: { key: 'lohnsatz', value: (val('lohnsatz') as AnnotationEntry).value } }, ...valueRange(val('lohnsatz') as AnnotationEntry) });
  }
  const sach = numberValue('sachkosten', (r) => EURO_REST_RE.test(r));

  // --- zeit -----------------------------------------------------------------------------------------
  let zeitMinuten = 0;
  const zeitTeile: ZeitTeil[] = [];
  const ze = val('zeit');
  if (ze) {
    const items = splitItems(ze.value);
    for (const it of items) {
      const range = valueRange(ze, it.start, it.end);
      if (/^[-\u2212\d]/.test(it.text)) {
        // a duration: „30 min“, „400 h“, „1,5 h“
        const p = parseGermanNumber(it.text);
        const unit = p ? ZEIT_UNIT_RE.exec(p.rest) : null;
        if (!p || !unit) {
          err({ message: { key: p && !p.rest ? 'aufwand.zeitUnit' : 'aufwand.zeitFormat', args: { value: it.text } }, ...range });
          continue;
        }
        const hours = /^(h|Std|Stunde)/u.test(unit[1]);
        const minuten = hours ? p.value * 60 : p.value;
        zeitMinuten += minuten;
        zeitTeile.push({ kind: 'dauer', minuten, text: it.text });
        continue;
      }
      const words = it.text.split(/\s+/);
      if (!adressat) continue; // activities depend on the addressee: checked once it is known
      const table = data.taetigkeiten[adressat];
      let id = words[0];
      const idEnd = it.start + words[0].length;
      const komplexText = words[1] as string | undefined;
      if (words.length > 2) {
        // „formulare ausfuellen mittel“: the id written with blanks
        const joined = normaliseValue(words.slice(0, -1).join('-'));
        if (table.has(joined)) {
          const idRange = valueRange(ze, it.start, it.start + it.text.lastIndexOf(' '));
          err({ message: { key: 'aufwand.unknownActivityDidYouMean', args: { id: words.slice(0, -1).join(' '), adressat: ADRESSAT_NAME[adressat], near: joined, allowed: [...table.keys()].join(', ') } }, ...idRange, fix: [{ ...idRange, newText: joined }] });
        } else err({ message: { key: 'aufwand.zeitFormat', args: { value: it.text } }, ...range });
        continue;
      }
      const idRange = valueRange(ze, it.start, idEnd);
      let t = table.get(id);
      if (!t) {
        const r = checkEnum(id, [...table.keys()]);
        const allowed = [...table.keys()].join(', ');
        const other = ADRESSATEN.find((x) => x !== adressat && data.taetigkeiten[x].has(normaliseValue(id)));
        const containing = [...table.keys()].filter((k) => k.includes(normaliseValue(id)) || normaliseValue(id).includes(k));
        if ('fix' in r) {
          err({ message: { key: 'aufwand.unknownActivityDidYouMean', args: { id, adressat: ADRESSAT_NAME[adressat], near: r.fix, allowed } }, ...idRange, fix: [{ ...idRange, newText: r.fix }] });
          t = table.get(r.fix);
        } else {
          const near = 'suggestion' in r ? r.suggestion : containing.length === 1 ? containing[0] : undefined;
          const message: Message = other
            ? near
              ? { key: 'aufwand.activityOtherAddresseeDidYouMean', args: { id, adressat: ADRESSAT_NAME[adressat], other: ADRESSAT_NAME[other], near, allowed } }
              : { key: 'aufwand.activityOtherAddressee', args: { id, adressat: ADRESSAT_NAME[adressat], other: ADRESSAT_NAME[other], allowed } }
            : near
              ? { key: 'aufwand.unknownActivityDidYouMean', args: { id, adressat: ADRESSAT_NAME[adressat], near, allowed } }
              : { key: 'aufwand.unknownActivity', args: { id, adressat: ADRESSAT_NAME[adressat], allowed } };
          err({
            message,
            ...idRange,
            suggestions: near ? [{ title: { key: 'aufwand.replaceValue', args: { value: id, near } }, edits: [{ ...idRange, newText: near }] }] : undefined,
          });
          continue;
        }
      }
      if (!t) continue;
      id = t.id;
      if (komplexText === undefined) {
        err({ message: { key: 'aufwand.missingComplexity', args: { id } }, ...idRange });
        continue;
      }
      const kStart = it.start + it.text.lastIndexOf(komplexText);
      const kRange = valueRange(ze, kStart, kStart + komplexText.length);
      const kr = checkEnum(komplexText, KOMPLEXITAETEN, { leicht: 'einfach', schwer: 'komplex', hoch: 'komplex', aufwendig: 'komplex', mittelschwer: 'mittel' });
      let komplex: Komplexitaet | undefined;
      if ('ok' in kr) komplex = kr.ok as Komplexitaet;
      else {
        const msg: Message = { key: 'aufwand.invalidComplexity', args: { id, value: komplexText } };
        if ('fix' in kr) err({ message: msg, ...kRange, fix: [{ ...kRange, newText: kr.fix }] });
        else if ('suggestion' in kr) err({ message: msg, ...kRange, suggestions: [{ title: { key: 'aufwand.replaceValue', args: { value: komplexText, near: kr.suggestion } }, edits: [{ ...kRange, newText: kr.suggestion }] }] });
        else err({ message: msg, ...kRange });
        continue;
      }
      const minuten = t[komplex];
      if (minuten === null) {
        err({ message: { key: 'aufwand.noValue', args: { id, komplexitaet: komplex, adressat: ADRESSAT_NAME[adressat] } }, ...kRange });
        continue;
      }
      zeitMinuten += minuten;
      zeitTeile.push({ kind: 'taetigkeit', taetigkeit: t, komplexitaet: komplex, minuten, text: it.text });
    }
  }
  if (!byKey.has('zeit') && !byKey.has('sachkosten')) err({ message: { key: 'aufwand.missingZeit' }, ...headRange });
  if (!label) findings.push({ message: { key: 'aufwand.missingLabel' }, ...headRange, severity: 'warning' });

  if (hasError || !adressat || fallzahl === undefined || (adressat === 'verwaltung' && !ebene)) return { spec: undefined, findings };
  return {
    spec: {
      bezeichnung: label || a.unit.address || a.unit.label,
      adressat,
      art,
      fallzahl,
      zeitMinuten,
      zeitTeile,
      wirtschaftszweig,
      qualifikation,
      ebene,
      laufbahn,
      lohnsatz: lohn?.value,
      sachkosten: sach?.value ?? 0,
      informationspflicht: ip === 'ja',
      wege,
    },
    findings,
  };
}

/** The comma-separated items of a `zeit` value with their offsets (a decimal comma „1,5 h“ does not split). */
export function splitItems(value: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  const push = (to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(value[s])) s++;
    while (e > s && /\s/.test(value[e - 1])) e--;
    if (e > s) out.push({ text: value.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < value.length; i++) {
    if (value[i] === ',' && !/\d/.test(value[i + 1] ?? '')) {
      push(i);
      from = i + 1;
    }
  }
  push(value.length);
  return out;
}
