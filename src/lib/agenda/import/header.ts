// The header of an agenda or minutes in the seed's layout: "REFERAT: …", then labelled fields
// ("Tidspunkt:", "Sted:", "Mødedeltagere:" …) whose values run on over the following lines.
import { findDanishDate, readSlot } from './text';
import type { ImportedApology, ImportedOrganisation, ImportedPerson } from './types';

export interface HeaderFields {
	kind: 'agenda' | 'minutes' | null;
	title: string;
	fields: Map<string, string[]>;
	leftovers: string[];
}

const LABELS: Record<string, string> = {
	tidspunkt: 'time',
	dato: 'minutesDate',
	sted: 'location',
	forplejning: 'catering',
	mødeleder: 'chair',
	referenter: 'minuteTakers',
	referent: 'minuteTakers',
	mødedeltagere: 'participants',
	deltagere: 'participants',
	gæster: 'guests',
	afbud: 'apologies'
};

const LABEL =
	/^\s*(tidspunkt|dato|sted|forplejning|mødeleder|referenter|referent|mødedeltagere|deltagere|gæster|afbud)\s*:\s*(.*)$/iu;
/** "REFERAT: Klyngestyregruppemøde", "DAGSORDEN", "Dagsorden for …", "Referat af …". */
export const HEADING = /^\s*(referat|dagsorden)(?:\s*:\s*|\s+(?:for|af|til)\s+|\s*$)(.*)$/iu;

export function readHeaderFields(lines: string[]): HeaderFields {
	const header: HeaderFields = { kind: null, title: '', fields: new Map(), leftovers: [] };
	let current: string | null = null;
	let previous: string | null = null;
	for (const line of lines) {
		if (line.trim() === '') {
			// Blank lines separate the organisations in the participant list.
			if (current !== null) header.fields.get(current)!.push('');
			continue;
		}
		const heading = HEADING.exec(line);
		if (heading && current === null && header.kind === null) {
			header.kind = heading[1].toLowerCase() === 'referat' ? 'minutes' : 'agenda';
			header.title = heading[2].trim();
			continue;
		}
		// A standalone "REFERAT" or "DAGSORDEN" before the items ends the header.
		if (heading && heading[2].trim() === '') continue;
		const label = LABEL.exec(line);
		if (label) {
			previous = current;
			current = LABELS[label[1].toLowerCase()];
			header.fields.set(current, [...(header.fields.get(current) ?? []), label[2]]);
			continue;
		}
		if (current === null) {
			if (header.title === '' && header.kind !== null) header.title = line.trim();
			else header.leftovers.push(line.trim());
			continue;
		}
		// A date field does not run on: in the seed the PDF put the second guest after "Dato:".
		const target = current === 'minutesDate' && previous ? previous : current;
		const values = header.fields.get(target) ?? [];
		header.fields.set(target, [...values, line]);
	}
	return header;
}

export function readTime(values: string[] | undefined, year?: number) {
	const text = (values ?? []).join(' ');
	return { date: findDanishDate(text, year), slot: readSlot(text) };
}

/** "Mødelokale 22, Indgang C, Etage 4, Heibergs Alle 4F, 8800 Viborg, Regionshospitalet Viborg, jf. vedlagte kort". */
export function readLocation(values: string[] | undefined): { room: string; address: string; note: string } {
	const parts = (values ?? [])
		.join(' ')
		.split(',')
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter((p) => p !== '');
	const postcode = parts.findIndex((p) => /^\d{4}\s+\p{L}/u.test(p));
	if (postcode < 1) return { room: parts.join(', '), address: '', note: '' };
	return {
		room: parts.slice(0, postcode - 1).join(', '),
		address: parts.slice(postcode - 1, postcode + 1).join(', '),
		note: parts.slice(postcode + 1).join(', ')
	};
}

const TITLE_WORD =
	/(?:chef|direktør|sygeplejerske|konsulent|leder|koordinator|overlæge|fuldmægtig|medarbejder|formand|sekretær|læge)$/iu;

function looksLikeName(text: string): boolean {
	const words = text.trim().split(/\s+/);
	return (
		words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}[\p{L}.'-]*$/u.test(w) && !TITLE_WORD.test(w))
	);
}

/** "Oversygeplejerske Anne Dorthe Bjerrum, Medicinsk Afdeling (note)" → title, name, department, note. */
export function readPerson(line: string): ImportedPerson {
	let text = line.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
	let note = '';
	const bracket = /\s*\(([^)]*)\)\s*$/u.exec(text);
	if (bracket) {
		note = bracket[1].trim();
		text = text.slice(0, bracket.index).trim();
	}
	const parts = text.split(/\s*,\s*/u);
	const [first, ...rest] = parts;
	const words = first.split(' ');
	let cut = words.length;
	while (cut > 1 && /^\p{Lu}/u.test(words[cut - 1]) && !TITLE_WORD.test(words[cut - 1])) cut--;
	// "Praksiskonsulent, PLO-M, Jonas Hald": no name in the first part, the last part is the name.
	if (cut === words.length && parts.length > 1 && looksLikeName(parts[parts.length - 1])) {
		return { name: parts[parts.length - 1], title: parts.slice(0, -1).join(', '), department: '', note };
	}
	if (cut === words.length) return { name: first, title: '', department: rest.join(', '), note };
	return { name: words.slice(cut).join(' '), title: words.slice(0, cut).join(' '), department: rest.join(', '), note };
}

/** Organisation headings start a block (the label's own line, or after a blank line). */
export function readParticipants(values: string[] | undefined): ImportedOrganisation[] {
	const groups: ImportedOrganisation[] = [];
	let startBlock = true;
	for (const value of values ?? []) {
		if (value.trim() === '') {
			startBlock = true;
			continue;
		}
		if (startBlock) {
			groups.push({ organisation: value.trim(), people: [] });
			startBlock = false;
		} else groups[groups.length - 1].people.push(readPerson(value));
	}
	return groups;
}

export function readPeople(values: string[] | undefined): ImportedPerson[] {
	return (values ?? []).filter((v) => v.trim() !== '').map(readPerson);
}

/** "Pleje- og visitationschef Lars Olesen, Skive Kommune": the part after the comma is the organisation. */
export function readApologies(values: string[] | undefined): ImportedApology[] {
	return readPeople(values).map((p) => ({ name: p.name, title: p.title, organisation: p.department }));
}

/** "Helena Rahbek Pedersen og Katrine Gimm" → two names. */
export function readNames(values: string[] | undefined): string[] {
	return (values ?? [])
		.join(' ')
		.split(/\s*(?:,|\bog\b)\s*/u)
		.map((n) => n.replace(/\s+/g, ' ').trim())
		.filter((n) => n !== '');
}
