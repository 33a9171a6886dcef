// Messages of the agenda and minutes import: a catalogue module of its own, so that these texts
// travel only with the import screen, not with every route as `t` does.

export const importMessages = {
	empty: 'Indsæt teksten fra en dagsorden eller et referat.',
	tooLong: 'Teksten er for lang (højst 1 MB). Indsæt kun dagsordenen eller referatet.',
	notAgenda:
		'Teksten ligner ikke en dagsorden eller et referat: der er hverken en overskrift som "Dagsorden" eller "Referat" eller nummererede punkter.'
};
