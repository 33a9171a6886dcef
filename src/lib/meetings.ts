// Shapes of the meeting data the pages render (shared by server loads and components).

export interface MeetingSummary {
	id: string;
	title: string;
	starts: string;
	ends: string;
	status: string;
	groupName: string;
	place: string;
}

export interface Person {
	id: string;
	name: string;
	title: string;
	department: string;
	role: string;
}

export interface OrganizationBlock {
	organization: string;
	people: Person[];
}

export interface AgendaItemSummary {
	id: string;
	position: number;
	title: string;
	starts: string;
	ends: string;
	presenter: string;
	kind: string;
}
