/**
 * What the LegalDocML.de export writes for the Änderungsbefehle of an
 * amending law, as pure functions: the LegalDocML.de change type of a
 * command (`refersTo` of `akn:mod`, `type` of `akn:textualMod`), where the
 * change lands in the amended law (ELI of the law from its citation, eId of
 * the unit from the command's path, `pos`, `upTo`), the path and the
 * quotations in the command sentence.
 *
 * The values are those of the official LegalDocML.de 1.8.2 schema
 * (`refersToLiterals.aenderungsbefehl`, `typeLiterals.textaenderung`) as the
 * sample amending law (Lobbyregistergesetz 2024) uses them:
 * einfügen, anfügen, voranstellen → `aenderungsbefehl-einfuegen`/insertion;
 * ersetzen → `aenderungsbefehl-ersetzen`/substitution; neu fassen →
 * `aenderungsbefehl-neufassung`/substitution; aufheben, streichen →
 * `aenderungsbefehl-streichen`/repeal; umnummerieren →
 * `aenderungsbefehl-umnummerierung`/renumbering.
 */
import type { Level, Verb } from '../amend/apply';
import type { DocumentModel } from '../model/document-model';
import type { Unit } from '../model/types';
import { findAngabe } from '../amend/toc';

export type ModRefersTo = 'aenderungsbefehl-einfuegen' | 'aenderungsbefehl-ersetzen' | 'aenderungsbefehl-neufassung' | 'aenderungsbefehl-streichen' | 'aenderungsbefehl-umnummerierung';
export type TextualModType = 'insertion' | 'substitution' | 'repeal' | 'renumbering';

const CHANGE: Record<Verb, { refersTo: ModRefersTo; type: TextualModType }> = {
  einfuegen: { refersTo: 'aenderungsbefehl-einfuegen', type: 'insertion' },
  anfuegen: { refersTo: 'aenderungsbefehl-einfuegen', type: 'insertion' },
  voranstellen: { refersTo: 'aenderungsbefehl-einfuegen', type: 'insertion' },
  ersetzen: { refersTo: 'aenderungsbefehl-ersetzen', type: 'substitution' },
  neufassen: { refersTo: 'aenderungsbefehl-neufassung', type: 'substitution' },
  streichen: { refersTo: 'aenderungsbefehl-streichen', type: 'repeal' },
  aufheben: { refersTo: 'aenderungsbefehl-streichen', type: 'repeal' },
  umnummerieren: { refersTo: 'aenderungsbefehl-umnummerierung', type: 'renumbering' },
};

/** The LegalDocML.de change type of a command. */
export function changeType(verb: Verb): { refersTo: ModRefersTo; type: TextualModType } {
  return CHANGE[verb];
}

const MONTHS = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];

/**
 * The ELI of the amended law's Regelungstext (expression level, as the
 * sample writes its targets) from its citation in the Eingangssatz:
 * „… vom 16. April 2021 (BGBl. I S. 818)“ →
 * `eli/bund/bgbl-1/2021/s818/2021-04-16/1/deu/regelungstext-verkuendung-1`;
 * „… vom 15. Januar 2024 (BGBl. 2024 I Nr. 10)“ → `eli/bund/bgbl-1/2024/10/…`.
 * Undefined when the text cites no Bundesgesetzblatt I.
 */
export function eliFromCitation(text: string): string | undefined {
  const m = /\bvom\s+(\d{1,2})\.\s+(\p{L}+)\s+(\d{4})\s*\(BGBl\.\s*(?:(\d{4})\s+)?I\s+(?:S\.\s*(\d+)|Nr\.\s*(\d+))/u.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (!month) return undefined;
  const year = m[4] ?? m[3];
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const number = m[5] !== undefined ? `s${m[5]}` : m[6];
  return `eli/bund/bgbl-1/${year}/${number}/${date}/1/deu/regelungstext-verkuendung-1`;
}

/** A number as the `z` part of an eId allows it (lower case; other characters as `~`). */
function z(v: string): string {
  return v.toLowerCase().replace(/[^0-9a-zäöüß~%]/g, '~');
}

const ITEM_LEVELS = new Set(['nummer', 'buchstabe', 'doppelbuchstabe', 'dreifachbuchstabe']);
const TEXT_LEVELS = new Set(['satz', 'halbsatz', 'teil']);

/** The levels of a path that name units (Sätze, Halbsätze, Teilsätze are text of the unit above them). */
export function unitLevels(path: Level[]): Level[] {
  const out: Level[] = [];
  for (const l of path) {
    if (TEXT_LEVELS.has(l.kind)) break;
    out.push(l);
  }
  return out;
}

/**
 * The eId of a unit of the amended law, in the form Norma's export writes
 * eIds (§ and Artikel `art-z3a`, Absatz `abs-z2`, Anlage `anlage-z1`, the
 * heading `überschrift-n1`), for one value of each level. A unit found in
 * the amended law's model (when it is in the workspace) gives its own eId;
 * list items not found there get their number as written
 * (`inhalt-n1_liste-n1_listenelem-z3`).
 */
export function pathEId(levels: Level[], values: string[], target: DocumentModel | undefined, mapEId: (u: Unit) => string): string {
  let unit: Unit | undefined;
  let eId = '';
  levels.forEach((l, i) => {
    const v = values[i] ?? l.values[0] ?? '';
    let found: Unit | undefined;
    if (target && (unit || i === 0)) {
      if (i === 0 && (l.kind === 'paragraph' || l.kind === 'artikel')) found = target.norms.find((n) => n.kind === (l.kind === 'artikel' ? 'artikel' : 'paragraph') && n.num === v);
      else if (i === 0 && l.kind === 'anlage') found = target.anlagen.find((a) => a.num === v);
      else if (unit && l.kind !== 'ueberschrift') {
        const within = (u: Unit): Unit | undefined => {
          for (const c of u.children) {
            if (c.kind === l.kind && c.num === v) return c;
            // the text of a § without Absätze is an implicit Absatz
            if (c.implicit && c.kind === 'absatz' && l.kind !== 'absatz') {
              const d = within(c);
              if (d) return d;
            }
          }
          return undefined;
        };
        found = within(unit);
      }
    }
    if (found) {
      unit = found;
      eId = mapEId(found);
      return;
    }
    unit = undefined;
    const part =
      l.kind === 'paragraph' || l.kind === 'artikel'
        ? `art-z${z(v)}`
        : l.kind === 'anlage'
          ? `anlage-z${z(v)}`
          : l.kind === 'absatz'
            ? `abs-z${z(v)}`
            : l.kind === 'ueberschrift'
              ? 'überschrift-n1'
              : ITEM_LEVELS.has(l.kind)
                ? `${eId && !/listenelem-[nz][^_]*$/.test(eId) ? 'inhalt-n1_' : ''}liste-n1_listenelem-z${z(v)}`
                : `${l.kind}-z${z(v)}`;
    eId = eId ? `${eId}_${part}` : part;
  });
  return eId;
}

/** Where a command lands: the destinations (one per unit of a list, one with `upTo` for a range) and `pos`. */
export interface Destination {
  eId: string;
  upTo?: string;
}

export function destinations(path: Level[], target: DocumentModel | undefined, mapEId: (u: Unit) => string): Destination[] {
  if (path[0]?.kind === 'inhaltsuebersicht') return tocDestinations(path[1], target);
  const levels = unitLevels(path);
  if (!levels.length) return [];
  const last = levels[levels.length - 1];
  const head = levels.slice(0, -1).map((l) => l.values[0] ?? '');
  const at = (v: string): string => pathEId(levels, [...head, v], target, mapEId);
  if (last.range && last.values.length === 2) return [{ eId: at(last.values[0]), upTo: at(last.values[1]) }];
  if (last.values.length > 1) return last.values.map((v) => ({ eId: at(v) }));
  return [{ eId: at(last.values[0] ?? '') }];
}

/** The eId of the Inhaltsübersicht as Norma's export writes it (`akn:blockContainer` in the `akn:preamble`, as in the Mantelgesetz sample). */
export const TOC_EID = 'präambel-n1_blockcontainer-n1';

/**
 * Where a command on the Inhaltsübersicht lands: its entries (`akn:tocItem`
 * `…_inhuebs-n1_eintrag-n5`, counted in the amended law's Inhaltsübersicht
 * when it is in the workspace), else the `akn:toc`; the Inhaltsübersicht
 * itself for a command on the whole of it.
 */
function tocDestinations(angabe: Level | undefined, target: DocumentModel | undefined): Destination[] {
  if (!angabe || angabe.kind !== 'angabe') return [{ eId: TOC_EID }];
  const toc = target?.inhaltsuebersicht?.toc;
  const found = toc ? findAngabe(toc.map((e) => ({ level: 0, text: e.text })), angabe) : undefined;
  if (!found || !Array.isArray(found) || !found.length) return [{ eId: `${TOC_EID}_inhuebs-n1` }];
  const entry = (i: number): string => `${TOC_EID}_inhuebs-n1_eintrag-n${i + 1}`;
  if (angabe.range && found.length > 1) return [{ eId: entry(found[0]), upTo: entry(found[found.length - 1]) }];
  return found.map((i) => ({ eId: entry(i) }));
}

/** The quotations „…“ of a text (outermost, balanced), as offsets of their content (without the marks). */
export function quotations(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '„') {
      if (depth++ === 0) open = i;
    } else if (c === '“' && depth > 0 && --depth === 0) out.push({ start: open + 1, end: i });
  }
  return out;
}

const LEVEL_WORD = String.raw`(?:§§?|Artikel|Anlage|Absatz|Absätze[n]?|Satz|Sätze[n]?|Halbsatz|Nummer[n]?|Buchstabe[n]?|Doppelbuchstabe[n]?|Dreifachbuchstabe[n]?)`;
const LEVEL_NUM = String.raw`\d+[a-z]{0,2}|[a-z]{1,3}(?![\p{L}])`;
const ONE_LEVEL = String.raw`${LEVEL_WORD}\s*(?:${LEVEL_NUM})(?:\s*(?:,|und|bis)\s*(?:${LEVEL_NUM}))*`;
const PATH_RE = new RegExp(String.raw`(?<![\p{L}])${ONE_LEVEL}(?:\s+${ONE_LEVEL})*|(?<![\p{L}])(?:Überschrift|(?:Satzteil|Teilsatz)\s+(?:vor|nach)\s+${ONE_LEVEL})`, 'gu');

/**
 * The path of the changed unit in a command sentence („§ 19 Absatz 1 Satz 2“,
 * „Nummer 4“), outside its quotations; not the new units („folgende
 * Nummer 5“, „die folgenden Absätze 2 und 3“). Undefined when the sentence
 * names no target of its own (the path comes from the command above it).
 */
export function pathSpan(sentence: string): { start: number; end: number } | undefined {
  // quotations blanked out, so that a path inside them is not taken
  let masked = sentence;
  for (const q of quotations(sentence)) masked = masked.slice(0, q.start) + ' '.repeat(q.end - q.start) + masked.slice(q.end);
  PATH_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATH_RE.exec(masked))) {
    const before = masked.slice(0, m.index);
    if (/folgende[nrs]?\s+$/iu.test(before)) continue;
    return { start: m.index, end: m.index + m[0].trimEnd().length };
  }
  return undefined;
}
