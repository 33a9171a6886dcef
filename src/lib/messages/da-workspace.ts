// The secretariat's workspace: the texts of its entry points (links on the meeting list and the
// meeting page) and of the history view. A catalogue module of its own so that it travels only with
// the pages that show it, not with every route as `t` does. Each workspace page has its own module
// beside this one (da-members.ts, da-editor.ts, da-item-editor.ts, da-minutes.ts, da-import.ts).

export const workspace = {
	heading: 'Sekretariatet',
	newMeeting: 'Nyt møde',
	importAgenda: 'Importér dagsorden eller referat',
	members: (group: string) => `Medlemmer af ${group}`,
	editAgenda: 'Rediger møde og dagsorden',
	editMinutes: 'Skriv referat',
	history: 'Historik',
	print: 'Udskriv',
	printAgenda: 'Udskriv dagsorden',
	printMinutes: 'Udskriv referat',
	draftNotice: 'Kladde: kun sekretariatet kan se mødet.',
	draftSharedNotice: 'Kladde: kun sekretariatet og formandskabet kan se mødet.'
};
