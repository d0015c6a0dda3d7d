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
  checkBlock(ctx) {
    if (!ctx.block.parse.annotations.length) return;
    for (const it of blockAufwand(ctx.block, costDataFor(ctx.config))) {
      for (const f of it.parsed.findings) ctx.report(f);
    }
  },
};
