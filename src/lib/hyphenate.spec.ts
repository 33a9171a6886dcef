import { describe, expect, it } from 'vitest';
import { hyphenate, hyphenateWord } from './hyphenate';

const show = (text: string) => text.replace(/\u00ad/g, '-');

describe('soft hyphens in long Danish words', () => {
	it('breaks a compound at its parts', () => {
		expect(show(hyphenateWord('Klyngestyregruppemøde'))).toBe('Klynge-styre-gruppe-møde');
		expect(show(hyphenateWord('samarbejdsaftalen'))).toBe('samarbejds-aftalen');
		expect(show(hyphenateWord('Sundhedsstyregruppen'))).toBe('Sundheds-styre-gruppen');
	});

	it('adds syllable breaks inside a long part', () => {
		expect(show(hyphenateWord('implementering'))).toBe('im-ple-men-te-ring');
	});

	it('falls back to syllables for a word the lexicon does not know', () => {
		expect(show(hyphenateWord('uhensigtsmæssigheder'))).toMatch(/^uhen.*-.*der$/);
	});

	it('leaves short words, numbers and the rest of the text alone', () => {
		expect(hyphenate('Midtklyngen 2027: møde kl. 9.35')).toBe('Midtklyngen 2027: møde kl. 9.35');
	});

	it('never changes the letters, only adds break points', () => {
		const title = 'Opfølgning på implementering af regional retningslinje for Kommunikation';
		expect(hyphenate(title).replace(/\u00ad/g, '')).toBe(title);
	});
});
