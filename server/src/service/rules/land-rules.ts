/**
 * Federal and state law (front matter `ebene`, `land`). Most drafting rules
 * rest on the Handbuch der Rechtsförmlichkeit, whose practice the Länder
 * follow (an assumption of the project, see docs/rules.md „Landesrecht“);
 * a few rest on federal sources. A rule says which in its `geltung`:
 *
 * - `alle`: HdR practice, applied to federal and state drafts alike;
 * - `landesform`: checked in the form of the draft's own level (the
 *   Eingangsformel of a Landesgesetz is enacted by the Landtag);
 * - `entsprechend`: a federal procedure (the Digitalcheck) applied to a
 *   Land draft as practice; its messages say so;
 * - `bund`: federal law only, not run on a Land draft.
 *
 * Rule `landesrecht` says this once per Land draft, at its `ebene:` line.
 */
import type { Rule } from './rule';
import { isDraft } from './rule';
import { landInfo, landName } from '../refs/laws';
import type { Unit } from '../model/types';
import { RULES } from './index';

/** Parliaments of the Länder where it is not the Landtag (Berlin, Bremen, Hamburg). */
const PARLAMENT: Record<string, string> = { BE: 'Abgeordnetenhaus', HB: 'Bürgerschaft', HH: 'Bürgerschaft' };

/** The enacting parliament of a Land: „Landtag“, „Abgeordnetenhaus“, „Bürgerschaft“. */
export function parlamentOf(land: string | undefined): string {
  return landInfo(land)?.parlament ?? (land ? PARLAMENT[land] : undefined) ?? 'Landtag';
}

/** The article of a parliament's name, nominative and accusative (der Landtag / den Landtag, das Abgeordnetenhaus, die Bürgerschaft). */
const ARTIKEL: Record<string, { nom: string; akk: string }> = {
  Bundestag: { nom: 'Der', akk: 'den' },
  Landtag: { nom: 'Der', akk: 'den' },
  Abgeordnetenhaus: { nom: 'Das', akk: 'das' },
  Bürgerschaft: { nom: 'Die', akk: 'die' },
};
const artikelOf = (parlament: string): { nom: string; akk: string } => ARTIKEL[parlament] ?? ARTIKEL.Landtag;

/** „Der Bundestag hat …“, „Der Landtag des Freistaates Bayern hat …“: who enacts, as the Eingangsformel says it. */
const ENACTS = /^(Der|Das|Die)\s+(Bundestag|Landtag|Abgeordnetenhaus|Bürgerschaft)\b/u;

export const eingangsformel: Rule = {
  id: 'eingangsformel',
  source: 'Art. 77 Abs. 1 GG (Bundesgesetze beschließt der Bundestag); Landesverfassungen (Landesgesetze beschließt das Landesparlament)',
  description: { de: 'Eingangsformel nennt das Parlament der eigenen Ebene', en: 'The enacting formula names the parliament of the draft’s level' },
  defaultSeverity: 'warning',
  fixable: false,
  geltung: 'landesform',
  geltungGrund: {
    de: 'ein Landesgesetz beschließt der Landtag (in Berlin das Abgeordnetenhaus, in Bremen und Hamburg die Bürgerschaft), nicht der Bundestag mit Zustimmung des Bundesrates',
    en: 'a Land law is enacted by the Landtag (Abgeordnetenhaus in Berlin, Bürgerschaft in Bremen and Hamburg), not by the Bundestag with the consent of the Bundesrat',
  },
  appliesTo: isDraft,
  checkDocument(ctx) {
    const u: Unit | undefined = ctx.model.eingangsformel;
    if (!u || ctx.doc.typ === 'verordnung') return;
    const land = ctx.doc.ebene === 'land';
    const want = land ? parlamentOf(ctx.doc.land) : 'Bundestag';
    for (const p of u.parts) {
      if (p.type !== 'text') continue;
      const t = p.text;
      const line = u.block.lines[t.line];
      const text = line.slice(t.start, t.end);
      const m = ENACTS.exec(text);
      if (!m) continue;
      const found = m[2];
      if (found === want || (!land && found === 'Bundestag') || (land && found !== 'Bundestag')) return;
      const formel = land ? `${artikelOf(want).nom} ${want} hat das folgende Gesetz beschlossen:` : 'Der Bundestag hat das folgende Gesetz beschlossen:';
      const lt = ctx.doc.land ? landName(ctx.doc.land) : '';
      const akk = `${artikelOf(found).akk} ${found}`;
      ctx.report(u.block, {
        message: land ? { key: 'eingangsformel.bundImLand', args: { found: akk, name: found, land: lt, want: formel } } : { key: 'eingangsformel.landImBund', args: { found: akk, name: found, want: formel } },
        start: { line: t.line, character: t.start },
        end: { line: t.line, character: t.end },
        suggestions: [{ title: { key: 'eingangsformel.replace', args: { want: formel } }, edits: [{ start: { line: t.line, character: t.start }, end: { line: t.line, character: t.end }, newText: formel }] }],
      });
      return;
    }
  },
};

export const landesrecht: Rule = {
  id: 'landesrecht',
  source: 'Norma-Sprachreferenz (docs/language.md), Vorspann „ebene“ und „land“; Annahme: die Länder folgen der Praxis des Handbuchs der Rechtsförmlichkeit',
  description: { de: 'Hinweis: welche Regeln in einem Landesgesetz anders gelten', en: 'Note: which rules apply differently to a Land law' },
  defaultSeverity: 'info',
  fixable: false,
  appliesTo: isDraft,
  checkDocument(ctx) {
    // without a valid `land` the front matter rule reports the gap; the note would name no Land
    if (ctx.doc.ebene !== 'land' || !ctx.doc.land) return;
    const fm = ctx.model.frontMatter;
    const block = ctx.model.frontMatterBlock;
    const e = fm?.entries.find((x) => x.key === 'ebene');
    if (!fm || !block || !e) return;
    // RULES is read when the rule runs (the registry imports this module)
    const ids = (g: string): string => RULES.filter((r) => r.geltung === g).map((r) => r.id).join(', ');
    const land = landName(ctx.doc.land);
    const bund = ids('bund');
    ctx.report(block, {
      message: { key: bund ? 'landesrecht.hinweisMitBund' : 'landesrecht.hinweis', args: { land, entsprechend: ids('entsprechend'), landesform: ids('landesform'), bund } },
      start: { line: e.line, character: e.keyStart },
      end: { line: e.line, character: e.valueEnd },
    });
  },
};
