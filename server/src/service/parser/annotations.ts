/**
 * Annotations: a line `@name label` followed by indented `key: value`
 * lines, belonging to the unit above. The head line is read with a small
 * ohm grammar; the entries are split by the lexer. What the keys mean is up
 * to each annotation (`@aufwand`: see the cost engine).
 */
import * as ohm from 'ohm-js';
import type { Block } from './block';
import type { Annotation, Unit } from '../model/types';

const HEAD_GRAMMAR = ohm.grammar(String.raw`
AnnotationHead {
  Head  = "@" name label
  name  = nameStart nameChar*
  nameStart = letter
  nameChar  = alnum | "-" | "_"
  label = any*
}`);

/** Annotation names Norma knows; others are kept and reported as unknown by the annotation rule. */
export const KNOWN_ANNOTATIONS = ['aufwand'] as const;

export function parseAnnotationHead(block: Block, line: number, unit: Unit): Annotation {
  const t = block.tokens[line];
  const text = block.lines[line].slice(t.indent, t.end);
  const a: Annotation = {
    name: '',
    label: '',
    line,
    nameStart: t.indent + 1,
    nameEnd: t.indent + 1,
    labelStart: t.end,
    labelEnd: t.end,
    endLine: line,
    entries: [],
    block,
    unit,
  };
  // ohm decides by "@" and the first character of the name (the label is `any*`), so it is given only
  // that much: matching a whole long line costs ohm about 10 µs per character (a 1 MB line: seconds)
  let k = 1;
  while (k < text.length && text.charCodeAt(k) <= 32) k++;
  const m = HEAD_GRAMMAR.match(text.slice(0, k + 2));
  if (m.succeeded()) {
    let i = 1;
    while (i < text.length && /[\p{L}\p{N}_-]/u.test(text[i])) i++;
    a.name = text.slice(1, i);
    a.nameEnd = t.indent + i;
    while (i < text.length && text[i] === ' ') i++;
    a.label = text.slice(i);
    a.labelStart = t.indent + i;
  }
  return a;
}
