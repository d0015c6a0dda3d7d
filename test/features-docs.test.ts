/**
 * docs/features.md is checked against the language service, like the
 * language reference in docs.test.ts: every fence after a ```norma fence
 * shows what the editor shows for that draft (lines and columns from 1).
 *
 *   ```text outline            the document symbols: name, „ · detail“ where the
 *                              detail adds to the name, ~~…~~ when deprecated
 *   ```text symbols <query>    workspace symbols: name · container
 *   ```text folding            start–end [kind]
 *   ```text selection L:C      the selection steps: the text, or
 *                              „L<from>–<to>  <first line from the start>“
 *   ```text tokens A-B         the semantic tokens on lines A to B: L:C text type.modifiers
 *   ```text completion L:C     label · detail, ~~…~~ when deprecated
 *   ```norma formatted         the draft after Format Document
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolTag, CompletionItemTag } from 'vscode-languageserver-types';
import { applyEdits, createLanguageService, type LanguageService } from '../server/src/service/index';
import { decodeSemanticTokens } from '../server/src/service/features/semantic-tokens';
import { ROOT } from './features-helpers';

const URI = 'file:///entwurf.norma';

function lines(content: string): string[] {
  const out = content.replace(/\n$/, '').split('\n');
  return out.map((l) => l.replace(/\s+$/, ''));
}

function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    let t = s.detail && !s.name.includes(s.detail) ? `${s.name} · ${s.detail}` : s.name;
    if (s.tags?.includes(SymbolTag.Deprecated)) t = `~~${t}~~`;
    out.push(indent + t);
    out.push(...outline(s.children ?? [], `${indent}  `));
  }
  return out;
}

function actual(info: string[], ls: LanguageService, text: string): string[] {
  const src = text.split('\n');
  const [kind, arg] = [info[1], info[2]];
  const pos = (): { line: number; character: number } => {
    const [l, c] = (arg ?? '').split(':').map(Number);
    return { line: l - 1, character: c - 1 };
  };
  switch (kind) {
    case 'outline':
      return outline(ls.getDocumentSymbols(URI));
    case 'symbols':
      return ls.getWorkspaceSymbols(arg ?? '').map((s) => `${s.name} · ${s.containerName}`);
    case 'folding':
      return ls.getFoldingRanges(URI).map((f) => `${f.startLine + 1}–${f.endLine + 1}${f.kind ? ` ${f.kind}` : ''}`);
    case 'selection': {
      const out: string[] = [];
      for (let s: ReturnType<LanguageService['getSelectionRanges']>[number] | undefined = ls.getSelectionRanges(URI, [pos()])[0]; s; s = s.parent) {
        const { start, end } = s.range;
        out.push(
          start.line === end.line
            ? src[start.line].slice(start.character, end.character)
            : `L${start.line + 1}–${end.line + 1}  ${src[start.line].slice(start.character)}`.replace(/\s+$/, ''),
        );
      }
      return out;
    }
    case 'tokens': {
      const [a, b] = (arg ?? '').split('-').map(Number);
      return decodeSemanticTokens(ls.getSemanticTokens(URI))
        .filter((t) => t.line + 1 >= a && t.line + 1 <= b)
        .map((t) => `${t.line + 1}:${t.start + 1} ${src[t.line].slice(t.start, t.start + t.length)} ${[t.type, ...t.modifiers].join('.')}`);
    }
    case 'completion':
      return ls.getCompletions(URI, pos()).items.map((i) => {
        const t = i.detail ? `${i.label} · ${i.detail}` : i.label;
        return i.tags?.includes(CompletionItemTag.Deprecated) ? `~~${t}~~` : t;
      });
    default:
      throw new Error(`unknown fence kind ${kind}`);
  }
}

describe('docs/features.md', () => {
  const file = path.join(ROOT, 'docs', 'features.md');
  const tokens = new MarkdownIt().parse(fs.readFileSync(file, 'utf8'), {});
  const fences = tokens.filter((t) => t.type === 'fence');
  let draft: string | undefined;
  let checked = 0;
  for (const f of fences) {
    const info = f.info.trim().split(/\s+/);
    const line = (f.map?.[0] ?? 0) + 1;
    if (info[0] === 'norma' && info.length === 1) {
      draft = f.content;
      continue;
    }
    if (!draft) continue;
    const text = draft;
    checked++;
    if (info[0] === 'norma' && info[1] === 'formatted') {
      it(`features.md:${line} Format Document`, () => {
        const ls = createLanguageService();
        ls.open(URI, text);
        const edits = ls.format(URI);
        assert.equal(applyEdits(text, edits).text, f.content, `features.md:${line}: the formatted draft differs from the document`);
      });
      continue;
    }
    if (info[0] !== 'text') continue;
    it(`features.md:${line} ${info.slice(1).join(' ')}`, () => {
      const ls = createLanguageService();
      ls.open(URI, text);
      assert.deepEqual(actual(info, ls, text), lines(f.content), `features.md:${line}: ${info.slice(1).join(' ')} differ from the document`);
    });
  }
  it('has examples to check', () => assert.ok(checked >= 8, `${checked} examples`));
});
