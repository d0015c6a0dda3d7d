/**
 * The Digitalcheck rules: every pattern in a violating text (with inflected
 * forms and word boundaries at umlauts) and in clean text, including quoted
 * text of an amendment, a definition's quote, comments, headings, a
 * sentence that already says „elektronisch“, real laws (fassung:
 * konsolidiert), the configurable list of vague terms and the suggestions.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService, applyEdits, RULE_BY_ID, type NormaDiagnostic } from '../server/src/service/index';
import { law, inkraft, rangeOf, memFs } from './rule-helpers';

const DIR = '/entwurf';
const URI = `file://${DIR}/digital.norma`;
const CONFIG_PATH = `${DIR}/norma.config.json`;

const DC = ['schriftform', 'unterschrift', 'persoenliches-erscheinen', 'vorlage-original', 'technologie', 'unbestimmter-begriff'];

function findings(text: string, config?: string): NormaDiagnostic[] {
  const s = createLanguageService({ fileSystem: config !== undefined ? memFs({ [CONFIG_PATH]: config }) : undefined });
  s.open(URI, text);
  return s.getDiagnostics(URI).filter((d) => DC.includes(d.code));
}

function show(ds: NormaDiagnostic[]): string {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code} ${d.message}`).join('\n');
}

/** A draft whose § 1 has the given lines. */
function draft(...lines: string[]): string {
  return law(['§ 1 Verfahren', ...lines, inkraft(2)]);
}

/** Exactly the findings `[code, covered text]` in this order, each at the range of that text. */
function expectFindings(text: string, expected: [string, string][], config?: string): NormaDiagnostic[] {
  const ds = findings(text, config);
  assert.deepEqual(
    ds.map((d) => [d.code, text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)]),
    expected,
    show(ds),
  );
  const seen = new Map<string, number>();
  ds.forEach((d, i) => {
    const covered = expected[i][1];
    const nth = seen.get(covered) ?? 0;
    seen.set(covered, nth + 1);
    assert.deepEqual(d.range, rangeOf(text, covered, nth), `range of ${covered}`);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
  });
  return ds;
}

function expectClean(text: string, config?: string): void {
  const ds = findings(text, config);
  assert.equal(ds.length, 0, show(ds));
}

describe('Digitalcheck', () => {
  describe('the rules name their principle (Digitalcheck 2025) and are warnings for drafts', () => {
    it('sources and metadata', () => {
      const want: Record<string, string> = {
        schriftform: 'Digitalcheck, Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“ (BMDS, Fassung 2025)',
        unterschrift: 'Digitalcheck, Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“ (BMDS, Fassung 2025)',
        'persoenliches-erscheinen': 'Digitalcheck, Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“ (BMDS, Fassung 2025)',
        'vorlage-original': 'Digitalcheck, Prinzip 2 „Datenwiederverwendung benötigt einheitliches Recht“ (BMDS, Fassung 2025)',
        technologie: 'Digitalcheck, Prinzip 3 „Etablierte Technologien ermöglichen effiziente Umsetzung“ (BMDS, Fassung 2025)',
        'unbestimmter-begriff': 'Digitalcheck, Prinzip 4 „Automatisierung basiert auf eindeutigen Regelungen“ (BMDS, Fassung 2025)',
      };
      for (const [id, source] of Object.entries(want)) {
        const r = RULE_BY_ID.get(id);
        assert.ok(r, id);
        assert.equal(r.source, source);
        assert.equal(r.defaultSeverity, 'warning');
        assert.equal(r.fixable, false, `${id}: rewrites change the law, so they are suggestions`);
      }
    });

    it('a real law (fassung: konsolidiert) gets none of them', () => {
      expectClean(law(['§ 1 Verfahren', 'Der Antrag ist schriftlich per Fax einzureichen; der Antragsteller hat persönlich zu erscheinen.', inkraft(2)], ['fassung: konsolidiert']));
    });

    it('the message names the principle, at the place of the word', () => {
      const text = draft('Der Antrag ist schriftlich einzureichen.');
      const [d] = expectFindings(text, [['schriftform', 'schriftlich']]);
      assert.equal(
        d.message,
        '„schriftlich“ verlangt Papier oder eine qualifizierte elektronische Signatur: prüfen, ob die Textform (§ 126b BGB) genügt oder „elektronisch“ zugelassen werden kann; bleibt es bei der Schriftform, erlaubt § 3a Absatz 2 VwVfG den elektronischen Ersatz (Digitalcheck-Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“).',
      );
      assert.equal(d.source, RULE_BY_ID.get('schriftform')?.source);
    });
  });

  describe('schriftform', () => {
    it('schriftlich, inflected and at the start of a sentence; Schriftform and compounds', () => {
      expectFindings(draft('(1) Der Antrag ist schriftlich einzureichen.', '(2) Der schriftlichen Erklärung ist ein Nachweis beizufügen.', '(3) Schriftliche Anträge werden bevorzugt.', '(4) Für die Kündigung gilt die Schriftform.', '(5) Das Schriftformerfordernis bleibt unberührt.'), [
        ['schriftform', 'schriftlich'],
        ['schriftform', 'schriftlichen'],
        ['schriftform', 'Schriftliche'],
        ['schriftform', 'Schriftform'],
        ['schriftform', 'Schriftformerfordernis'],
      ]);
    });

    it('suggestions (never fixes): „schriftlichen“ → „schriftlichen oder elektronischen“, „Schriftform“ → „Textform“; none for a compound', () => {
      const text = draft('(1) Der schriftlichen Erklärung ist ein Nachweis beizufügen.', '(2) Für die Kündigung gilt die Schriftform.', '(3) Das Schriftformerfordernis bleibt unberührt.');
      const ds = findings(text);
      assert.equal(ds.length, 3);
      assert.deepEqual(ds.map((d) => d.data.fix), [undefined, undefined, undefined]);
      assert.equal(ds[0].data.suggestions?.[0]?.title, '„schriftlichen“ durch „schriftlichen oder elektronischen“ ersetzen');
      assert.ok(applyEdits(text, ds[0].data.suggestions?.[0]?.edits ?? []).text.includes('(1) Der schriftlichen oder elektronischen Erklärung ist ein Nachweis beizufügen.'));
      assert.equal(ds[1].data.suggestions?.[0]?.title, '„Schriftform“ durch „Textform“ ersetzen');
      assert.ok(applyEdits(text, ds[1].data.suggestions?.[0]?.edits ?? []).text.includes('(2) Für die Kündigung gilt die Textform.'));
      assert.equal(ds[2].data.suggestions, undefined);
      // after the suggestion the sentence says „elektronisch“: clean
      expectClean(applyEdits(text, [...(ds[0].data.suggestions?.[0]?.edits ?? []), ...(ds[1].data.suggestions?.[0]?.edits ?? [])]).text.replace('(3) Das Schriftformerfordernis bleibt unberührt.', '(3) Text.'));
    });

    it('clean: „schriftlich oder elektronisch“ in the same sentence, other words containing the letters, headings, comments', () => {
      expectClean(
        law([
          '§ 1 Schriftform und Unterschrift',
          '(1) Der Antrag ist schriftlich oder elektronisch zu stellen.',
          '(2) Die elektronische Form ersetzt die Schriftform.',
          '(3) Die handschriftliche Notiz und das Schriftstück werden aufbewahrt. // schriftlich geht nicht mehr',
          '// Früher: Der Antrag ist schriftlich zu stellen.',
          '(4) Das Überschriftformat ist frei.',
          inkraft(2),
        ]),
      );
    });

    it('„elektronisch“ counts only in the same sentence, not elsewhere on the line', () => {
      expectFindings(draft('Der Antrag ist schriftlich zu stellen. Die Behörde bestätigt den Eingang elektronisch.'), [['schriftform', 'schriftlich']]);
    });

    it('clean: quoted text of an amendment, on one line and over several lines', () => {
      expectClean(
        law(
          [
            'Artikel 1 Änderung des Meldegesetzes',
            'Das Meldegesetz wird wie folgt geändert:',
            '1. In § 4 Absatz 1 wird das Wort „schriftlich“ durch das Wort „elektronisch“ ersetzt.',
            '2. § 5 wird durch den folgenden § 5 ersetzt:',
            '  „§ 5 Form',
            '  (1) Die Meldung ist schriftlich abzugeben.',
            '  (2) Die Behörde kann das persönliche Erscheinen anordnen.“',
            'Artikel 2 Inkrafttreten',
            'Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.',
          ],
          ['typ: aenderungsgesetz'],
        ),
      );
    });

    it('clean: inside a definition’s quote', () => {
      expectClean(draft('Im Sinne dieses Gesetzes ist', '1. „schriftliche Erklärung“ eine Erklärung in Textform nach § 126b des Bürgerlichen Gesetzbuchs,', '2. „Faxdienst“ ein Dienst zur Übermittlung von Dokumenten.'));
    });
  });

  describe('unterschrift', () => {
    it('eigenhändig / handschriftlich with unterschreiben, unterzeichnen, Unterschrift, geschrieben', () => {
      expectFindings(
        draft(
          '(1) Die Erklärung ist eigenhändig zu unterschreiben.',
          '(2) Sie bedarf der eigenhändigen Unterschrift des Antragstellers.',
          '(3) Ein handschriftlich unterzeichnetes Formular genügt.',
          '(4) Das Testament muss eigenhändig geschrieben sein.',
        ),
        [
          ['unterschrift', 'eigenhändig zu unterschreiben'],
          ['unterschrift', 'eigenhändigen Unterschrift'],
          ['unterschrift', 'handschriftlich unterzeichnetes'],
          ['unterschrift', 'eigenhändig geschrieben'],
        ],
      );
    });

    it('clean: an electronic alternative in the sentence, a signature without „eigenhändig“, quotes', () => {
      expectClean(draft('(1) Die Erklärung ist eigenhändig zu unterschreiben oder mit einer qualifizierten elektronischen Signatur zu versehen.', '(2) Die Unterschrift des Vertreters genügt.', '(3) Die Wörter „eigenhändig zu unterschreiben“ werden gestrichen.'));
    });
  });

  describe('persoenliches-erscheinen', () => {
    it('persönlich erscheinen / vorsprechen (also with words between), persönliches Erscheinen, persönliche Vorsprache; the message names the Leitfaden’s travel cost', () => {
      const text = draft(
        '(1) Der Antragsteller hat persönlich zu erscheinen.',
        '(2) Die Behörde kann verlangen, dass er persönlich bei der Meldebehörde vorspricht oder dort persönlich vorzusprechen hat.',
        '(3) Das persönliche Erscheinen kann angeordnet werden.',
        '(4) Eine persönliche Vorsprache ist nicht erforderlich, wenn der Nachweis vorliegt.',
      );
      const ds = expectFindings(text, [
        ['persoenliches-erscheinen', 'persönlich zu erscheinen'],
        ['persoenliches-erscheinen', 'persönlich vorzusprechen'],
        ['persoenliches-erscheinen', 'persönliche Erscheinen'],
        ['persoenliches-erscheinen', 'persönliche Vorsprache'],
      ]);
      assert.equal(
        ds[0].message,
        '„persönlich zu erscheinen“ verlangt einen Behördengang: ein Online-Verfahren ermöglichen. Der Leitfaden Erfüllungsaufwand setzt dafür je Fall Wegezeit und Wegekosten an, im Durchschnitt 20 Minuten und 2,60 Euro; in @aufwand mit „wege:“ erfassen (Digitalcheck-Prinzip 1 „Digitale Angebote für alle nutzbar gestalten“).',
      );
    });

    it('the travel figures follow norma.config.json', () => {
      const ds = findings(draft('Der Antragsteller hat persönlich zu erscheinen.'), JSON.stringify({ kosten: { wege: { durchschnitt: { minuten: 25, euro: 3 } } } }));
      assert.match(ds[0].message, /im Durchschnitt 25 Minuten und 3,00 Euro;/);
    });

    it('clean: an online route in the same sentence, other uses of „persönlich“', () => {
      expectClean(draft('(1) Der Antragsteller hat persönlich oder über das elektronische Verwaltungsportal zu erscheinen.', '(2) Persönliche Daten werden geschützt.', '(3) Die Möglichkeit, sich persönlich anzumelden, bleibt unberührt.'));
    });
  });

  describe('vorlage-original', () => {
    it('im Original, in Urschrift, beglaubigte Abschrift/Kopie (inflected), Original vorzulegen', () => {
      expectFindings(
        draft(
          '(1) Die Urkunde ist im Original vorzulegen.',
          '(2) Beglaubigte Abschriften genügen, ebenso eine beglaubigte Abschrift.',
          '(3) Es ist eine amtlich beglaubigte Kopie einzureichen.',
          '(4) Der Bescheid wird in Urschrift übersandt.',
        ),
        [
          ['vorlage-original', 'im Original'],
          ['vorlage-original', 'Beglaubigte Abschriften'],
          ['vorlage-original', 'beglaubigte Abschrift'],
          ['vorlage-original', 'amtlich beglaubigte Kopie'],
          ['vorlage-original', 'in Urschrift'],
        ],
      );
    });

    it('clean: „vorzulegen“ alone, „bereitzuhalten“, the original together with an electronic copy, compounds', () => {
      expectClean(draft('(1) Der Bericht ist dem Bundestag vorzulegen.', '(2) Nachweise sind bereitzuhalten.', '(3) Das Original kann durch eine elektronische Kopie ersetzt werden; die Vorlage im Original ist dann entbehrlich.', '(4) Der Originalzustand ist wiederherzustellen.'));
    });
  });

  describe('technologie', () => {
    it('Fax, Telefax, De-Mail, PDF, CD-ROM (with compounds)', () => {
      expectFindings(draft('(1) Der Antrag kann per Fax, per Telefax oder per De-Mail übermittelt werden.', '(2) Der Bericht ist als PDF-Datei oder auf CD-ROM einzureichen; die Faxnummer ist anzugeben.'), [
        ['technologie', 'Fax'],
        ['technologie', 'Telefax'],
        ['technologie', 'De-Mail'],
        ['technologie', 'PDF-Datei'],
        ['technologie', 'CD-ROM'],
        ['technologie', 'Faxnummer'],
      ]);
    });

    it('a named technology stays a finding even when the sentence says „elektronisch“', () => {
      expectFindings(draft('Die Übermittlung erfolgt elektronisch als PDF.'), [['technologie', 'PDF']]);
    });

    it('clean: the De-Mail-Gesetz as a citation, technology-neutral words, quotes, table headers of other words', () => {
      expectClean(draft('(1) § 5 des De-Mail-Gesetzes bleibt unberührt.', '(2) Die Übermittlung erfolgt elektronisch in einem gängigen Format.', '(3) Das Wort „Telefax“ wird durch das Wort „elektronisch“ ersetzt.', '(4) Die Fixkosten und das Faktum bleiben außer Betracht.'));
    });

    it('in table cells', () => {
      const text = draft('Die Gebühren betragen:', '| Übermittlung | Gebühr |', '|---|---|', '| per Fax | 5 Euro |');
      expectFindings(text, [['technologie', 'Fax']]);
    });
  });

  describe('unbestimmter-begriff', () => {
    it('the default list, inflected and at the start of a sentence', () => {
      expectFindings(draft('(1) Die Behörde setzt eine angemessene Frist.', '(2) Sie entscheidet unverzüglich.', '(3) In der Regel genügt eine Anhörung.', '(4) Im Einzelfall kann die Behörde abweichen.'), [
        ['unbestimmter-begriff', 'angemessene'],
        ['unbestimmter-begriff', 'unverzüglich'],
        ['unbestimmter-begriff', 'In der Regel'],
        ['unbestimmter-begriff', 'Im Einzelfall kann'],
      ]);
    });

    it('word boundaries also at umlauts and ß: no finding inside a longer word', () => {
      expectClean(draft('(1) Die Angemessenheit wird geprüft.', '(2) Die maßangemessene Lösung und die Regelung bleiben.', '(3) Die Unverzüglichkeitsklausel gilt nicht.', '(4) Im Einzelfall können Ausnahmen gelten.'));
    });

    it('an electronic route does not make a vague term clean', () => {
      expectFindings(draft('Die Behörde entscheidet unverzüglich und elektronisch.'), [['unbestimmter-begriff', 'unverzüglich']]);
    });

    it('the list comes from norma.config.json (it replaces the default list)', () => {
      const config = JSON.stringify({ digitalcheck: { unbestimmteBegriffe: ['zeitnah', 'nach pflichtgemäßem Ermessen'] } });
      const text = draft('(1) Die Behörde entscheidet zeitnah und unverzüglich.', '(2) Sie handelt nach pflichtgemäßem Ermessen.');
      expectFindings(text, [['unbestimmter-begriff', 'zeitnah'], ['unbestimmter-begriff', 'nach pflichtgemäßem Ermessen']], config);
      expectFindings(text, [['unbestimmter-begriff', 'unverzüglich']]);
      // an empty list switches the check off
      expectClean(text, JSON.stringify({ digitalcheck: { unbestimmteBegriffe: [] } }));
    });

    it('a changed list takes effect without reopening the draft (the per-block cache is keyed by it)', () => {
      const files: Record<string, string> = { [CONFIG_PATH]: '{}' };
      const s = createLanguageService({ fileSystem: memFs(files) });
      const text = draft('Die Behörde entscheidet zeitnah und unverzüglich.');
      s.open(URI, text);
      const codes = (): string[] => s.getDiagnostics(URI).filter((d) => d.code === 'unbestimmter-begriff').map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
      assert.deepEqual(codes(), ['unverzüglich']);
      files[CONFIG_PATH] = JSON.stringify({ digitalcheck: { unbestimmteBegriffe: ['zeitnah'] } });
      s.configs?.invalidate();
      assert.deepEqual(codes(), ['zeitnah']);
    });

    it('a bad list is a config finding at its line', () => {
      const s = createLanguageService({ fileSystem: memFs({ [CONFIG_PATH]: '{\n  "digitalcheck": { "unbestimmteBegriffe": "angemessen" }\n}' }) });
      s.open(URI, draft('Text.'));
      const ds = s.configDiagnostics(s.configFor(URI), 'de');
      assert.deepEqual(ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), ['2:44 Ungültiger Wert für „digitalcheck.unbestimmteBegriffe“: array erwartet.']);
    });
  });

  describe('suppression and configuration', () => {
    it('a finding can be suppressed in the text and switched off in norma.config.json', () => {
      expectClean(draft('// norma-disable-next-line schriftform -- der Papierweg bleibt bewusst erhalten', 'Der Antrag kann schriftlich gestellt werden.'));
      expectClean(draft('Der Antrag kann schriftlich gestellt werden.'), JSON.stringify({ rules: { schriftform: 'aus' } }));
    });
  });
});
