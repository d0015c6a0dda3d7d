/**
 * Rules on amending laws (Änderungsgesetze): the structure of an amending
 * Artikel (H11), whether the amended law is in the workspace, commands Norma
 * cannot read, the commands checked against the amended law (target unit,
 * old text, numbers of inserted units, contradicting commands) and the HdR4
 * style of the commands (H12, H14).
 */
import type { DocumentCheckContext, Rule } from './rule';
import { isDraft } from './rule';
import { landInfo } from '../refs/laws';
import { amendAnalysis, type ArtikelAnalysis } from '../amend';
import type { Command, SourceSpan } from '../amend/commands';
import { levelText, type Issue } from '../amend/apply';
import { ambiguityMessage, qualifications } from '../amend/qualify';
import type { Message, RelEdit } from '../model/types';
import { aenderungInhaltsuebersicht } from './amend-toc-rule';

const HDR_AENDERUNG = 'HdR4 Teil D 2.2; HdR3 Rn. 552–628';

function report(ctx: DocumentCheckContext, span: SourceSpan, message: Message, extra: { severity?: 'error' | 'warning' | 'info' | 'hint'; fix?: RelEdit[]; start?: number; end?: number } = {}): void {
  ctx.report(span.block, {
    message,
    start: { line: span.line, character: extra.start ?? span.start },
    end: { line: span.line, character: extra.end ?? span.end },
    severity: extra.severity,
    fix: extra.fix,
  });
}

/** The span of a command's issue: the quoted old text or anchor when the issue is about it. */
function issueSpan(i: Issue<Command>): { start: number; end: number } {
  const c = i.change;
  const q = i.quote === 'anchor' ? c.words?.anchor : i.quote === 'old' ? c.words?.old : undefined;
  if (q && c.span.start + q.end <= c.span.block.lines[c.span.line].length) return { start: c.span.start + q.start, end: c.span.start + q.end };
  return { start: c.span.start, end: c.span.end };
}

function issues(ctx: DocumentCheckContext, kinds: readonly Issue['kind'][], each: (i: Issue<Command>) => void): void {
  for (const l of amendAnalysis(ctx.model).laws) for (const i of l.result.issues) if (kinds.includes(i.kind)) each(i);
}

export const aenderungEingangssatz: Rule = {
  id: 'aenderung-eingangssatz',
  hdr: 'H11',
  source: 'HdR4 Teil D 2.2',
  description: { de: 'Änderungsartikel mit Eingangssatz „… wird wie folgt geändert:“ und Vollzitat', en: 'Amending Artikel with an opening sentence „… wird wie folgt geändert:“ and a full citation' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const a of amendAnalysis(ctx.model).artikel) {
      const head = a.artikel;
      const at: SourceSpan = { block: head.block, line: head.markerLine, start: head.markerStart, end: head.titleLine === head.markerLine ? head.titleEnd : head.markerEnd };
      const e = a.eingangssatz;
      if (!e) {
        if (new Set([...a.commands.map((c) => c.unit), ...a.unparsed.map((u) => u.unit)]).size > 1) report(ctx, at, { key: 'aenderung-eingangssatz.fehlt', args: { law: a.lawName } });
        continue;
      }
      if (!e.geaendert) report(ctx, e.span, { key: 'aenderung-eingangssatz.geaendert' });
      else if (!e.full && !a.law?.ohneFundstelle) report(ctx, e.span, { key: 'aenderung-eingangssatz.vollzitat', args: { law: a.lawName } });
      if (a.eingangLaw && a.law && a.eingangLaw.id !== a.law.id) report(ctx, e.span, { key: 'aenderung-eingangssatz.anderesGesetz', args: { eingang: a.eingangLaw.titel, heading: a.law.titel } });
    }
  },
};

function importHint(a: ArtikelAnalysis): Message {
  const law = a.law;
  if (!law) return { key: 'aenderung-zielgesetz.unbekannt', args: { title: a.artikel.title ?? a.lawName } };
  const name = law.abkuerzung ? `${law.titel} (${law.abkuerzung})` : law.titel;
  if (law.gii) return { key: 'aenderung-zielgesetz.importGii', args: { law: name, file: `${law.gii}.xml`, url: `https://www.gesetze-im-internet.de/${law.gii}/xml.zip`, out: `${law.gii}.norma` } };
  // Land law is not on gesetze-im-internet.de: its text comes from the Land's portal, written as a consolidated .norma file
  const land = landInfo(law.land);
  if (law.land) return { key: 'aenderung-zielgesetz.importLand', args: { law: name, land: land?.name ?? law.land, portal: land?.portal ?? '' } };
  return { key: 'aenderung-zielgesetz.import', args: { law: name } };
}

export const aenderungZielgesetz: Rule = {
  id: 'aenderung-zielgesetz',
  source: 'Norma-Sprachreferenz (docs/language.md), Änderungsgesetze',
  description: { de: 'Das geänderte Gesetz ist im Arbeitsbereich, damit die Änderungsbefehle geprüft werden', en: 'The amended law is in the workspace, so that the amending commands are checked' },
  defaultSeverity: 'info',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const a of amendAnalysis(ctx.model).artikel) {
      if (a.targetUri || (!a.commands.length && !a.unparsed.length)) continue;
      const head = a.artikel;
      report(ctx, { block: head.block, line: head.markerLine, start: head.markerStart, end: head.titleLine === head.markerLine ? head.titleEnd : head.markerEnd }, importHint(a));
    }
  },
};

export const aenderungBefehl: Rule = {
  id: 'aenderung-befehl',
  hdr: 'H12',
  source: HDR_AENDERUNG,
  description: { de: 'Änderungsbefehle in den Formen des Handbuchs', en: 'Amending commands in the forms of the Handbuch' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const a of amendAnalysis(ctx.model).artikel) for (const u of a.unparsed) report(ctx, u.span, { key: 'aenderung-befehl.unbekannt', args: { text: u.text.length > 80 ? `${u.text.slice(0, 79)}…` : u.text } });
    issues(ctx, ['inhalt-fehlt'], (i) => report(ctx, i.change.span, { key: 'aenderung-befehl.inhalt' }));
  },
};

export const aenderungZielFehlt: Rule = {
  id: 'aenderung-ziel-fehlt',
  source: HDR_AENDERUNG,
  description: { de: 'Die Einheit, die ein Änderungsbefehl ändert, gibt es im geänderten Gesetz', en: 'The unit an amending command changes exists in the amended law' },
  defaultSeverity: 'error',
  fixable: false,
  checkDocument(ctx) {
    issues(ctx, ['ziel-fehlt'], (i) => {
      const law = lawOf(ctx, i);
      report(ctx, i.change.span, { key: i.args.existing ? 'aenderung-ziel-fehlt.existing' : 'aenderung-ziel-fehlt.none', args: { ...i.args, law } });
    });
  },
};

export const aenderungZielMehrdeutig: Rule = {
  id: 'aenderung-ziel-mehrdeutig',
  source: HDR_AENDERUNG,
  description: { de: 'Der Pfad eines Änderungsbefehls bezeichnet genau eine Gliederungseinheit', en: 'The path of an amending command names exactly one Gliederung unit' },
  defaultSeverity: 'warning',
  fixable: false,
  checkDocument(ctx) {
    issues(ctx, ['ziel-mehrdeutig'], (i) => {
      const cands = i.candidates ?? [];
      const c = i.change;
      const line = c.span.block.lines[c.span.line];
      const sentence = line.slice(c.span.start, c.span.end);
      const suggestions = qualifications(sentence, c.target, cands).map((q) => ({
        title: { key: 'aenderung-ziel-mehrdeutig.qualify', args: { path: q.path } },
        edits: [{ start: { line: c.span.line, character: c.span.start + q.at }, end: { line: c.span.line, character: c.span.start + q.at }, newText: q.insert }],
      }));
      ctx.report(c.span.block, {
        message: ambiguityMessage(i, lawOf(ctx, i)),
        start: { line: c.span.line, character: c.span.start },
        end: { line: c.span.line, character: c.span.end },
        suggestions: suggestions.length ? suggestions : undefined,
      });
    });
  },
};

function lawOf(ctx: DocumentCheckContext, i: Issue<Command>): string {
  for (const l of amendAnalysis(ctx.model).laws) if (l.commands.includes(i.change)) return l.law.abkuerzung ?? l.law.titel;
  return '';
}

export const aenderungTextFehlt: Rule = {
  id: 'aenderung-text-fehlt',
  source: HDR_AENDERUNG,
  description: { de: 'Der Wortlaut, den ein Änderungsbefehl ersetzt oder streicht, steht in der Einheit', en: 'The words an amending command replaces or deletes stand in the unit' },
  defaultSeverity: 'error',
  fixable: false,
  checkDocument(ctx) {
    issues(ctx, ['text-fehlt'], (i) => report(ctx, i.change.span, { key: 'aenderung-text-fehlt.message', args: i.args }, issueSpan(i)));
  },
};

export const aenderungTextMehrdeutig: Rule = {
  id: 'aenderung-text-mehrdeutig',
  source: HDR_AENDERUNG,
  description: { de: 'Der Wortlaut eines Änderungsbefehls steht genau einmal in der Einheit (sonst „jeweils“)', en: 'The words of an amending command stand exactly once in the unit (else „jeweils“)' },
  defaultSeverity: 'warning',
  fixable: false,
  checkDocument(ctx) {
    issues(ctx, ['text-mehrdeutig'], (i) => report(ctx, i.change.span, { key: 'aenderung-text-mehrdeutig.message', args: i.args }, issueSpan(i)));
  },
};

export const aenderungNummer: Rule = {
  id: 'aenderung-nummer',
  hdr: 'H4',
  source: 'HdR4 Teil C 4.2, Teil D 2.2',
  description: { de: 'Eine eingefügte Einheit erhält eine freie Nummer an der richtigen Stelle', en: 'An inserted unit gets a free number in the right place' },
  defaultSeverity: 'error',
  fixable: false,
  checkDocument(ctx) {
    issues(ctx, ['nummer-belegt', 'nummer-reihenfolge'], (i) => {
      if (i.kind === 'nummer-belegt') report(ctx, i.change.span, { key: 'aenderung-nummer.belegt', args: i.args });
      else report(ctx, i.change.span, { key: 'aenderung-nummer.reihenfolge', args: i.args }, { severity: 'warning' });
    });
  },
};

export const aenderungWiderspruch: Rule = {
  id: 'aenderung-widerspruch',
  source: HDR_AENDERUNG,
  description: { de: 'Zwei Befehle eines Artikels ändern nicht dieselben Wörter oder dieselbe Einheit', en: 'Two commands of one Artikel do not change the same words or the same unit' },
  defaultSeverity: 'warning',
  fixable: false,
  checkDocument(ctx) {
    const an = amendAnalysis(ctx.model);
    const resolved = new Map<Command, string>();
    for (const l of an.laws) for (const [c, addr] of l.result.resolved) resolved.set(c, addr);
    for (const a of an.artikel) {
      // commands are compared with the earlier ones on the same § or Artikel only
      const byNorm = new Map<string, Command[]>();
      for (const c of a.commands) {
        const addr = resolved.get(c);
        if (addr === undefined) continue;
        const top = /^(?:(?:§|Artikel|Anlage) \S+|Inhaltsübersicht)/.exec(addr)?.[0] ?? addr;
        const list = byNorm.get(top);
        if (list) list.push(c);
        else byNorm.set(top, [c]);
      }
      for (const cs of byNorm.values()) for (let j = 1; j < cs.length; j++) {
        const b = cs[j];
        // an insertion after a unit only names it as its anchor
        if (!b.words && b.verb !== 'aufheben' && b.verb !== 'streichen' && b.verb !== 'neufassen' && b.verb !== 'ersetzen') continue;
        const ab = resolved.get(b) ?? '';
        for (let k = 0; k < j; k++) {
          const c = cs[k];
          const ac = resolved.get(c) ?? '';
          const within = (x: string, y: string): boolean => x === y || x.startsWith(`${y} `);
          if (!within(ab, ac) && !within(ac, ab)) continue;
          const wholeC = !c.words && c.verb !== 'einfuegen' && c.verb !== 'anfuegen' && c.verb !== 'voranstellen' && c.verb !== 'umnummerieren';
          const oc = c.words?.old?.text ?? c.words?.anchor?.text;
          const ob = b.words?.old?.text ?? b.words?.anchor?.text;
          const sameWords = oc !== undefined && ob !== undefined && (oc.includes(ob) || ob.includes(oc)) && ab === ac;
          if ((wholeC && within(ab, ac)) || sameWords) {
            report(ctx, b.span, { key: sameWords ? 'aenderung-widerspruch.woerter' : 'aenderung-widerspruch.einheit', args: { other: commandName(c), unit: ac, text: ob ?? '' } });
            break;
          }
        }
      }
    }
  },
};

/** „Nummer 2 Buchstabe a“: a command by its place in the Artikel. */
function commandName(c: Command): string {
  const parts: string[] = [];
  for (let u: Command['unit'] | undefined = c.unit; u && u.kind !== 'artikel'; u = u.parent) {
    if (u.kind === 'absatz' && u.implicit) continue;
    const word = u.kind === 'absatz' ? 'Absatz' : u.kind === 'nummer' ? 'Nummer' : u.kind === 'buchstabe' ? 'Buchstabe' : u.kind === 'doppelbuchstabe' ? 'Doppelbuchstabe' : u.kind === 'dreifachbuchstabe' ? 'Dreifachbuchstabe' : '';
    parts.unshift(word && u.num ? `${word} ${u.num}` : u.label);
  }
  return parts.join(' ') || 'Befehl';
}

const NEW_NP: Record<string, [string, string]> = {
  paragraph: ['den folgenden §', 'die folgenden §§'],
  artikel: ['den folgenden Artikel', 'die folgenden Artikel'],
  absatz: ['den folgenden Absatz', 'die folgenden Absätze'],
  satz: ['den folgenden Satz', 'die folgenden Sätze'],
  nummer: ['die folgende Nummer', 'die folgenden Nummern'],
  buchstabe: ['den folgenden Buchstaben', 'die folgenden Buchstaben'],
  doppelbuchstabe: ['den folgenden Doppelbuchstaben', 'die folgenden Doppelbuchstaben'],
  dreifachbuchstabe: ['den folgenden Dreifachbuchstaben', 'die folgenden Dreifachbuchstaben'],
  anlage: ['die folgende Anlage', 'die folgenden Anlagen'],
  ueberschrift: ['die folgende Überschrift', 'die folgende Überschrift'],
  angabe: ['die folgende Angabe', 'die folgenden Angaben'],
};

export const aenderungNeufassung: Rule = {
  id: 'aenderung-neufassung',
  hdr: 'H12',
  source: 'HdR4 Teil D 2.2, Teil F 3 (HdR3 Rn. 588: „wird wie folgt gefasst“)',
  description: { de: 'Ganze Einheiten „durch die folgende … ersetzen“ statt „wie folgt fassen“ (HdR4)', en: 'Replace whole units „durch die folgende …“ instead of „wie folgt gefasst“ (HdR4)' },
  defaultSeverity: 'hint',
  fixable: true,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const a of amendAnalysis(ctx.model).artikel) {
      for (const c of a.commands) {
        if (c.ast.type !== 'gefasst') continue;
        const last = c.target[c.target.length - 1];
        if (!last) continue;
        const np = NEW_NP[last.kind];
        if (!np) continue;
        const plural = last.values.length > 1;
        const what = last.kind === 'satz' || last.kind === 'ueberschrift' || last.kind === 'angabe' ? np[plural ? 1 : 0] : `${np[plural ? 1 : 0]} ${levelText(last).replace(/^\S+\s/, '')}`;
        const line = c.span.block.lines[c.span.line];
        const at = line.indexOf('wie folgt gefasst', c.span.start);
        if (at < 0) continue;
        const replacement = `durch ${what} ersetzt`;
        report(ctx, c.span, { key: 'aenderung-neufassung.message', args: { replacement } }, {
          start: at,
          end: at + 'wie folgt gefasst'.length,
          fix: [{ start: { line: c.span.line, character: at }, end: { line: c.span.line, character: at + 'wie folgt gefasst'.length }, newText: replacement }],
        });
      }
    }
  },
};

export const aenderungTiefe: Rule = {
  id: 'aenderung-tiefe',
  hdr: 'H14',
  source: 'HdR4 Teil F 3',
  description: { de: 'Änderungsbefehle nicht bis zum Dreifachbuchstaben gliedern', en: 'No amending commands nested down to triple letters' },
  defaultSeverity: 'warning',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    for (const a of amendAnalysis(ctx.model).artikel) {
      for (const u of a.tooDeep) {
        const parent = u.parent?.parent;
        report(ctx, { block: u.block, line: u.markerLine, start: u.markerStart, end: u.markerEnd }, { key: 'aenderung-tiefe.message', args: { marker: u.label, parent: parent?.label ?? '' } });
      }
    }
  },
};

export const AMEND_RULES: readonly Rule[] = [
  aenderungEingangssatz,
  aenderungZielgesetz,
  aenderungBefehl,
  aenderungZielFehlt,
  aenderungZielMehrdeutig,
  aenderungTextFehlt,
  aenderungTextMehrdeutig,
  aenderungNummer,
  aenderungWiderspruch,
  aenderungNeufassung,
  aenderungTiefe,
  aenderungInhaltsuebersicht,
];
