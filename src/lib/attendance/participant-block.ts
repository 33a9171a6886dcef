// The participant block of the minutes, in the seed minutes' own format: Mødedeltagere grouped by
// organisation with titles and notes ("(medformand)", "(suppleant for …)", "(indtil kl. 9.45)"),
// Gæster, and Afbud with organisation.
import { groupByOrganization, type MembershipRecord } from '$lib/meetings';
import { t } from '$lib/messages';
import { partialNote, type AnswerRecord } from './answers';

export interface BlockGuest {
	name: string;
	title: string;
	organization: string;
}

// Only the chairs' roles are noted in the minutes.
const NOTED_ROLES = ['chair', 'co_chair'];

const line = (title: string, name: string, department: string, notes: string[]) =>
	[
		`${[title, name].filter(Boolean).join(' ')}${department ? `, ${department}` : ''}`,
		notes.length ? `(${notes.join(', ')})` : ''
	]
		.filter(Boolean)
		.join(' ');

/** Who attended, by organisation (each line as the minutes write it), and who sent apologies. */
export interface Attendees {
	present: { organization: string; lines: string[] }[];
	absent: string[];
}

/**
 * @param memberships the group's members, with user and organisation expanded
 * @param answers the meeting's answers (members who have not answered are left out)
 */
export function attendees(memberships: MembershipRecord[], answers: AnswerRecord[]): Attendees {
	const byUser = new Map(answers.map((a) => [a.user, a]));
	const present: Attendees['present'] = [];
	const absent: string[] = [];
	for (const block of groupByOrganization(memberships)) {
		const lines: string[] = [];
		for (const person of block.people) {
			const answer = byUser.get(person.id);
			if (!answer) continue;
			const role = NOTED_ROLES.includes(person.role) ? t.roles[person.role] : '';
			if (answer.status === 'attending' || answer.status === 'partial') {
				const notes = [role, answer.status === 'partial' ? partialNote(answer.arrives, answer.leaves) : ''].filter(
					(n): n is string => !!n
				);
				lines.push(line(person.title, person.name, person.department, notes));
			} else {
				if (answer.status === 'substitute' && answer.substitute_name) {
					lines.push(line(answer.substitute_title, answer.substitute_name, '', [t.block.substituteFor(person.name)]));
				}
				absent.push(
					`${[person.title, person.name].filter(Boolean).join(' ')}, ${person.department || block.organization}`
				);
			}
		}
		if (lines.length) present.push({ organization: block.organization, lines });
	}
	return { present, absent };
}

/** A guest as the minutes write one: "Projektleder, Signe Brandt". */
export const guestLine = (g: BlockGuest) =>
	[[g.title, g.name].filter(Boolean).join(', '), g.organization].filter(Boolean).join(', ');

/** The participant block as text, ready to paste into the minutes. */
export function participantBlock(
	memberships: MembershipRecord[],
	answers: AnswerRecord[],
	guests: BlockGuest[]
): string {
	const { present, absent } = attendees(memberships, answers);
	const sections = [
		`${t.block.participants}\n${present.map((b) => [b.organization, ...b.lines].join('\n')).join('\n\n')}`
	];
	if (guests.length) sections.push(`${t.block.guests}\n${guests.map(guestLine).join('\n')}`);
	if (absent.length) sections.push(`${t.block.absent}\n${absent.join('\n')}`);
	return sections.join('\n\n');
}
