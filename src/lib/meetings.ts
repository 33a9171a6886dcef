// Shapes of the meeting data the pages render (shared by server loads and components), picked from
// the generated record types.
import type {
	AgendaItemsRecord,
	AttendanceStatusOptions,
	IsoDateString,
	MeetingsRecord,
	MembershipsRecord,
	MembershipsRoleOptions,
	OrganizationsRecord,
	UsersRecord
} from '$lib/pocketbase-types';

export interface MeetingSummary extends Pick<MeetingsRecord, 'id' | 'title' | 'starts' | 'ends' | 'status'> {
	groupName: string;
	place: string;
	/** The signed-in user's attendance answer, or null. */
	myAnswer: MyAnswer | null;
	/** Whether members may still answer, and whether this user answers (guests do not). */
	open: boolean;
	canAnswer: boolean;
	/** Whether the user leads the meeting's group (secretariat, chair): they see its attendance overview. */
	leads: boolean;
	attendanceDeadline: IsoDateString;
}

/** A member's own answer as the pages show it back. */
export interface MyAnswer {
	status: AttendanceStatusOptions;
	/** The answer in full: "Afbud med suppleant: Jens Hansen", "Deltager kl. 9.00–9.45". */
	text: string;
	note: string;
}

export interface Person extends Pick<UsersRecord, 'id' | 'name' | 'title' | 'department'> {
	role: MembershipsRoleOptions;
}

export interface OrganizationBlock {
	organization: string;
	people: Person[];
}

export type AgendaItemSummary = Pick<
	AgendaItemsRecord,
	'id' | 'position' | 'title' | 'starts' | 'ends' | 'presenter' | 'kind'
>;

const SECTOR_ORDER = ['hospital', 'psykiatri', 'kommune', 'almen_praksis', 'region', 'andet'];
const ROLE_ORDER = ['chair', 'co_chair', 'member', 'observer', 'secretariat', 'guest'];

/** A membership as the participant lists read it: the member with their organisation. */
export type MembershipRecord = Pick<MembershipsRecord, 'id' | 'role' | 'created'> &
	Partial<Pick<MembershipsRecord, 'position'>> & {
		expand?: {
			user?: Pick<UsersRecord, 'id' | 'name' | 'title' | 'department'> & {
				expand?: { organization?: Pick<OrganizationsRecord, 'name' | 'sector'> };
			};
		};
	};

/** Participants by organisation, in the order the minutes use: hospital, psychiatry, municipalities, GPs. */
export function groupByOrganization(memberships: MembershipRecord[]): OrganizationBlock[] {
	const blocks = new Map<string, { sector: string; people: (Person & { position: number; created: string })[] }>();
	for (const m of memberships) {
		const user = m.expand?.user;
		if (!user) continue;
		const org = user.expand?.organization;
		const name = org?.name ?? '';
		const block = blocks.get(name) ?? { sector: org?.sector ?? 'andet', people: [] };
		block.people.push({
			id: user.id,
			name: user.name,
			title: user.title,
			department: user.department,
			role: m.role,
			// Unnumbered members come after the numbered ones.
			position: m.position || Number.MAX_SAFE_INTEGER,
			created: m.created
		});
		blocks.set(name, block);
	}
	return [...blocks.entries()]
		.sort(
			([a, x], [b, y]) => SECTOR_ORDER.indexOf(x.sector) - SECTOR_ORDER.indexOf(y.sector) || a.localeCompare(b, 'da')
		)
		.map(([organization, block]) => ({
			organization,
			people: block.people
				.sort(
					(a, b) =>
						a.position - b.position ||
						ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
						a.created.localeCompare(b.created)
				)
				.map(({ created: _created, position: _position, ...person }) => person)
		}));
}

/**
 * The name to show for a stored attachment: PocketBase appends "_" and ten random characters to
 * every uploaded file name ("oplaeg_2f0c8a1b3d.pdf" → "oplaeg.pdf").
 */
export function attachmentLabel(storedName: string): string {
	return storedName.replace(/_[a-z0-9]{10}(\.[^./]+)?$/i, '$1');
}
