import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeCalls, type ItemText } from './proposal';

const CONTEXT = { meetingDate: '2020-06-12', nextMeetingDate: '2020-09-11' };

const item2: ItemText = {
	title: 'Viden og forskning i Midtklyngen',
	recommendation: 'At klyngestyregruppen godkender forslag om samarbejde med Niels Overby.',
	background: 'Formandsskabet vil derfor gerne invitere Niels til fremover at deltage i klyngestyregruppemøderne.',
	minutes:
		'Det blev aftalt at\n\n- Niels Overby inviteres med til næste Styregruppemøde i Midtklyngen den 11. september 2020.\n' +
		'- Såfremt man er interesseret i at deltage, kan hver organisation melde 1 deltager indt til sekretariatet (svarfrist 1. juli 2020)',
	decisions: [
		'Niels Overby inviteres med til næste Styregruppemøde i Midtklyngen den 11. september 2020.',
		'Såfremt man er interesseret i at deltage, kan hver organisation melde 1 deltager indt til sekretariatet (svarfrist 1. juli 2020)'
	]
};

const item5: ItemText = {
	title: 'Demensvenlig klynge (kl. 09.05-09.20) v/Mette Fjord Nielsen',
	recommendation: '- at orienteringen tages til efterretning',
	background: 'Tre sygehusafdelinger blev i 2017 udpeget til en forsøgsordning.',
	minutes: '',
	decisions: [
		'at der skal nedsættes en arbejdsgruppe, som skal kigge på perspektiver\n  - Kan info i "Hvem er jeg" videreformidles på tværs af sektorer\n  - Hvordan kan vi arbejde sammen om at undgå indlæggelser',
		'Kommuner/Øvrige bedes melde deltagere til arbejdsgruppen ind til sekretariatet (senest 1. juli 2020)'
	]
};

const item7: ItemText = {
	title: 'Orientering omkring IV-samarbejdsaftalen',
	recommendation: 'At klyngestyregruppen beslutter om der skal nedsættes en implementeringsgruppe.',
	background: '',
	minutes: 'Den nye IV samarbejdsaftale blev drøftet.',
	decisions: [
		'Der skal nedsættes 3 fora\n  - Administrativ/økonomi\n  - Faglig gruppe\n  - Strategisk (aftale niveau)',
		'kommuner melder deltagere ind til sekretariatet, hurtigst muligt og senest den 1. juli 2020'
	]
};

describe('nomination calls proposed from an agenda item', () => {
	it('proposes item 2 as an optional call to every organisation, one person, forum named after the item', () => {
		expect(proposeCalls(item2, CONTEXT)).toEqual([
			{
				title: 'Deltagere: Viden og forskning i Midtklyngen',
				description:
					'Såfremt man er interesseret i at deltage, kan hver organisation melde 1 deltager indt til sekretariatet (svarfrist 1. juli 2020)\n\nFra punktet »Viden og forskning i Midtklyngen«.',
				everyone: true,
				sectors: [],
				quota: 1,
				fora: ['Viden og forskning i Midtklyngen'],
				required: false,
				deadline: { date: '2020-07-01', urgent: false, text: 'svarfrist 1. juli 2020' },
				source:
					'Såfremt man er interesseret i at deltage, kan hver organisation melde 1 deltager indt til sekretariatet (svarfrist 1. juli 2020)'
			}
		]);
	});

	it('proposes item 5 for municipalities and others, to the working group it names', () => {
		const [call, ...rest] = proposeCalls(item5, CONTEXT);
		expect(rest).toEqual([]);
		expect(call).toMatchObject({
			title: 'Deltagere til arbejdsgruppen',
			everyone: false,
			sectors: ['kommune', 'andet'],
			quota: 1,
			fora: ['Arbejdsgruppen'],
			required: true,
			deadline: { date: '2020-07-01', urgent: false }
		});
		expect(call.description).toContain('»Demensvenlig klynge«');
	});

	it('proposes item 7 with the three fora from the decision before it, urgent', () => {
		expect(proposeCalls(item7, CONTEXT)).toEqual([
			expect.objectContaining({
				title: 'Deltagere til 3 fora',
				everyone: false,
				sectors: ['kommune'],
				quota: 1,
				fora: ['Administrativ/økonomi', 'Faglig gruppe', 'Strategisk (aftale niveau)'],
				required: true,
				deadline: { date: '2020-07-01', urgent: true, text: 'hurtigst muligt og senest den 1. juli 2020' }
			})
		]);
		// The bullet "kommuner melder …" opens the purpose as a sentence of its own.
		expect(proposeCalls(item7, CONTEXT)[0].description).toMatch(/^Kommuner melder deltagere ind/);
	});

	it('proposes a request repeated in the minutes and the decisions once', () => {
		expect(proposeCalls(item2, CONTEXT)).toHaveLength(1);
	});

	it('proposes nothing for requests that do not name people', () => {
		const item: ItemText = {
			title: 'Høring',
			recommendation: '',
			background: '',
			minutes: 'Kommunerne bedes sende kommentarer til sekretariatet senest 1. august 2020.',
			decisions: []
		};
		expect(proposeCalls(item, CONTEXT)).toEqual([]);
	});

	it('uses the count as quota and keeps several calls in text order', () => {
		const item: ItemText = {
			title: 'Nye grupper',
			recommendation: '',
			background: '',
			minutes:
				'Regionen bedes udpege to repræsentanter til styregruppen senest 1. august 2020. ' +
				'Organisationerne kan melde op til 3 deltagere ind til netværket inden 1. september 2020.',
			decisions: []
		};
		expect(
			proposeCalls(item, CONTEXT).map((c) => [c.title, c.quota, c.fora, c.everyone, c.sectors, c.required])
		).toEqual([
			['Deltagere til styregruppen', 2, ['Styregruppen'], false, ['hospital', 'region'], true],
			['Deltagere til netværket', 3, ['Netværket'], true, [], false]
		]);
	});

	it('proposes exactly the three seed calls from the demo meeting, and nothing from its other items', () => {
		const demo = JSON.parse(
			readFileSync(new URL('../../../scripts/demo/midtklyngen.json', import.meta.url), 'utf8')
		) as { meeting: { items: (ItemText & { position: number })[] } };
		const proposals = demo.meeting.items.flatMap((item) =>
			proposeCalls(item, CONTEXT).map((call) => [item.position, call.fora.length, call.deadline.date])
		);
		expect(proposals).toEqual([
			[2, 1, '2020-07-01'],
			[5, 1, '2020-07-01'],
			[7, 3, '2020-07-01']
		]);
	});
});
