// @ts-check
// The script of Norma's live preview webview. Loaded with the page's nonce; it never evaluates
// document text: the HTML comes escaped from the language server, and the CSP allows no inline code.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('norma-root'));
  const costs = /** @type {HTMLInputElement} */ (document.getElementById('norma-costs'));
  /** @type {{ line: number, el: HTMLElement }[]} */
  let lines = [];
  let ignoreScrollUntil = 0;
  let scrollTimer = 0;

  function index() {
    lines = [];
    root.querySelectorAll('[data-line]').forEach((n) => {
      const el = /** @type {HTMLElement} */ (n);
      // a link's data-line is its target's line, not where it was written
      if (el.tagName === 'A') return;
      const line = Number(el.dataset.line);
      if (Number.isInteger(line)) lines.push({ line, el });
    });
    lines.sort((a, b) => a.line - b.line);
  }

  /** The innermost element rendered from `line` or the last one before it. */
  function elementFor(line) {
    let lo = 0;
    let hi = lines.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].line <= line) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 ? lines[best].el : undefined;
  }

  function markDiagnostics(diagnostics) {
    root.querySelectorAll('.norma-diag-marker').forEach((n) => n.remove());
    root.querySelectorAll('.norma-has-diag').forEach((n) => n.classList.remove('norma-has-diag', 'norma-diag-error', 'norma-diag-warning', 'norma-diag-info'));
    for (const d of diagnostics) {
      const el = elementFor(d.line);
      if (!el) continue;
      el.classList.add('norma-has-diag', 'norma-diag-' + d.severity);
      const marker = document.createElement('span');
      marker.className = 'norma-diag-marker norma-diag-' + d.severity;
      marker.setAttribute('title', d.message);
      marker.setAttribute('aria-label', d.message);
      marker.textContent = d.severity === 'error' ? '●' : d.severity === 'warning' ? '▲' : '■';
      el.prepend(marker);
    }
  }

  function update(msg) {
    const t0 = performance.now();
    const y = window.scrollY;
    const doc = new DOMParser().parseFromString('<!DOCTYPE html><body>' + msg.html, 'text/html');
    // scripts and event-handler attributes never reach the page (the CSP would block them anyway)
    doc.querySelectorAll('script, iframe, object, embed, form').forEach((n) => n.remove());
    doc.body.querySelectorAll('*').forEach((n) => {
      for (const a of Array.from(n.attributes)) {
        if (/^on/i.test(a.name) || (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value))) n.removeAttribute(a.name);
      }
    });
    patch(root, doc.body);
    index();
    markDiagnostics(Array.isArray(msg.diagnostics) ? msg.diagnostics : []);
    costs.checked = !!msg.costs;
    document.body.classList.toggle('norma-show-costs', !!msg.costs);
    window.scrollTo(0, y);
    requestAnimationFrame(() => vscode.postMessage({ type: 'rendered', version: msg.version, ms: performance.now() - t0 }));
  }

  /**
   * Replace only what changed: children whose HTML is the same stay in the page (a keystroke in
   * one § repaints that §, not the whole law). Two levels deep: the document and its sections.
   */
  function patch(target, source, depth = 0) {
    const next = Array.from(source.childNodes);
    const old = Array.from(target.childNodes);
    const html = (n) => (n.nodeType === 1 ? /** @type {Element} */ (n).outerHTML : n.textContent);
    const sameShell = (a, b) =>
      a.nodeType === 1 && b.nodeType === 1 && a.tagName === b.tagName && a.cloneNode(false).outerHTML === b.cloneNode(false).outerHTML;
    if (depth > 1 || old.length === 0) {
      target.replaceChildren(...next);
      return;
    }
    const out = [];
    for (let i = 0; i < next.length; i++) {
      const o = old[i];
      const n = next[i];
      if (o && html(o) === html(n)) out.push(o);
      else if (o && sameShell(o, n) && depth < 1) {
        patch(o, n, depth + 1);
        out.push(o);
      } else out.push(n);
    }
    target.replaceChildren(...out);
  }

  function scrollToLine(line) {
    const el = elementFor(line);
    if (!el) return;
    ignoreScrollUntil = Date.now() + 300;
    el.scrollIntoView({ block: 'start' });
  }

  window.addEventListener('message', (e) => {
    const msg = e.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'update' && typeof msg.html === 'string') update(msg);
    else if (msg.type === 'diagnostics' && Array.isArray(msg.diagnostics)) markDiagnostics(msg.diagnostics);
    else if (msg.type === 'scrollTo' && Number.isInteger(msg.line)) scrollToLine(msg.line);
    else if (msg.type === 'testClick' && Number.isInteger(msg.line)) {
      const el = elementFor(msg.line);
      if (el) el.click();
    }
  });

  window.addEventListener('scroll', () => {
    if (Date.now() < ignoreScrollUntil) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      const first = lines.find((l) => l.el.getBoundingClientRect().bottom > 0);
      if (first) vscode.postMessage({ type: 'scroll', line: first.line });
    }, 50);
  });

  root.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const link = target.closest('a');
    if (link) {
      e.preventDefault();
      const href = link.getAttribute('href') || '';
      if (/^https:\/\//.test(href)) {
        vscode.postMessage({ type: 'external', url: href });
        return;
      }
      if (link.dataset.uri && link.dataset.line) {
        vscode.postMessage({ type: 'open', uri: link.dataset.uri, line: Number(link.dataset.line) });
        return;
      }
      if (href.startsWith('#')) {
        const t = document.getElementById(decodeURIComponent(href.slice(1)));
        if (t) {
          ignoreScrollUntil = Date.now() + 300;
          t.scrollIntoView({ block: 'start' });
          const line = Number(t.dataset.line);
          if (Number.isInteger(line)) vscode.postMessage({ type: 'click', line });
        }
      }
      return;
    }
    // selecting text to copy it is no click
    const sel = window.getSelection();
    if (sel && sel.toString().length > 0) return;
    const el = /** @type {HTMLElement | null} */ (target.closest('[data-line]:not(a)'));
    if (el) vscode.postMessage({ type: 'click', line: Number(el.dataset.line) });
  });

  costs.addEventListener('change', () => vscode.postMessage({ type: 'toggleCosts' }));
  vscode.postMessage({ type: 'ready' });
})();
