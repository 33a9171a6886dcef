import { describe, expect, it } from 'vitest';
import { detectDeadlines, type DeadlineContext, type DetectedRequest } from './index';
import { normaliseSpace } from './text';

const JUNE_2020: DeadlineContext = { meetingDate: '2020-06-12', nextMeetingDate: '2020-09-11' };
const JUNE_2023: DeadlineContext = { meetingDate: '2023-06-12', nextMeetingDate: '2023-09-08' };

/** The single request in `text`; fails when there is none or several. */
function one(text: string, context: DeadlineContext = JUNE_2020): DetectedRequest {
	const found = detectDeadlines(text, context);
	expect(found.map((r) => r.sentence)).toHaveLength(1);
	return found[0];
}

describe('deadline dates as Danish minutes write them', () => {
	it.each([
		['Kommunerne bedes melde tilbage senest 1. juli 2020.', '2020-07-01', 'senest 1. juli 2020'],
		['Hver organisation kan melde 1 deltager ind (svarfrist 1. juli 2020).', '2020-07-01', 'svarfrist 1. juli 2020'],
		['Organisationerne bedes svare senest den 15/9.', '2020-09-15', 'senest den 15/9'],
		['Tilmelding til workshoppen, frist: 15.09.2023.', '2023-09-15', 'frist: 15.09.2023'],
		['Frist for tilmelding: 15.09.2023', '2023-09-15', 'Frist for tilmelding: 15.09.2023'],
		['Kommunerne bedes sende kommentarer senest mandag den 3. august.', '2020-08-03', 'senest mandag den 3. august'],
		['Bidrag sendes til sekretariatet inden 1. oktober.', '2020-10-01', 'inden 1. oktober'],
		['Regionen bedes besvare spørgeskemaet senest d. 3/8-20.', '2020-08-03', 'senest d. 3/8-20'],
		['Kommunerne bedes melde tilbage senest i uge 34.', '2020-08-21', 'senest i uge 34'],
		['Svar sendes til sekretariatet, svarfristen er 1. okt. 2020.', '2020-10-01', 'svarfristen er 1. okt. 2020']
	])('reads %j as %s', (text, date, phrase) => {
		const { deadline } = one(text, JUNE_2020);
		expect(deadline.date).toBe(date);
		expect(deadline.text).toBe(phrase);
		expect(deadline.urgent).toBe(false);
	});

	it('marks "hurtigst muligt og senest den …" urgent and keeps the whole phrase', () => {
		const { deadline } = one('Kommunerne bedes hurtigst muligt og senest den 1. juli 2020 melde deltagere ind.');
		expect(deadline).toEqual({ date: '2020-07-01', urgent: true, text: 'hurtigst muligt og senest den 1. juli 2020' });
	});

	it('marks a deadline urgent when "snarest" stands elsewhere in the request', () => {
		const { deadline } = one('Organisationerne bedes snarest udpege en repræsentant, dog senest 15. august.');
		expect(deadline.urgent).toBe(true);
		expect(deadline.date).toBe('2020-08-15');
	});

	it('reads a clock time before or after the date', () => {
		expect(one('Deltagere meldes ind til sekretariatet senest kl. 12 den 3. august.').deadline).toMatchObject({
			date: '2020-08-03',
			time: '12:00'
		});
		expect(one('Svar sendes til sekretariatet senest den 3. august kl. 9.30.').deadline).toMatchObject({
			date: '2020-08-03',
			time: '09:30'
		});
		expect(one('Kommunerne bedes svare senest 3. august.').deadline.time).toBeUndefined();
	});

	it('takes "inden udgangen af juni" as the last day of June, in the year the meeting implies', () => {
		const text = 'Organisationerne bedes udpege 2 repræsentanter inden udgangen af juni.';
		expect(one(text, JUNE_2023).deadline.date).toBe('2023-06-30');
		expect(one(text, { meetingDate: '2023-07-05' }).deadline.date).toBe('2024-06-30');
		expect(one('Kommunerne bedes svare senest ultimo februar.', { meetingDate: '2023-12-01' }).deadline.date).toBe(
			'2024-02-29'
		);
	});

	it('takes "inden næste møde" as the next meeting, and finds nothing when that date is unknown', () => {
		const text = 'Almen praksis og psykiatrien bedes melde tilbage inden næste møde.';
		expect(one(text, JUNE_2023).deadline).toEqual({ date: '2023-09-08', urgent: false, text: 'inden næste møde' });
		expect(detectDeadlines(text, { meetingDate: '2023-06-12' })).toEqual([]);
		expect(one('Kommunerne bedes sende input senest på næste klyngestyregruppemøde.', JUNE_2023).deadline.date).toBe(
			'2023-09-08'
		);
	});

	it('infers a missing year as the first such date on or after the meeting', () => {
		expect(one('Kommunerne bedes svare senest 12. juni.').deadline.date).toBe('2020-06-12');
		expect(one('Kommunerne bedes svare senest 11. juni.').deadline.date).toBe('2021-06-11');
		expect(one('Kommunerne bedes svare senest 15/1.').deadline.date).toBe('2021-01-15');
		expect(one('Kommunerne bedes svare senest 29. februar.', { meetingDate: '2021-03-01' }).deadline.date).toBe(
			'2024-02-29'
		);
	});

	it('drops a deadline dated before the meeting, which tells of the past', () => {
		expect(detectDeadlines('Kommunerne bedes svare senest 1. maj 2020.', JUNE_2020)).toEqual([]);
	});

	it('drops dates that do not exist', () => {
		expect(detectDeadlines('Kommunerne bedes svare senest 31/4.', JUNE_2020)).toEqual([]);
		expect(detectDeadlines('Kommunerne bedes svare senest 30. februar 2021.', JUNE_2020)).toEqual([]);
	});

	it('does not invent a date for urgency alone ("snarest muligt")', () => {
		expect(
			detectDeadlines('Kommunerne bedes snarest muligt melde deltagere ind til sekretariatet.', JUNE_2020)
		).toEqual([]);
	});
});

describe('sentences that are not deadlines for anyone', () => {
	it.each([
		['a meeting held in the past', 'Mødet blev afholdt den 3. maj.'],
		['the next meeting announced', 'Næste møde afholdes den 4. september 2020.'],
		['a period', 'Høringen løber i perioden 1. juli - 1. august 2020.'],
		['"indtil" (until)', 'Viborg kommune fortsætter den gamle aftale indtil 1. september.'],
		['an extension until a year', 'Projektet er forlænget indtil udgangen af 2021.'],
		['a year alone', 'I 2017 blev tre afdelinger udpeget til forsøgsordningen.'],
		['"de seneste to år"', 'Over de seneste to år har afdelingerne deltaget i ordningen.'],
		['a duration', 'Projektet er berammet til at tage 2 år.'],
		['a duration as deadline, with no date', 'Kommunerne bedes svare inden for 14 dage.'],
		['a clock time alone', 'Kirsten deltog indtil kl. 9.45.'],
		['a meeting time', 'Tidspunkt: Fredag den 12. juni 2020 kl. 08.00-10.40'],
		['a decision dated at a meeting', 'Sundhedsstyregruppen godkendte på deres møde d. 20. februar organiseringen.'],
		['a workshop date', 'Der vil være en opstartsworkshop 1. september 2020 inden implementering af indsatserne.'],
		['speed without a request', 'Silkeborg kommune ønsker at følge den nye aftale så hurtigt som muligt.'],
		['a "deadline" word without a date', 'Deadline for projektet er endnu ikke fastlagt.'],
		['a "frist" word without a date', 'Det er vigtigt, at vi overholder fristen.'],
		['a past nomination', 'Kommunerne meldte deltagere ind inden 1. juli 2020.'],
		['a perfect nomination', 'Kommunerne har meldt deltagere ind inden 1. juli 2020.'],
		['feedback already sent', 'Tilbagemeldingen blev sendt inden 1. juli 2020.'],
		['a deadline that was', 'Fristen for tilmelding var 1. juli 2020.'],
		['a deadline that ran out', 'Ansøgningsfristen udløb den 1. juli 2020.'],
		['an agreement ending', 'Sundhedsstyregruppen har besluttet at opsige lokalaftalen pr. 1. august 2020.'],
		['an invitation to the next meeting', 'Per inviteres med til næste styregruppemøde den 11. september 2020.'],
		['a postponed item', 'Punktet udsættes til næste møde.'],
		['a plan with "ultimo"', 'Ordningen evalueres første gang ultimo januar 2021.'],
		['a project that must finish', 'Projektet skal være afsluttet inden 1. oktober 2020.'],
		['a past deadline noun', 'Ansøgningen blev indsendt inden fristen den 1. juli.'],
		['a deadline noun inside a statement', 'Der er frist for ansøgning den 1. oktober 2020.'],
		['a decision made at an earlier meeting', 'Ved sidste møde den 12. juni blev det besluttet at fortsætte.'],
		['a funding period', 'Der er afsat midler frem til 1. oktober 2021.'],
		['the next meeting with a time', 'Styregruppen mødes næste gang den 3. december 2020 kl. 9-12.'],
		['an expectation', 'Sagen forventes afsluttet inden 1. oktober.'],
		['"kan indtil"', 'Kommunerne kan indtil 1. oktober søge om midler.'],
		['a report of an answer sent', 'Regionen har sendt svar inden 1. juli 2020.'],
		['a meeting in a week', 'Sekretariatet indkalder til møde i uge 34.']
	])('finds nothing in %s', (_, text) => {
		expect(detectDeadlines(text, JUNE_2020)).toEqual([]);
	});
});

describe('what a request asks and of whom', () => {
	it('reads a feedback request without an actor', () => {
		const request = one('Tilbagemelding til sekretariatet senest fredag den 14. august.');
		expect(request).toMatchObject({ kind: 'feedback', actor: null, everyone: false, sectors: [], optional: false });
		expect(request.action).toBe('Tilbagemelding til sekretariatet');
		expect(request.deadline.date).toBe('2020-08-14');
	});

	it('reads comments sent to a person as feedback', () => {
		const request = one('Kommentarer sendes til Jens Hansen senest 1. september 2023.', JUNE_2023);
		expect(request).toMatchObject({ kind: 'feedback', actor: null, action: 'Kommentarer sendes til Jens Hansen' });
		expect(request.deadline.date).toBe('2023-09-01');
	});

	it('reads a passive nomination without an actor', () => {
		const request = one('Deltagere meldes ind til sekretariatet inden 15/9.', JUNE_2023);
		expect(request).toMatchObject({
			kind: 'nomination',
			actor: null,
			action: 'Deltagere meldes ind til sekretariatet'
		});
		expect(request.deadline.date).toBe('2023-09-15');
	});

	it('reads "Organisationerne bedes udpege 2 repræsentanter" as everyone, two people, required', () => {
		const request = one('Organisationerne bedes udpege 2 repræsentanter inden udgangen af juni.', JUNE_2023);
		expect(request).toMatchObject({
			kind: 'nomination',
			actor: 'Organisationerne',
			everyone: true,
			sectors: [],
			count: 2,
			optional: false,
			action: 'udpege 2 repræsentanter'
		});
	});

	it('reads sectors from the actor', () => {
		expect(one('Almen praksis og psykiatrien bedes melde tilbage inden næste møde.', JUNE_2023)).toMatchObject({
			kind: 'feedback',
			actor: 'Almen praksis og psykiatrien',
			sectors: ['psykiatri', 'almen_praksis']
		});
		expect(one('Regionen bedes melde 1 deltager ind senest 1. juli 2020.').sectors).toEqual(['hospital', 'region']);
		expect(one('Kommuner/Øvrige bedes melde deltagere ind (senest 1. juli 2020).').sectors).toEqual([
			'kommune',
			'andet'
		]);
		expect(one('Tilbagemelding fra kommunerne senest 1. juli 2020.')).toMatchObject({
			actor: 'kommunerne',
			sectors: ['kommune']
		});
	});

	it('reads "alle organisationer" and "hver organisation" as everyone', () => {
		expect(one('Alle organisationer bedes svare senest 1. juli 2020.')).toMatchObject({ everyone: true, sectors: [] });
		expect(one('Hver organisation skal udpege én kontaktperson senest 1. juli 2020.')).toMatchObject({
			everyone: true,
			count: 1
		});
	});

	it.each([
		['Hver kommune kan udpege op til 2 personer senest 1. juli 2020.', 2],
		['Kommunerne bedes udpege to repræsentanter senest 1. juli 2020.', 2],
		['Kommunerne bedes melde 1-3 deltagere ind senest 1. juli 2020.', 3],
		['Kommunerne bedes melde deltagere ind senest 1. juli 2020.', null]
	])('counts the people in %j as %s', (text, count) => {
		expect(one(text).count).toBe(count);
	});

	it.each([
		['Såfremt man er interesseret, kan hver organisation melde 1 deltager ind senest 1. juli 2020.', true],
		['Hver kommune kan udpege op til 2 personer senest 1. juli 2020.', true],
		['Hvis I ønsker at deltage, meld jer ind senest 1. juli 2020.', true],
		['Kommunerne bedes melde deltagere ind senest 1. juli 2020.', false],
		['Kommunerne skal melde deltagere ind senest 1. juli 2020.', false],
		['Meld deltagere ind til sekretariatet senest 1. juli 2020.', false]
	])('reads %j as optional: %s', (text, optional) => {
		expect(one(text).optional).toBe(optional);
	});

	it.each([
		['Kommunerne bedes svare på spørgeskemaet senest 1. juli 2020.', 'answer'],
		['Svarfrist: 1. juli 2020.', 'answer'],
		['Kommunerne bedes melde tilbage senest 1. juli 2020.', 'feedback'],
		['Høringssvar sendes til sekretariatet senest 1. juli 2020.', 'feedback'],
		['Kommunerne bedes udfylde skemaet senest 1. juli 2020.', 'other'],
		['Fristen er 1. juli 2020.', 'other'],
		['Kommunerne bedes melde deltagere ind senest 1. juli 2020.', 'nomination']
	])('reads %j as a request of kind %s', (text, kind) => {
		expect(one(text).kind).toBe(kind);
	});

	it('reads each of two deadlines in one sentence with its own request', () => {
		const found = detectDeadlines(
			'Kommunerne bedes melde tilbage senest 1. juli, og regionen bedes svare senest 1. august.',
			JUNE_2020
		);
		expect(found.map((r) => [r.kind, r.actor, r.sectors, r.deadline.date])).toEqual([
			['feedback', 'Kommunerne', ['kommune'], '2020-07-01'],
			['answer', 'regionen', ['hospital', 'region'], '2020-08-01']
		]);
	});

	it('reads a deadline placed between subject and verb, or before both', () => {
		expect(one('Medlemmerne bedes senest fredag den 2. oktober 2020 give besked til sekretariatet.')).toMatchObject({
			kind: 'feedback',
			actor: 'Medlemmerne',
			action: 'give besked til sekretariatet'
		});
		expect(one('Senest den 1. juli bedes kommunerne udpege to repræsentanter til styregruppen.')).toMatchObject({
			kind: 'nomination',
			actor: 'kommunerne',
			count: 2,
			action: 'udpege to repræsentanter til styregruppen'
		});
		expect(one('Kommunerne bedes inden mødet den 5. oktober 2020 sende deres bemærkninger.')).toMatchObject({
			kind: 'feedback',
			actor: 'Kommunerne',
			deadline: { date: '2020-10-05', text: 'inden mødet den 5. oktober 2020' }
		});
	});

	it('takes the verb that governs a request noun into the action', () => {
		expect(one('Udvalget anmodes om at afgive høringssvar senest den 15. marts 2021.')).toMatchObject({
			kind: 'feedback',
			actor: 'Udvalget',
			action: 'afgive høringssvar'
		});
	});

	it('reads any infinitive after "bedes" as a request of kind other', () => {
		expect(one('HE Midt bedes inden 1. oktober 2020 udarbejde en plan.')).toMatchObject({
			kind: 'other',
			actor: 'HE Midt',
			sectors: ['hospital', 'region'],
			action: 'udarbejde en plan'
		});
	});

	it('reads a deadline that has been extended', () => {
		expect(one('Bemærk: fristen for tilmelding er forlænget til 15. september.')).toMatchObject({
			kind: 'nomination',
			deadline: { date: '2020-09-15' }
		});
	});

	it('ends an action that follows the deadline at the full stop', () => {
		expect(one('Senest 1. juli bedes regionen udpege 2 repræsentanter til punkt 5.').action).toBe(
			'udpege 2 repræsentanter til punkt 5'
		);
	});

	it('keeps an ordinal date inside the action', () => {
		expect(one('Tilmelding til konferencen den 3. november sker via linket senest den 1. oktober.').action).toBe(
			'Tilmelding til konferencen den 3. november sker via linket'
		);
	});

	it('names the deadline noun as the action when nothing else asks', () => {
		expect(one('Tidsfrist for høringssvar: 1. oktober 2020 kl. 12')).toMatchObject({
			kind: 'feedback',
			action: 'Tidsfrist for høringssvar',
			deadline: { date: '2020-10-01', time: '12:00' }
		});
	});

	it('joins a bare deadline sentence to the request just before it', () => {
		const request = one('Kommunerne bedes udpege to repræsentanter. Frist: 15.09.2023.', JUNE_2023);
		expect(request).toMatchObject({ kind: 'nomination', count: 2, actor: 'Kommunerne' });
		expect(request.sentence).toBe('Kommunerne bedes udpege to repræsentanter. Frist: 15.09.2023.');
		expect(request.deadline.text).toBe('Frist: 15.09.2023');
	});

	it('finds several requests in text order', () => {
		const text =
			'Kommunerne bedes melde tilbage senest 1. juli 2020. Mødet sluttede kl. 10. ' +
			'Regionen bedes udpege 1 repræsentant senest 1. august 2020.';
		expect(detectDeadlines(text, JUNE_2020).map((r) => [r.kind, r.deadline.date])).toEqual([
			['feedback', '2020-07-01'],
			['nomination', '2020-08-01']
		]);
	});
});

describe('text copied from PDFs and lists', () => {
	it('joins a phrase broken over lines and blank lines, and tolerates the typo "indt"', () => {
		const text =
			'Kommunerne bedes melde 1 deltager \nindt til sekretariatet senest den \n\n1. juli 2020 \n\nNæste punkt';
		const request = one(text);
		expect(request.sentence).toBe('Kommunerne bedes melde 1 deltager indt til sekretariatet senest den 1. juli 2020');
		expect(request.kind).toBe('nomination');
		expect(request.deadline.text).toBe('senest den 1. juli 2020');
	});

	it('joins a phrase across a page break and a page number', () => {
		const text = 'Organisationerne bedes udpege 2 repræsentanter senest den\n\f\nSide 2 af 5\n\n1. juli 2020.';
		expect(one(text).deadline.date).toBe('2020-07-01');
	});

	it('gives the offsets of the sentence in the original text', () => {
		const text =
			'Det blev besluttet:\n\n• at mødet flyttes\n• Kommunerne bedes melde tilbage \nsenest 1. juli 2020\n• at punktet tages op igen';
		const request = one(text);
		expect(request.sentence).toBe('Kommunerne bedes melde tilbage senest 1. juli 2020');
		expect(normaliseSpace(text.slice(request.start, request.end))).toBe(request.sentence);
	});

	it.each([['•'], ['o'], ['-'], ['–']])('reads bullets marked %j', (glyph) => {
		const text = `Det blev aftalt at\n${glyph} der holdes et møde\n${glyph} kommunerne melder tilbage senest 1. juli 2020\n`;
		expect(one(text).sentence).toBe('kommunerne melder tilbage senest 1. juli 2020');
	});

	it('carries the fora listed as sub-bullets before the request', () => {
		const text =
			'Det blev besluttet at:\n\n• Der skal nedsættes 3 fora \no Administrativ/økonomi \n o Faglig gruppe \no Strategisk (aftale niveau) \n\n \n' +
			'• kommuner melder deltagere ind til sekretariatet, hurtigst muligt og senest den \n\n1. juli 2020 \n';
		expect(one(text).fora).toEqual(['Administrativ/økonomi', 'Faglig gruppe', 'Strategisk (aftale niveau)']);
	});

	it('carries fora from indented "-" sub-bullets, as the app stores lists', () => {
		const text =
			'- Der skal nedsættes 2 arbejdsgrupper\n  - Data\n  - Kommunikation\n- Kommunerne bedes melde deltagere ind senest 1. juli 2020';
		expect(one(text).fora).toEqual(['Data', 'Kommunikation']);
	});

	it('carries fora listed inline after a colon', () => {
		const text =
			'Der nedsættes følgende grupper: Styregruppe, Faglig gruppe og Følgegruppe. Organisationerne bedes udpege 1 deltager til hver senest 1. juli 2020.';
		expect(one(text).fora).toEqual(['Styregruppe', 'Faglig gruppe', 'Følgegruppe']);
	});

	it('does not take the topics of a single working group for fora', () => {
		const text =
			'• at der skal nedsættes en arbejdsgruppe, som skal kigge på perspektiver \n' +
			'o Kan info i "Hvem er jeg" videreformidles på tværs af sektorer \no Hvordan kan vi arbejde sammen? \n' +
			'• Kommuner/Øvrige bedes melde deltagere til arbejdsgruppen ind til sekretariatet \n\n(senest 1. juli 2020) \n';
		const request = one(text);
		expect(request.fora).toEqual([]);
		expect(request.sentence).toBe(
			'Kommuner/Øvrige bedes melde deltagere til arbejdsgruppen ind til sekretariatet (senest 1. juli 2020)'
		);
	});
});
