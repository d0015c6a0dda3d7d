/**
 * German numbers: reading the values of @aufwand entries („4.800.000“,
 * „4 800 000“, „1,2 Mio.“, „30 min“, „400 h“) and writing the figures of
 * the cost report („4.800.000“, „rund 1,2 Mio. Euro“).
 */

export interface ParsedNumber {
  value: number;
  /** Offset (in the parsed string) where the number and its multiplier end. */
  end: number;
  /** Words after the number („pro Jahr“, „je Fall“, „Euro“), trimmed. */
  rest: string;
  /** Offset of `rest` in the parsed string. */
  restStart: number;
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(?:Mrd\.?|Milliarden|Milliarde)(?![\p{L}])/u, 1e9],
  [/^(?:Mio\.?|Millionen|Million)(?![\p{L}])/u, 1e6],
  [/^(?:Tsd\.?|Tausend)(?![\p{L}])/u, 1e3],
];

/** Blanks that may group digits: space, no-break space, narrow no-break space. */
const GROUP_BLANK = '[ \\u00a0\\u202f]';
/** Digits grouped by dots or by blanks (consistently), or plain digits; optional decimal comma. */
const NUMBER_RE = new RegExp(`^([-\\u2212]?)(\\d{1,3}(?:\\.\\d{3})+|\\d{1,3}(?:${GROUP_BLANK}\\d{3})+(?!\\d)|\\d+)(?:,(\\d+))?`);

/**
 * A German number at the start of `s`, with an optional multiplier (Mio.,
 * Mrd., Tsd.) and trailing words. Undefined when `s` does not start with a
 * number or when the number is malformed („4.8“, „4,800,000“, „12abc“).
 */
export function parseGermanNumber(s: string): ParsedNumber | undefined {
  const m = NUMBER_RE.exec(s);
  if (!m) return undefined;
  const sign = m[1] ? -1 : 1;
  const int = m[2].replace(/[.\s\u00a0\u202f]/g, '');
  let value = Number(m[3] !== undefined ? `${int}.${m[3]}` : int);
  let end = m[0].length;
  // what follows the digits must be a blank or the end: „4.8“, „1,2,3“, „12abc“ are no numbers
  if (end < s.length && !/[\s\u00a0\u202f]/.test(s[end])) return undefined;
  let k = end;
  while (k < s.length && /[\s\u00a0\u202f]/.test(s[k])) k++;
  for (const [re, f] of MULTIPLIERS) {
    const mm = re.exec(s.slice(k));
    if (mm) {
      value *= f;
      end = k + mm[0].length;
      k = end;
      while (k < s.length && /[\s\u00a0\u202f]/.test(s[k])) k++;
      break;
    }
  }
  return { value: sign * value, end, rest: s.slice(k).trim(), restStart: k };
}

// --- writing --------------------------------------------------------------------------

/** Digits with German thousands separators: 4800000 → „4.800.000“ (rounded to whole numbers). */
export function formatInteger(n: number): string {
  const r = Math.round(n);
  const sign = r < 0 ? '-' : '';
  const digits = String(Math.abs(r));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A number with a fixed count of decimals in German notation: 38.6 → „38,60“. */
export function formatDecimal(n: number, decimals = 2): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [i, d] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${d ? `,${d}` : ''}`;
}

/** Up to `decimals` decimals, trailing zeros dropped: 9 → „9“, 1.5 → „1,5“, 0.25 → „0,25“. */
export function formatNumber(n: number, decimals = 2): string {
  const s = formatDecimal(n, decimals);
  return s.includes(',') ? s.replace(/,?0+$/, '') : s;
}

/**
 * A figure as a Vorblatt writes it: from a million on „1,2 Mio.“ (one
 * decimal, „2 Mio.“ without it), from a billion „1,5 Mrd.“, below whole
 * numbers with thousands separators „480.000“. `rund` says whether the
 * shown figure is rounded. The sign is dropped (the sentence says
 * „verringert sich um“).
 */
export function formatAmount(n: number): { text: string; rund: boolean } {
  const a = Math.abs(n);
  if (a >= 1e9) {
    const v = Math.round(a / 1e8) / 10;
    return { text: `${formatNumber(v, 1)} Mrd.`, rund: v * 1e9 !== a };
  }
  if (a >= 1e6) {
    const v = Math.round(a / 1e5) / 10;
    return { text: `${formatNumber(v, 1)} Mio.`, rund: v * 1e6 !== a };
  }
  if (a > 0 && a < 10) {
    const v = Math.round(a * 100) / 100;
    return { text: formatNumber(v, 2), rund: v !== a };
  }
  return { text: formatInteger(a), rund: Math.round(a) !== a };
}

/** „rund 1,2 Mio.“ or „480.000“ (exact). */
export function formatRund(n: number): string {
  const { text, rund } = formatAmount(n);
  return rund ? `rund ${text}` : text;
}

/** Short figure for hints: „≈ 1,2 Mio.“ style without „rund“, with sign. */
export function formatShort(n: number): string {
  const { text } = formatAmount(n);
  return n < 0 ? `−${text}` : text;
}

/** Round for the JSON and CSV outputs: cents and hundredths of hours, no float noise. */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}
