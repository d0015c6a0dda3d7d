/**
 * The grammar of Änderungsbefehle (ohm-js), applied to one command sentence
 * at a time — the text of a list item or Absatz of an amending Artikel up to
 * its colon or final period, with its „…“ quotes — never to the document.
 *
 * It knows the standard verbs of the Handbuch der Rechtsförmlichkeit (HdR3
 * Rn. 552–628, HdR4 Teil D 2.2): ersetzen, einfügen, anfügen, voranstellen,
 * streichen, aufheben, neu fassen („wird wie folgt gefasst“), the
 * renumbering („Die bisherigen Absätze 3 und 4 werden die Absätze 4 und 5.“)
 * and the container form („§ 3 wird wie folgt geändert:“) whose sub-commands
 * inherit its path — on §§, Artikel and their parts and on Gliederung units
 * („Abschnitt 3 wird aufgehoben.“, „Die Überschrift des Abschnitts 2 wird
 * wie folgt gefasst:“).
 *
 * The result is a plain syntax tree ({@link CommandAst}) with the positions
 * of the quoted words in the sentence; commands.ts turns it into changes.
 */
import * as ohm from 'ohm-js';
import { ordinalValue } from '../util/ordinal';

/** Buchstabe values: a … z, aa … zz, aaa … zzz (the longest first). */
const LETTER_VALUES = [3, 2, 1]
  .flatMap((n) => Array.from({ length: 26 }, (_, i) => `"${String.fromCharCode(97 + i).repeat(n)}"`))
  .join(' | ');

/** An ordinal in the skeleton: this mark, then „1“ (its number is kept by position, as for digits). */
const ORD = '\uE000';

const SOURCE = String.raw`
Aenderungsbefehl {
  Befehl       = Uebersicht ende?                                    -- uebersicht
               | Einheit ende?                                       -- einheit
               | Woerter ende?                                       -- woerter

  ende         = ":" | "."

  // --- whole units ---------------------------------------------------------------------------
  Einheit      = Pfad verb kWie kFolgt kGeaendert                    -- geaendert
               | Pfad verb kWie kFolgt kGefasst                      -- gefasst
               | Pfad verb kDurch det? kFolgend Neu kErsetzt         -- ersetzt
               | anker Pfad verb det? kFolgend Neu kEingefuegt      -- eingefuegt
               | Pfad verb det? kFolgend Neu anfuegen                -- angefuegt
               | det? kFolgend Neu verb anfuegen                     -- folgend
               | Pfad verb kAufgehoben                               -- aufgehoben
               | Pfad verb kGestrichen                               -- gestrichen
               | Pfad verb det? Pfad kUnd verb kWie kFolgt kGeaendert -- umnummeriert_geaendert
               | Pfad verb det? Pfad                                 -- umnummeriert
               | Ort verb anker Pfad det? kFolgend Neu kEingefuegt  -- in_eingefuegt
               | Ort verb Pfad kWie kFolgt kGeaendert               -- in_geaendert
               | Ort verb Pfad kWie kFolgt kGefasst                 -- in_gefasst
               | Ort verb Pfad kDurch det? kFolgend Neu kErsetzt    -- in_ersetzt
               | Ort verb det? kFolgend Neu anfuegen                -- in_angefuegt
               | Ort verb Pfad kAufgehoben                          -- in_aufgehoben
               | Ort verb Pfad kGestrichen                          -- in_gestrichen
               | Ort verb det? Pfad det? Pfad                       -- in_umnummeriert
  anfuegen     = kAngefuegt | kVorangestellt

  // --- words -----------------------------------------------------------------------------------
  Woerter      = Orte? verb Aenderungen                              -- in
               | anker Wortlaut verb Wortlaut kEingefuegt            -- vor
               | Ort? Wortlaut verb kJeweils? kDurch Wortlaut kErsetzt   -- subjekt_ersetzen
               | Ort? Wortlaut verb kGestrichen                      -- subjekt_streichen
  Ort          = InDet Pfad
  InDet        = kIm                                                 -- im
               | kIn det?                                            -- in
  Orte         = Ort WeiterOrt*
  WeiterOrt    = ("," | kUnd) (kIm | kIn)? det? Pfad
  Aenderungen  = Aenderung (kUnd verb? Aenderung)*
  Aenderung    = kJeweils? Wortlaut Stelle? kJeweils? kDurch Wortlaut kErsetzt?     -- ersetzen
               | kJeweils? anker Wortlaut Wortlaut kEingefuegt?                     -- einfuegen
               | kJeweils? Wortlaut Stelle? kGestrichen?                            -- streichen
               | kAmEnde Wortlaut kAngefuegt?                                       -- anfuegen
  Wortlaut     = Obj quote                                           -- quote
               | det? zeichen                                        -- zeichen
  zeichen      = ("Semikolon" | "Doppelpunkt" | "Komma" | "Punkt") ~letter
  Stelle       = kAmEnde                                             -- ende
               | kJeweils                                            -- jeweils
  Obj          = det? objWort?
  objWort      = ("Wörtern" | "Wörter" | "Worte" | "Wort" | "Angaben" | "Angabe" | "Zeichen" | "Zahl") ~letter

  // --- the Inhaltsübersicht and its Angaben („Die Angabe zu § 5 wird …“) ---------------------
  Uebersicht   = IU verb kWie kFolgt kGeaendert                      -- geaendert
               | IU verb kWie kFolgt kGefasst                        -- gefasst
               | IU verb (kAufgehoben | kGestrichen)                 -- aufgehoben
               | IU verb det? kFolgend angabeWort anfuegen           -- angefuegt
               | det? kFolgend angabeWort verb anfuegen              -- folgend
               | Angabe verb kWie kFolgt kGeaendert                  -- a_geaendert
               | Angabe verb kWie kFolgt kGefasst                    -- a_gefasst
               | Angabe verb kDurch det? kFolgend angabeWort kErsetzt -- a_ersetzt
               | Angabe verb kDurch Wortlaut kErsetzt                -- a_durch
               | anker Angabe verb det? kFolgend angabeWort kEingefuegt -- a_eingefuegt
               | Angabe verb (kAufgehoben | kGestrichen)             -- a_aufgehoben
               | kIn Angabe verb Aenderungen                         -- a_woerter
               | IUOrt verb Angabe kWie kFolgt kGefasst              -- in_gefasst
               | IUOrt verb Angabe kDurch det? kFolgend angabeWort kErsetzt -- in_ersetzt
               | IUOrt verb Angabe kDurch Wortlaut kErsetzt          -- in_durch
               | IUOrt verb anker Angabe det? kFolgend angabeWort kEingefuegt -- in_eingefuegt
               | IUOrt verb Angabe (kAufgehoben | kGestrichen)       -- in_aufgehoben
               | IUOrt verb det? kFolgend angabeWort anfuegen        -- in_angefuegt
               | IUOrt verb kIn Angabe Aenderungen                   -- in_a_woerter
               | IUOrt verb Aenderungen                              -- in_woerter
  IU           = det? kInhaltsuebersicht
  IUOrt        = kIn det? kInhaltsuebersicht
  Angabe       = det? angabeWort kZu det? Ebene+
  angabeWort   = ("Angaben" | "Angabe") ~letter
  kZu          = ("zum" | "zur" | "zu") ~letter
  kInhaltsuebersicht = "Inhaltsübersicht" ~letter

  // --- paths -----------------------------------------------------------------------------------
  Pfad         = det? kUeberschrift (det | kVon) Kette                -- ueberschrift
               | det? kBisherig? Kette                               -- ebenen
  // „Abschnitt 3 des Buches 2“, „des Dritten Titels des Zweiten Abschnitts“: the units above follow in the genitive
  Kette        = Ebene+ Genitiv*
  Genitiv      = kDes GEbene+
  Ebene        = teil anker Ebene                                    -- teil
               | kUeberschrift                                       -- ueberschrift
               | einheitWort Wert                                    -- einheit
               | GEbene
  GEbene       = gliederungWort Wert                                 -- zahl
               | OrdWert gliederungWort                              -- ordinal
  Neu          = (einheitWort | gliederungWort) Wert?                 -- einheit
               | OrdWert gliederungWort                              -- ordinal
               | kUeberschrift                                       -- ueberschrift
  Wert         = nr kBis nr                                          -- bis
               | nr ("," nr)* kUnd nr                                -- liste
               | nr                                                  -- einzeln
  // an ordinal („Dritten“) stands in the skeleton as a mark and a number (see skeleton())
  OrdWert      = ordnr kBis ordnr                                    -- bis
               | ordnr ("," ordnr)* kUnd ordnr                       -- liste
               | ordnr                                               -- einzeln
  ordnr        = "${ORD}" digit+
  nr           = digit+ lower*                                       -- zahl
               | buchstaben ~letter                                   -- buchstabe
  buchstaben   = ${LETTER_VALUES}

  // --- words of the language --------------------------------------------------------------------
  einheitWort  = ( "§§" | "§" | "Artikeln" | "Artikel" | "Absätzen" | "Absätze" | "Absatzes" | "Absatz"
                 | "Sätzen" | "Sätze" | "Satzes" | "Satz" | "Nummern" | "Nummer"
                 | "Dreifachbuchstaben" | "Dreifachbuchstabe" | "Doppelbuchstaben" | "Doppelbuchstabe"
                 | "Buchstaben" | "Buchstabe" | "Halbsatz" | "Anlagen" | "Anlage" ) ~letter
  gliederungWort = ( "Büchern" | "Bücher" | "Buches" | "Buchs" | "Buch"
                 | "Teiles" | "Teilen" | "Teile" | "Teils" | "Teil"
                 | "Unterkapiteln" | "Unterkapitels" | "Unterkapitel" | "Kapiteln" | "Kapitels" | "Kapitel"
                 | "Unterabschnittes" | "Unterabschnitten" | "Unterabschnitte" | "Unterabschnitts" | "Unterabschnitt"
                 | "Abschnittes" | "Abschnitten" | "Abschnitte" | "Abschnitts" | "Abschnitt"
                 | "Untertiteln" | "Untertitels" | "Untertitel" | "Titeln" | "Titels" | "Titel" ) ~letter
  teil         = ("Teilsatzes" | "Teilsatz" | "Satzteils" | "Satzteil") ~letter
  anker        = (("nach" | "Nach") | ("vor" | "Vor")) ~letter
  det          = ( ("der" | "Der") | ("die" | "Die") | ("das" | "Das")
                 | ("dem" | "Dem") | ("den" | "Den") | ("des" | "Des")
                 | ("einer" | "Einer") | ("einem" | "Einem") | ("einen" | "Einen")
                 | ("eine" | "Eine") | ("ein" | "Ein") ) ~letter
  verb         = ("wird" | "werden") ~letter
  kWie         = "wie" ~letter
  kFolgt       = "folgt" ~letter
  kGeaendert   = "geändert" ~letter
  kGefasst     = "gefasst" ~letter
  kDurch       = "durch" ~letter
  kFolgend     = (("folgenden" | "Folgenden") | ("folgender" | "Folgender") | ("folgendes" | "Folgendes") | ("folgende" | "Folgende")) ~letter
  kErsetzt     = "ersetzt" ~letter
  kEingefuegt  = "eingefügt" ~letter
  kAngefuegt   = "angefügt" ~letter
  kVorangestellt = "vorangestellt" ~letter
  kAufgehoben  = "aufgehoben" ~letter
  kGestrichen  = "gestrichen" ~letter
  kIn          = ("in" | "In") ~letter
  kIm          = ("im" | "Im") ~letter
  kDes         = "des" ~letter
  kVon         = "von" ~letter
  kUnd         = "und" ~letter
  kBis         = "bis" ~letter
  kJeweils     = "jeweils" ~letter
  kAmEnde      = "am" " "+ "Ende" ~letter
  kBisherig    = (("bisherigen" | "Bisherigen") | ("bisherige" | "Bisherige")) ~letter
  kUeberschrift = "Überschrift" ~letter

  quote        = "„" qchar* "“"
  qchar        = quote                                               -- nested
               | ~"“" ~"„" any                                       -- char
}`;

export function amendGrammarSource(): string {
  return SOURCE;
}

/** The kinds of a path level. */
export type AstLevelKind =
  | 'paragraph'
  | 'artikel'
  | 'anlage'
  | 'absatz'
  | 'satz'
  | 'halbsatz'
  | 'nummer'
  | 'buchstabe'
  | 'doppelbuchstabe'
  | 'dreifachbuchstabe'
  | 'ueberschrift'
  | 'teil'
  | 'gliederung'
  /** The Inhaltsübersicht of the law (a path's first level). */
  | 'inhaltsuebersicht'
  /** An Angabe of the Inhaltsübersicht: the entry for the unit in `of` (inside the Gliederung units `within`). */
  | 'angabe';

export interface AstLevel {
  kind: AstLevelKind;
  /** Numbers as written: one, a range (from, to) or a list. */
  values: string[];
  range: boolean;
  /** Teilsatz: „vor“ or „nach“ the unit in `of`. */
  side?: 'vor' | 'nach';
  of?: AstLevel;
  /** Gliederung units: the unit word in the nominative singular („Abschnitt“, „Teil“). */
  word?: GliederungWord;
  /** Angabe: the Gliederung units above the unit in `of` („Die Angabe zu Teil 2 Kapitel 1“). */
  within?: AstLevel[];
}

export type GliederungWord = 'Buch' | 'Teil' | 'Kapitel' | 'Unterkapitel' | 'Abschnitt' | 'Unterabschnitt' | 'Titel' | 'Untertitel';

/** The forms of the Gliederung words the grammar reads, by their nominative singular. */
const GLIEDERUNG_FORM: Record<string, GliederungWord> = {};
for (const [word, forms] of Object.entries({
  Buch: ['Buch', 'Buchs', 'Buches', 'Bücher', 'Büchern'],
  Teil: ['Teil', 'Teils', 'Teiles', 'Teile', 'Teilen'],
  Kapitel: ['Kapitel', 'Kapitels', 'Kapiteln'],
  Unterkapitel: ['Unterkapitel', 'Unterkapitels', 'Unterkapiteln'],
  Abschnitt: ['Abschnitt', 'Abschnitts', 'Abschnittes', 'Abschnitte', 'Abschnitten'],
  Unterabschnitt: ['Unterabschnitt', 'Unterabschnitts', 'Unterabschnittes', 'Unterabschnitte', 'Unterabschnitten'],
  Titel: ['Titel', 'Titels', 'Titeln'],
  Untertitel: ['Untertitel', 'Untertitels', 'Untertiteln'],
}))
  for (const f of forms) GLIEDERUNG_FORM[f] = word as GliederungWord;

/** Every form of the Gliederung words the grammar reads („Abschnitt“, „Abschnitts“, „Bücher“ …). */
export const GLIEDERUNG_FORMS: readonly string[] = Object.keys(GLIEDERUNG_FORM);

/** The Gliederung word of one of its forms („Abschnitts“ → „Abschnitt“). */
export function gliederungWordOf(form: string): GliederungWord | undefined {
  return GLIEDERUNG_FORM[form];
}

export interface AstQuote {
  text: string;
  /** Offsets of the quoted text (without the marks) in the sentence. */
  start: number;
  end: number;
  /** A punctuation mark named by its word („das Komma“, „einen Punkt“): start and end are the word's. */
  zeichen?: boolean;
}

export interface AstWordChange {
  op: 'ersetzen' | 'einfuegen' | 'streichen' | 'anfuegen';
  old?: AstQuote;
  anchor?: AstQuote;
  side?: 'vor' | 'nach';
  neu?: AstQuote;
  atEnd: boolean;
  all: boolean;
}

export type CommandAst =
  | { type: 'geaendert'; path: AstLevel[] }
  | { type: 'gefasst'; path: AstLevel[] }
  | { type: 'ersetzt'; path: AstLevel[]; neu: AstLevel; /** „durch die Angabe „…“ ersetzt“: the new wording in the sentence. */ neuText?: AstQuote }
  | { type: 'eingefuegt'; side: 'vor' | 'nach'; path: AstLevel[]; neu: AstLevel }
  | { type: 'angefuegt' | 'vorangestellt'; path: AstLevel[]; neu: AstLevel }
  | { type: 'aufgehoben' | 'gestrichen'; path: AstLevel[] }
  | { type: 'umnummeriert'; path: AstLevel[]; to: AstLevel[]; geaendert?: boolean }
  | { type: 'woerter'; path: AstLevel[]; changes: AstWordChange[]; more?: AstLevel[][] };

const UNIT_KIND: Record<string, AstLevelKind> = {
  '§': 'paragraph',
  '§§': 'paragraph',
  Artikel: 'artikel',
  Artikeln: 'artikel',
  Absatz: 'absatz',
  Absatzes: 'absatz',
  Absätze: 'absatz',
  Absätzen: 'absatz',
  Satz: 'satz',
  Satzes: 'satz',
  Sätze: 'satz',
  Sätzen: 'satz',
  Nummer: 'nummer',
  Nummern: 'nummer',
  Buchstabe: 'buchstabe',
  Buchstaben: 'buchstabe',
  Doppelbuchstabe: 'doppelbuchstabe',
  Doppelbuchstaben: 'doppelbuchstabe',
  Dreifachbuchstabe: 'dreifachbuchstabe',
  Dreifachbuchstaben: 'dreifachbuchstabe',
  Halbsatz: 'halbsatz',
  Anlage: 'anlage',
  Anlagen: 'anlage',
};

/** A number of the skeleton: its position, resolved to the number as written by {@link materialize}. */
const NUM = '\u0000';
function val(n: ohm.Node): string {
  const t = n.sourceString;
  if (t.startsWith(ORD)) return `${NUM}${n.source.startIdx + ORD.length}`;
  return /^\d/.test(t) ? `${NUM}${n.source.startIdx}` : t;
}

// --- the Inhaltsübersicht -----------------------------------------------------------------------

const IU_LEVEL: AstLevel = { kind: 'inhaltsuebersicht', values: [], range: false };
/** The new Angabe(n) of an insertion or replacement (its unit follows from the quotation). */
const NEU_ANGABE: AstLevel = { kind: 'angabe', values: [], range: false };
const side = (anker: ohm.Node): 'vor' | 'nach' => (anker.sourceString.toLowerCase() === 'vor' ? 'vor' : 'nach');
const anfuegenType = (verb: ohm.Node): 'angefuegt' | 'vorangestellt' => (verb.sourceString === 'vorangestellt' ? 'vorangestellt' : 'angefuegt');
const iu = (a?: ohm.Node): AstLevel[] => (a ? [{ ...IU_LEVEL }, a.ast() as AstLevel] : [{ ...IU_LEVEL }]);

/** The semantic actions of the rules on the Inhaltsübersicht (kept together: the rest of the grammar does not use them). */
const UEBERSICHT_ACTIONS: ohm.ActionDict<unknown> = {
  Uebersicht_geaendert: (_iu, _v, _w, _f, _g) => ({ type: 'geaendert', path: iu() }),
  Uebersicht_gefasst: (_iu, _v, _w, _f, _g) => ({ type: 'gefasst', path: iu() }),
  Uebersicht_aufgehoben: (_iu, _v, a) => ({ type: a.sourceString === 'gestrichen' ? 'gestrichen' : 'aufgehoben', path: iu() }),
  Uebersicht_angefuegt: (_iu, _v, _det, _f, _a, verb) => ({ type: anfuegenType(verb), path: iu(), neu: { ...NEU_ANGABE } }),
  Uebersicht_folgend: (_det, _f, _a, _v, verb) => ({ type: anfuegenType(verb), path: iu(), neu: { ...NEU_ANGABE } }),
  Uebersicht_a_geaendert: (a, _v, _w, _f, _g) => ({ type: 'geaendert', path: iu(a) }),
  Uebersicht_a_gefasst: (a, _v, _w, _f, _g) => ({ type: 'gefasst', path: iu(a) }),
  Uebersicht_a_ersetzt: (a, _v, _d, _det, _f, _a, _e) => ({ type: 'ersetzt', path: iu(a), neu: { ...NEU_ANGABE } }),
  Uebersicht_a_durch: (a, _v, _d, w, _e) => ({ type: 'ersetzt', path: iu(a), neu: { ...NEU_ANGABE }, neuText: w.ast() }),
  Uebersicht_a_eingefuegt: (anker, a, _v, _det, _f, _a, _e) => ({ type: 'eingefuegt', side: side(anker), path: iu(a), neu: { ...NEU_ANGABE } }),
  Uebersicht_a_aufgehoben: (a, _v, x) => ({ type: x.sourceString === 'gestrichen' ? 'gestrichen' : 'aufgehoben', path: iu(a) }),
  Uebersicht_a_woerter: (_in, a, _v, changes) => ({ type: 'woerter', path: iu(a), changes: changes.ast() }),
  Uebersicht_in_gefasst: (_o, _v, a, _w, _f, _g) => ({ type: 'gefasst', path: iu(a) }),
  Uebersicht_in_ersetzt: (_o, _v, a, _d, _det, _f, _a, _e) => ({ type: 'ersetzt', path: iu(a), neu: { ...NEU_ANGABE } }),
  Uebersicht_in_durch: (_o, _v, a, _d, w, _e) => ({ type: 'ersetzt', path: iu(a), neu: { ...NEU_ANGABE }, neuText: w.ast() }),
  Uebersicht_in_eingefuegt: (_o, _v, anker, a, _det, _f, _a, _e) => ({ type: 'eingefuegt', side: side(anker), path: iu(a), neu: { ...NEU_ANGABE } }),
  Uebersicht_in_aufgehoben: (_o, _v, a, x) => ({ type: x.sourceString === 'gestrichen' ? 'gestrichen' : 'aufgehoben', path: iu(a) }),
  Uebersicht_in_angefuegt: (_o, _v, _det, _f, _a, verb) => ({ type: anfuegenType(verb), path: iu(), neu: { ...NEU_ANGABE } }),
  Uebersicht_in_a_woerter: (_o, _v, _in, a, changes) => ({ type: 'woerter', path: iu(a), changes: changes.ast() }),
  Uebersicht_in_woerter: (_o, _v, changes) => ({ type: 'woerter', path: iu(), changes: changes.ast() }),
  Angabe(_det, _w, _zu, _det2, levels) {
    const ls = levels.children.map((c) => c.ast() as AstLevel);
    const last = ls[ls.length - 1];
    const out: AstLevel = { kind: 'angabe', values: last.values, range: last.range, of: last };
    if (ls.length > 1) out.within = ls.slice(0, -1);
    return out;
  },
};

let grammar: ohm.Grammar | undefined;
let semantics: ohm.Semantics | undefined;

function quoteOf(n: ohm.Node): AstQuote {
  const s = n.source;
  return { text: s.contents.slice(1, -1), start: s.startIdx + 1, end: s.endIdx - 1 };
}

function setup(): { g: ohm.Grammar; s: ohm.Semantics } {
  if (grammar && semantics) return { g: grammar, s: semantics };
  const g = ohm.grammar(SOURCE);
  const s = g.createSemantics();
  s.addOperation<unknown>('ast', {
    Befehl_uebersicht(u, _end) {
      return u.ast();
    },
    ...UEBERSICHT_ACTIONS,
    Befehl_einheit(e, _end) {
      return e.ast();
    },
    Befehl_woerter(w, _end) {
      return w.ast();
    },
    Einheit_geaendert(p, _v, _w, _f, _g) {
      return { type: 'geaendert', path: p.ast() };
    },
    Einheit_gefasst(p, _v, _w, _f, _g) {
      return { type: 'gefasst', path: p.ast() };
    },
    Einheit_ersetzt(p, _v, _d, _det, _f, neu, _e) {
      return { type: 'ersetzt', path: p.ast(), neu: neu.ast() };
    },
    Einheit_eingefuegt(anker, p, _v, _det, _f, neu, _e) {
      return { type: 'eingefuegt', side: anker.sourceString.toLowerCase() === 'vor' ? 'vor' : 'nach', path: p.ast(), neu: neu.ast() };
    },
    Einheit_angefuegt(p, _v, _det, _f, neu, verb) {
      return { type: verb.sourceString === 'vorangestellt' ? 'vorangestellt' : 'angefuegt', path: p.ast(), neu: neu.ast() };
    },
    Einheit_folgend(_det, _f, neu, _v, verb) {
      return { type: verb.sourceString === 'vorangestellt' ? 'vorangestellt' : 'angefuegt', path: [], neu: neu.ast() };
    },
    Einheit_aufgehoben(p, _v, _a) {
      return { type: 'aufgehoben', path: p.ast() };
    },
    Einheit_gestrichen(p, _v, _a) {
      return { type: 'gestrichen', path: p.ast() };
    },
    Einheit_umnummeriert(p, _v, _det, to) {
      return { type: 'umnummeriert', path: p.ast(), to: to.ast() };
    },
    Woerter_in(orte, _v, changes) {
      const paths = orte.children.length ? (orte.children[0].ast() as AstLevel[][]) : [[]];
      const ast: CommandAst = { type: 'woerter', path: paths[0], changes: changes.ast() };
      if (paths.length > 1) ast.more = paths.slice(1);
      return ast;
    },
    Woerter_vor(anker, anchor, _v, neu, _e) {
      const side = anker.sourceString.toLowerCase() === 'vor' ? 'vor' : 'nach';
      return { type: 'woerter', path: [], changes: [{ op: 'einfuegen', anchor: anchor.ast(), side, neu: neu.ast(), atEnd: false, all: false } satisfies AstWordChange] };
    },
    Orte(first, more) {
      return [first.ast(), ...more.children.map((c) => c.ast())];
    },
    WeiterOrt(_sep, _in, _det, p) {
      return p.ast();
    },
    Wortlaut_quote(_o, q) {
      return quoteOf(q);
    },
    Wortlaut_zeichen(_det, z) {
      const word = z.sourceString;
      const text = word === 'Komma' ? ',' : word === 'Punkt' ? '.' : word === 'Semikolon' ? ';' : ':';
      return { text, start: z.source.startIdx, end: z.source.endIdx, zeichen: true };
    },
    Einheit_umnummeriert_geaendert(p, _v, _det, to, _und, _v2, _w, _f, _g) {
      return { type: 'umnummeriert', path: p.ast(), to: to.ast(), geaendert: true };
    },
    Einheit_in_eingefuegt(ort, _v, anker, p, _det, _f, neu, _e) {
      return { type: 'eingefuegt', side: anker.sourceString.toLowerCase() === 'vor' ? 'vor' : 'nach', path: [...ort.ast(), ...p.ast()], neu: neu.ast() };
    },
    Einheit_in_geaendert(ort, _v, p, _w, _f, _g) {
      return { type: 'geaendert', path: [...ort.ast(), ...p.ast()] };
    },
    Einheit_in_gefasst(ort, _v, p, _w, _f, _g) {
      return { type: 'gefasst', path: [...ort.ast(), ...p.ast()] };
    },
    Einheit_in_ersetzt(ort, _v, p, _d, _det, _f, neu, _e) {
      return { type: 'ersetzt', path: [...ort.ast(), ...p.ast()], neu: neu.ast() };
    },
    Einheit_in_angefuegt(ort, _v, _det, _f, neu, verb) {
      return { type: verb.sourceString === 'vorangestellt' ? 'vorangestellt' : 'angefuegt', path: ort.ast(), neu: neu.ast() };
    },
    Einheit_in_aufgehoben(ort, _v, p, _a) {
      return { type: 'aufgehoben', path: [...ort.ast(), ...p.ast()] };
    },
    Einheit_in_gestrichen(ort, _v, p, _a) {
      return { type: 'gestrichen', path: [...ort.ast(), ...p.ast()] };
    },
    Einheit_in_umnummeriert(ort, _v, _d1, p, _d2, to) {
      const o = ort.ast() as AstLevel[];
      return { type: 'umnummeriert', path: [...o, ...p.ast()], to: [...o, ...to.ast()] };
    },
    Woerter_subjekt_ersetzen(ort, old, _v, j, _d, neu, _e) {
      const path = ort.children.length ? ort.children[0].ast() : [];
      return { type: 'woerter', path, changes: [{ op: 'ersetzen', old: old.ast(), neu: neu.ast(), atEnd: false, all: j.children.length > 0 } satisfies AstWordChange] };
    },
    Woerter_subjekt_streichen(ort, old, _v, _g) {
      const path = ort.children.length ? ort.children[0].ast() : [];
      return { type: 'woerter', path, changes: [{ op: 'streichen', old: old.ast(), atEnd: false, all: false } satisfies AstWordChange] };
    },
    Ort(_in, p) {
      return p.ast();
    },
    Aenderungen(first, _und, _verb, rest) {
      return [first.ast(), ...rest.children.map((c) => c.ast())];
    },
    Aenderung_ersetzen(j1, old, stelle, j2, _d, neu, _e) {
      const st = stelle.children.length ? stelle.children[0].sourceString : '';
      return { op: 'ersetzen', old: old.ast(), neu: neu.ast(), atEnd: st.startsWith('am'), all: j1.children.length > 0 || j2.children.length > 0 || st === 'jeweils' } satisfies AstWordChange;
    },
    Aenderung_einfuegen(j, anker, anchor, neu, _e) {
      const side = anker.sourceString.toLowerCase() === 'vor' ? 'vor' : 'nach';
      return { op: 'einfuegen', anchor: anchor.ast(), side, neu: neu.ast(), atEnd: false, all: j.children.length > 0 } satisfies AstWordChange;
    },
    Aenderung_streichen(j, old, stelle, _g) {
      const st = stelle.children.length ? stelle.children[0].sourceString : '';
      return { op: 'streichen', old: old.ast(), atEnd: st.startsWith('am'), all: j.children.length > 0 || st === 'jeweils' } satisfies AstWordChange;
    },
    Aenderung_anfuegen(_am, neu, _a) {
      return { op: 'anfuegen', neu: neu.ast(), atEnd: true, all: false } satisfies AstWordChange;
    },
    Pfad_ebenen(_det, _bisher, kette) {
      return kette.ast();
    },
    Pfad_ueberschrift(_det, _u, _des, kette) {
      return [...(kette.ast() as AstLevel[]), { kind: 'ueberschrift', values: [], range: false } satisfies AstLevel];
    },
    Kette(levels, genitive) {
      // „Abschnitt 3 des Buches 2“ is Buch 2 Abschnitt 3: the outermost unit comes last
      const outer = genitive.children.map((g) => g.ast() as AstLevel[]).reverse();
      return [...outer.flat(), ...levels.children.map((c) => c.ast())];
    },
    Genitiv(_des, levels) {
      return levels.children.map((c) => c.ast());
    },
    Ebene_teil(_t, anker, of) {
      return { kind: 'teil', values: [], range: false, side: anker.sourceString.toLowerCase() === 'vor' ? 'vor' : 'nach', of: of.ast() } satisfies AstLevel;
    },
    Ebene_ueberschrift(_u) {
      return { kind: 'ueberschrift', values: [], range: false } satisfies AstLevel;
    },
    Ebene_einheit(w, v) {
      const { values, range } = v.ast() as { values: string[]; range: boolean };
      return { kind: UNIT_KIND[w.sourceString], values, range } satisfies AstLevel;
    },
    GEbene_zahl(w, v) {
      const { values, range } = v.ast() as { values: string[]; range: boolean };
      return { kind: 'gliederung', word: GLIEDERUNG_FORM[w.sourceString], values, range } satisfies AstLevel;
    },
    GEbene_ordinal(v, w) {
      const { values, range } = v.ast() as { values: string[]; range: boolean };
      return { kind: 'gliederung', word: GLIEDERUNG_FORM[w.sourceString], values, range } satisfies AstLevel;
    },
    Neu_ordinal(v, w) {
      const { values, range } = v.ast() as { values: string[]; range: boolean };
      return { kind: 'gliederung', word: GLIEDERUNG_FORM[w.sourceString], values, range } satisfies AstLevel;
    },
    Neu_ueberschrift(_u) {
      return { kind: 'ueberschrift', values: [], range: false } satisfies AstLevel;
    },
    Neu_einheit(w, v) {
      const val = v.children.length ? (v.children[0].ast() as { values: string[]; range: boolean }) : { values: [], range: false };
      const g = GLIEDERUNG_FORM[w.sourceString];
      if (g) return { kind: 'gliederung', word: g, values: val.values, range: val.range } satisfies AstLevel;
      return { kind: UNIT_KIND[w.sourceString], values: val.values, range: val.range } satisfies AstLevel;
    },
    Wert_bis(a, _b, z) {
      return { values: [val(a), val(z)], range: true };
    },
    Wert_liste(a, _c, more, _u, last) {
      return { values: [val(a), ...more.children.map(val), val(last)], range: false };
    },
    Wert_einzeln(a) {
      return { values: [val(a)], range: false };
    },
    OrdWert_bis(a, _b, z) {
      return { values: [val(a), val(z)], range: true };
    },
    OrdWert_liste(a, _c, more, _u, last) {
      return { values: [val(a), ...more.children.map(val), val(last)], range: false };
    },
    OrdWert_einzeln(a) {
      return { values: [val(a)], range: false };
    },
  });
  grammar = g;
  semantics = s;
  return { g, s };
}

const memo = new Map<string, CommandAst | null>();
/** A letter of an ordinal word: A–Z, a–z, Ä Ö Ü ä ö ü ß. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0xe4 || c === 0xf6 || c === 0xfc || c === 0xdf || c === 0xc4 || c === 0xd6 || c === 0xdc;
}

/**
 * The sentence with the text of each outer quotation replaced by its index
 * („schriftlich“ → „0“): the grammar reads the skeleton, which many commands
 * share, and an edit inside a quotation does not change it.
 */
function skeleton(sentence: string): { skel: string; quotes: AstQuote[]; nums: Map<number, string>; pos: number[] } {
  const quotes: AstQuote[] = [];
  const nums = new Map<number, string>();
  /** Skeleton offset → offset in the sentence. */
  const pos: number[] = [];
  let out = '';
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '„') {
      if (depth === 0) {
        // the quotation's text becomes its index
        let d = 1;
        let j = i + 1;
        for (; j < sentence.length && d > 0; j++) {
          if (sentence[j] === '„') d++;
          else if (sentence[j] === '“') d--;
        }
        if (d > 0) return { skel: sentence, quotes: [], nums: new Map(), pos: [] };
        const q = `„${quotes.length}“`;
        for (let k = 0; k < q.length; k++) pos.push(k === 0 ? i : j - 1);
        out += q;
        quotes.push({ text: sentence.slice(i + 1, j - 1), start: i + 1, end: j - 1 });
        i = j - 1;
        continue;
      }
    }
    // a word: an ordinal („Dritten“) becomes the mark and „1“, its value kept by position; any other is copied whole
    if (isWordChar(sentence.charCodeAt(i)) && (i === 0 || !/[\p{L}\p{N}]/u.test(sentence[i - 1]))) {
      let j = i + 1;
      while (j < sentence.length && isWordChar(sentence.charCodeAt(j))) j++;
      const w = sentence.slice(i, j);
      const n = j - i >= 4 && !(j < sentence.length && /[\p{L}\p{N}]/u.test(sentence[j])) ? ordinalValue(w) : undefined;
      if (n !== undefined) {
        pos.push(i);
        out += ORD;
        nums.set(out.length, String(n));
        pos.push(i);
        out += '1';
      } else {
        for (let k = i; k < j; k++) pos.push(k);
        out += w;
      }
      i = j - 1;
      continue;
    }
    // a number (with its letters) outside quotations becomes „1“; its value is kept by position
    if (c >= '0' && c <= '9' && (i === 0 || !/[\p{L}\p{N}]/u.test(sentence[i - 1]))) {
      const m = /^\d+[a-z]{0,2}(?![\p{L}\p{N}])/u.exec(sentence.slice(i, i + 12));
      if (m) {
        nums.set(out.length, m[0]);
        pos.push(i);
        out += '1';
        i += m[0].length - 1;
        continue;
      }
    }
    pos.push(i);
    out += c;
  }
  pos.push(sentence.length);
  return { skel: out, quotes, nums, pos };
}

/** The tree of the skeleton with the quotations and numbers put back (a copy: the memoised tree is shared). */
function materialize<T>(x: T, quotes: AstQuote[], nums: Map<number, string>, pos: number[]): T {
  if (typeof x === 'string' && x.startsWith(NUM)) return (nums.get(Number(x.slice(1))) ?? x) as T;
  if (Array.isArray(x)) return x.map((e) => materialize(e, quotes, nums, pos)) as T;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('text' in o && 'start' in o && 'end' in o) {
      if (o.zeichen) return { ...o, start: pos[o.start as number] ?? o.start, end: pos[o.end as number] ?? o.end } as T;
      const q = quotes[Number(o.text)];
      return (q ? { ...q } : { ...o }) as T;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = materialize(o[k], quotes, nums, pos);
    return out as T;
  }
  return x;
}

/**
 * The syntax tree of one command sentence, or undefined when it is no
 * Änderungsbefehl Norma knows. `sentence` is the text up to and including
 * the colon or period that ends it (an inline quotation after the colon is
 * not part of it). Quoted words keep their offsets in `sentence`.
 */
export function parseCommand(sentence: string): CommandAst | undefined {
  const { skel, quotes, nums, pos } = skeleton(sentence);
  let result = memo.get(skel);
  if (result === undefined) {
    const { g, s } = setup();
    const m = g.match(skel);
    result = m.succeeded() ? (s(m).ast() as CommandAst) : null;
    if (memo.size > 20_000) memo.clear();
    memo.set(skel, result);
  }
  return result ? materialize(result, quotes, nums, pos) : undefined;
}
