/**
 * Completion lists on the wire. After „§ “ in the BGB the service offers some
 * 2,500 §§; sending all of them costs more time in transport than the
 * service needs to compute them. So, generically, for any long list:
 *
 *  - a list longer than `MAX_ITEMS` is cut to the items that start with what
 *    has been typed (the text from the start of the items' edit range to the
 *    cursor), best first by `sortText`; while more than `MAX_ITEMS` match it
 *    is marked incomplete, so the editor asks again with the next character;
 *  - items that all replace the same range send it once
 *    (`itemDefaults.editRange`, LSP 3.17), for clients that announce it.
 */
import type { ClientCapabilities, CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver';

export const MAX_ITEMS = 300;

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function editRange(i: CompletionItem): Range | undefined {
  const e = i.textEdit;
  if (!e) return undefined;
  return 'range' in e ? e.range : e.replace;
}

/**
 * Cut a long list to what matches the typed prefix. `lineText` is the text of
 * the cursor's line; the prefix is read from the items' edit range.
 */
export function limitCompletions(list: CompletionList, position: Position, lineText: string, max = MAX_ITEMS): CompletionList {
  if (list.items.length <= max) return list;
  const range = editRange(list.items[0]) ?? list.itemDefaults?.editRange;
  const start = range && 'start' in range ? range.start : range?.insert.start;
  const prefix = start && start.line === position.line && start.character <= position.character ? lineText.slice(start.character, position.character).toLowerCase() : '';
  const key = (i: CompletionItem): string => (i.filterText ?? (typeof i.textEdit?.newText === 'string' ? i.textEdit.newText : undefined) ?? i.label).toLowerCase();
  const matching = prefix ? list.items.filter((i) => key(i).startsWith(prefix)) : list.items;
  const sorted = [...matching].sort((a, b) => {
    const x = a.sortText ?? a.label;
    const y = b.sortText ?? b.label;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  // complete when everything that matches the prefix is there: typing on only narrows it further
  return { ...list, isIncomplete: list.isIncomplete || sorted.length > max, items: sorted.slice(0, max) };
}

export function compactCompletions(list: CompletionList | CompletionItem[], caps: ClientCapabilities): CompletionList | CompletionItem[] {
  const items = Array.isArray(list) ? list : list.items;
  const defaults = caps.textDocument?.completion?.completionList?.itemDefaults ?? [];
  if (items.length < 2 || !defaults.includes('editRange')) return list;
  const first = items[0].textEdit;
  if (!first || !('range' in first)) return list;
  const range = first.range;
  for (const i of items) {
    const e = i.textEdit;
    if (!e || !('range' in e) || !sameRange(e.range, range)) return list;
  }
  const base: CompletionList = Array.isArray(list) ? { isIncomplete: false, items } : list;
  return {
    ...base,
    itemDefaults: { ...base.itemDefaults, editRange: range },
    items: items.map(({ textEdit, ...rest }) => ({ ...rest, textEditText: textEdit?.newText })),
  };
}
