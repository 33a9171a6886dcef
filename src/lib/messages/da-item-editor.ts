// One agenda item's editor (/moeder/<id>/rediger/<punkt>): its texts, toolbar, preview and
// attachments. A catalogue module of its own so that it travels only with the editor's page.

const number = (n: number) => n.toLocaleString('da-DK');

export const itemEditor = {
	title: (position: number) => `Rediger punkt ${position}`,
	backToAgenda: 'Tilbage til dagsordenen',
	itemPage: 'Se punktet som medlemmerne ser det',
	texts: 'Punktets tekster',
	fields: {
		title: 'Titel',
		kind: 'Type',
		kindNone: 'Ingen type',
		duration: 'Varighed i minutter',
		durationHint:
			'Tidspunktet regnes ud fra mødets start. Tomt: punktet får intet tidspunkt (fx skriftlig orientering).',
		presenter: 'Oplægsholder',
		presenterHint: 'Vises som “v/ …”.',
		recommendation: 'Indstilling',
		background: 'Sagsfremstilling',
		textHint:
			'Skriv “- ” for punktliste, “1. ” for nummereret liste, “## ” for mellemrubrik, **fed** og [tekst](https://…) for links.'
	},
	kinds: {
		decision: 'Beslutning',
		discussion: 'Drøftelse',
		orientation: 'Orientering',
		written: 'Skriftlig orientering'
	} as Record<string, string>,
	toolbar: {
		label: (field: string) => `Formatering af ${field.toLowerCase()}`,
		bullets: 'Punktliste',
		numbered: 'Nummereret liste',
		bold: 'Fed',
		link: 'Link',
		linkText: 'tekst',
		preview: 'Vis forhåndsvisning',
		hidePreview: 'Skjul forhåndsvisning',
		previewOf: (field: string) => `Forhåndsvisning af ${field.toLowerCase()}`,
		empty: 'Intet at vise endnu.'
	},
	save: 'Gem punktet',
	saved: 'Punktet er gemt.',
	attachments: {
		heading: 'Bilag',
		none: 'Punktet har ingen bilag endnu.',
		file: 'Vælg fil',
		fileHint: 'PDF eller Office-fil (pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp), højst 20 MB.',
		title: 'Titel på bilaget',
		titleHint: 'Tomt: filens navn bruges.',
		upload: 'Upload bilag',
		uploading: (name: string) => `Uploader ${name}`,
		progress: (percent: number) => `${percent} % sendt`,
		uploaded: (title: string) => `Bilaget ‘${title}’ er uploadet.`,
		rename: 'Omdøb',
		renameLabel: (title: string) => `Ny titel på ${title}`,
		saveTitle: 'Gem titel',
		renamed: (title: string) => `Bilaget hedder nu ‘${title}’.`,
		remove: 'Fjern',
		removeLabel: (title: string) => `Fjern ${title}`,
		confirmRemove: (title: string) => `Fjern bilaget ‘${title}’ fra punktet?`,
		confirm: 'Ja, fjern bilaget',
		cancel: 'Fortryd',
		removed: (title: string) => `Bilaget ‘${title}’ er fjernet.`
	},
	errors: {
		titleRequired: 'Skriv en titel på punktet.',
		tooLong: (label: string, max: number, length: number) =>
			`${label} må højst være ${number(max)} tegn (nu ${number(length)}).`,
		kind: 'Vælg en af typerne.',
		duration: 'Skriv varigheden som et helt antal minutter mellem 1 og 1.440, eller lad feltet stå tomt.',
		invalid: 'Tjek feltet.',
		notSaved: 'Punktet kunne ikke gemmes. Prøv igen.',
		fileRequired: 'Vælg en fil.',
		fileType: 'Kun PDF- og Office-filer kan vedhæftes (pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp).',
		fileForged: (name: string) => `Filen ‘${name}’ er ikke den slags fil, som endelsen siger.`,
		fileTooLarge: (name: string) => `Filen ‘${name}’ fylder mere end 20 MB, som er det største, et bilag må fylde.`,
		requestTooLarge: 'Filen fylder mere end 20 MB, som er det største, et bilag må fylde.',
		tooManyFiles: 'Et punkt kan højst have 20 bilag. Fjern et bilag først.',
		attachmentTitle: 'En titel må højst være 200 tegn.',
		uploadFailed: 'Bilaget kunne ikke uploades. Prøv igen.',
		fileGone: 'Bilaget findes ikke længere på punktet.'
	}
};
