/**
 * The customer stage read from the free-text `stage` field, on what the demo's members
 * wrote in four languages: each stage named, and words that only begin like a stage
 * word ("skal" is "shall", "Kopf" a head, a developer is no staff development) not read.
 */
import { describe, expect, it } from 'vitest';
import { stagesInText } from '../../src/core/vectors/stage-keywords.ts';

const CASES: readonly [text: string, stages: readonly string[]][] = [
  ['när företaget växer och ska anställa', ['grow', 'hire']],
  ['fra opstart, når virksomheden stiftes og skal have styr på bogføringen', ['start']],
  ['når virksomheden skal samle medarbejdere eller kunder', []],
  ['ab der Gründung, spätestens wenn einem die Buchhaltung über den Kopf wächst', ['start', 'grow']],
  ['när företaget ska bygga en ny webbplats eller en webbshop', []],
  ['vid renovering, nybygge och när elbilen kommer', ['move']],
  ['wenn das Projekt aufgesetzt ist und Entwicklerkapazität fehlt', []],
  ['nach der Besetzung, wenn neue Führungskräfte in ihre Rolle hineinwachsen', ['develop']],
  ['when a business owner starts thinking about retirement or selling up', ['transfer']],
  ['når virksomheden ansætter de første medarbejdere og skal have pension på plads', ['hire']],
  ['when a household decides to sell, let or buy', ['move']],
  ['när hushållet ska sälja eller köpa bostad', ['move']],
  ['wenn eine Immobilie verkauft, vererbt oder gekauft wird', ['move']],
  ['bei Gründung, Verträgen, Streit und Nachfolge', ['start', 'transfer']],
  ['vid bolagsbildning, stora avtal, tvister och ägarskiften', ['start', 'transfer']],
  ['inför försäljning och efter inflyttning', ['move']],
  ['vor dem Verkauf und nach dem Einzug', ['move']],
  ['when the company scales up and starts hiring', ['grow', 'hire']],
  ['from start-up to the first hires', ['start', 'hire']],
  ['efter rekryteringen, när nya chefer ska växa in i rollen', ['hire']],
  ['wenn die ersten Mitarbeiter eingestellt werden und die Löhne pünktlich fließen müssen', ['hire']],
  ['when a business takes on staff, premises or big contracts', ['hire']],
  ['when a business incorporates or outgrows its spreadsheet', ['start', 'grow']],
  ['når virksomheden vokser og skal ansætte nøglemedarbejdere', ['grow', 'hire']],
  ['når virksomheden starter, skifter navn eller får ny visuel identitet', ['start']],
  ['när hemsidan är gammal eller när företaget ska börja sälja på nätet', []],
  ['when a business starts up, invests or buys another business', ['start', 'move']],
  ['när huset ska byggas om, byggas till eller badrummet göras om', ['move']],
  ['at incorporation, for big contracts and when the owner sells up', ['start', 'transfer']],
];

describe('stages in the stage field', () => {
  for (const [text, stages] of CASES) {
    it(text, () => expect([...stagesInText(text)].sort()).toEqual([...stages].sort()));
  }
});
