/**
 * Rule `aufwand`: @aufwand annotations are complete and valid, so that the
 * cost engine can compute them (keys and values: costs/aufwand.ts). The
 * reading is shared with the engine through the block's cache.
 */
import type { Rule } from './rule';
import { costDataFor } from '../costs/data';
import { blockAufwand } from '../costs/engine';

export const AUFWAND_SOURCE =
  'Leitfaden zur Ermittlung und Darstellung des Erfüllungsaufwands in Regelungsvorhaben der Bundesregierung (Statistisches Bundesamt), Standardkostenmodell';

export const aufwand: Rule = {
  id: 'aufwand',
  source: AUFWAND_SOURCE,
  description: { de: '@aufwand-Angaben vollständig und gültig', en: 'Complete and valid @aufwand annotations' },
  defaultSeverity: 'error',
  fixable: true,
  geltung: 'landesform',
  geltungGrund: {
    de: 'der Leitfaden Erfüllungsaufwand ist ein Verfahren des Bundes; seine Lohnsätze und Zeitwerte gelten auch für Länder und Kommunen, aber ein Landesgesetz verursacht keinen Aufwand der Bundesverwaltung („ebene: bund“ wird gemeldet)',
    en: 'the Leitfaden Erfüllungsaufwand is a federal procedure; its wage rates and time values cover Länder and Kommunen, but a Land law causes no cost to the federal administration („ebene: bund“ is reported)',
  },
  checkBlock(ctx) {
    if (!ctx.block.parse.annotations.length) return;
    const land = ctx.doc.ebene === 'land';
    for (const it of blockAufwand(ctx.block, costDataFor(ctx.config))) {
      for (const f of it.parsed.findings) ctx.report(f);
      if (!land) continue;
      const e = it.annotation.entries.find((x) => x.key === 'ebene' && x.value === 'bund');
      if (e && it.annotation.entries.some((x) => x.key === 'adressat' && x.value === 'verwaltung'))
        ctx.report({
          message: { key: 'aufwand.bundImLand' },
          start: { line: e.line, character: e.valueStart },
          end: { line: e.line, character: e.valueEnd },
          severity: 'warning',
        });
    }
  },
};
