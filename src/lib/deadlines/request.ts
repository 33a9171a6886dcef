// What a sentence asks someone to do: the action verb (and its kind), who is asked, how many
// people, and whether it is optional. Only present, infinitive, imperative and "-es" passive forms
// count ("melder", "melde", "meld", "meldes"): past forms ("meldte", "blev meldt") describe
// what has happened, not a request.
import type { DetectedRequest, Sector } from './types';

export type Kind = DetectedRequest['kind'];

const B = '(?<!\\p{L})';
const E = '(?!\\p{L})';
const word = (pattern: string) => new RegExp(`${B}(?:${pattern})${E}`, 'giu');

/** People being named: "deltager(e)", "repræsentant(er)", "person(er)", "kandidat(er)" … */
const PEOPLE =
	'(?:deltager|repræsentant|person|kandidat|medlem|medarbejder|navn|tovholder|kontaktperson)(?:e|er|r|mer|ne|erne)?';
const PEOPLE_RE = new RegExp(`${B}${PEOPLE}${E}`, 'iu');

interface ActionPattern {
	kind: Kind;
	pattern: RegExp;
	/** Only when these words follow within the clause (e.g. "melde … ind" vs "melde tilbage"). */
	needs?: RegExp;
}

/** Verbs and request nouns, in order of preference when a sentence has several. */
const ACTIONS: ActionPattern[] = [
	{ kind: 'feedback', pattern: word('(?:melde|melder|meldes|meld)\\s+tilbage') },
	{
		kind: 'nomination',
		pattern: word('(?:ind)?(?:melde|melder|meldes|meld)'),
		needs: new RegExp(`${B}${PEOPLE}${E}|${B}indt?${E}(?!\\s+med\\s)`, 'iu')
	},
	{
		kind: 'nomination',
		pattern: word('udpege|udpeger|udpeges|udpeg|udnævne|udnævnes|indstille|indstilles|pege\\s+på|peger\\s+på'),
		needs: PEOPLE_RE
	},
	{
		kind: 'nomination',
		pattern: word('tilmelde|tilmelder|tilmeldes|tilmeld|tilmelding(?:en|er)?|indmelding(?:en|er)?')
	},
	{
		kind: 'nomination',
		pattern: word(`(?:sende|sendes|send|give|finde|byde\\s+ind\\s+med)\\s+(?:\\p{L}+\\s+){0,2}${PEOPLE}`)
	},
	{ kind: 'feedback', pattern: word('(?:melde|melder|meldes|meld|byde|byder)\\s+ind\\s+med') },
	{ kind: 'answer', pattern: word('besvare|besvares|besvar|svare|svarer|svar(?:et)?|svarfrist(?:en)?') },
	{
		kind: 'feedback',
		pattern: word(
			'tilbagemelding(?:en|er)?|kommentarer|kommentere|kommenteres|bemærkninger|input|feedback|høringssvar|høringsfrist(?:en)?|give\\s+besked|forslag'
		)
	},
	{
		kind: 'other',
		pattern: word(
			'sende|sender|sendes|send|indsende|indsender|indsendes|indsend|fremsende|fremsender|fremsendes|aflevere|afleverer|afleveres|returnere|returnerer|returneres|udfylde|udfylder|udfyldes|udfyld|godkende|godkender|godkendes|ansøge|ansøges|søge\\s+om|levere|leveres|bidrage\\s+med|oplyse|oplyses|indberette|indberettes|registrere|registreres|uploade|uploades|tage\\s+stilling|byde\\s+ind|ansøgningsfrist(?:en)?'
		)
	},
	{
		// Any infinitive after "bedes", "anmodes om at", "opfordres til at": "HE Midt bedes udarbejde en plan".
		kind: 'other',
		pattern:
			/(?<=(?<!\p{L})(?:bedes|anmodes\s+om\s+at|opfordres\s+til\s+at)\s+(?:venligst\s+|gerne\s+|hver\s+især\s+)?)(?!være(?!\p{L}))\p{L}{2,}e(?!\p{L})/giu
	}
];

/** "har/havde/blev/er blevet" right before a verb turns it into a report of the past. */
const PAST_BEFORE = /(?<!\p{L})(?:har|havde|blev|er\s+blevet|var)\s+(?:\p{L}+\s+)?$/iu;

export interface FoundAction {
	kind: Kind;
	start: number;
	end: number;
}

/** The request verb or noun the sentence hangs on, or null when it asks for nothing we know. */
export function findAction(sentence: string): FoundAction | null {
	for (const action of ACTIONS) {
		for (const match of sentence.matchAll(action.pattern)) {
			const clauseRest = clauseAfter(sentence, match.index + match[0].length);
			if (action.needs && !action.needs.test(clauseRest)) continue;
			if (PAST_BEFORE.test(sentence.slice(Math.max(0, match.index - 30), match.index))) continue;
			const verb = NOUN_ACTION.test(match[0]) ? VERB_BEFORE_NOUN.exec(sentence.slice(0, match.index)) : null;
			const start = verb ? match.index - verb[0].length + verb[0].indexOf(verb[1]) : match.index;
			return { kind: action.kind, start, end: match.index + match[0].length };
		}
	}
	return null;
}

/** Request nouns, which a verb before them may govern ("afgive høringssvar", "komme med forslag"). */
const NOUN_ACTION =
	/^(?:tilbagemelding|kommentarer|bemærkninger|input|feedback|høringssvar|forslag|svar(?:et)?$|tilmelding|indmelding|\p{L}*frist)/iu;
/** "… at afgive ", "… bedes komme med ": an infinitive after "at" or a modal, right before a noun. */
const VERB_BEFORE_NOUN = new RegExp(
	`${B}(?:at|bedes|skal|kan|må|bør)\\s+(\\p{L}+e(?:\\s+(?:med|en|et|jeres|deres|sin|sit|sine))?)\\s+$`,
	'iu'
);

/** Text from `from` to the end of its clause (a comma, semicolon, bracket or sentence end). */
function clauseAfter(sentence: string, from: number): string {
	const rest = sentence.slice(from);
	const stop = rest.search(/[,;()]|(?<!\d)[.!?]\s|[.!?]$/u);
	return stop === -1 ? rest : rest.slice(0, stop);
}

/**
 * The verb phrase: from the action word to the end of its clause, without the deadline phrase and
 * the urgency words joined to it ("melde 1 deltager ind til sekretariatet").
 */
export function actionPhrase(sentence: string, action: FoundAction, deadline: { start: number; end: number }): string {
	const deadlineStart = deadline.start;
	// "Høringsfristen er den 1. november", "Frist for tilmelding: …": the noun is the action.
	if (action.start >= deadline.start && action.start < deadline.end) {
		return sentence
			.slice(action.start, action.end)
			.replace(/(?:\s+(?:er|udløber))?\s*[:–-]?$/iu, '')
			.trim();
	}
	let start = action.start;
	// A passive keeps what it is about: "Deltagere meldes ind", "Svar sendes til …".
	if (isPassive(sentence, action)) {
		const clause = clauseBefore(sentence, action.start);
		if (/^\S+(?:\s+\S+){0,2}$/u.test(clause.text)) start = clause.start;
	}
	let end = sentence.length;
	const stop = sentence.slice(action.end).search(/[;()]|[,:]\s|(?<!\d)[.!?]\s|[.!?]$/u);
	if (stop !== -1) end = action.end + stop;
	if (deadlineStart > action.start && deadlineStart < end) end = deadlineStart;
	return sentence
		.slice(start, end)
		.replace(/(?:[\s,:–-]+|\s+(?:og|eller|med|til|på|inden|senest|dog)(?!\p{L}))+$/iu, '')
		.replace(/\s+/gu, ' ')
		.trim();
}

const MODALS =
	'(?:bedes|skal|kan|må|bør|opfordres\\s+til\\s+at|anmodes\\s+om\\s+at|inviteres\\s+til\\s+at|har\\s+mulighed\\s+for\\s+at)';
const LEADING_FILLER = /^(?:(?:at|og|men|så|derfor|samt|hvor|der|herefter|desuden)\s+)+/iu;

/**
 * Who is asked: the subject before the verb ("Kommuner/Øvrige bedes melde"), the subject after an
 * inverted modal ("kan hver organisation melde"), or "fra X" after a request noun
 * ("Tilbagemelding fra kommunerne"). Null for passives ("Deltagere meldes ind").
 */
function isPassive(sentence: string, action: FoundAction): boolean {
	return /es$/iu.test(sentence.slice(action.start, action.end).split(/\s/u)[0]);
}

/** The words of the clause before `at`, after any "at", "og", "så" … that introduce it. */
function clauseBefore(sentence: string, at: number): { start: number; text: string } {
	const before = sentence.slice(0, at);
	let clauseStart = 0;
	for (const end of before.matchAll(/[,;:(]|[.!?]\s/gu)) clauseStart = end.index + end[0].length;
	const raw = before.slice(clauseStart);
	const text = raw.trimStart().replace(LEADING_FILLER, '');
	return { start: clauseStart + raw.length - text.length, text: text.trimEnd() };
}

/** Words between a modal and its verb that are not part of the subject. */
const ADVERBS =
	/(?<!\p{L})(?:hver\s+især|hver\s+for\s+sig|gerne|venligst|derfor|også|snarest(?:\s+muligt)?|hurtigst\s+muligt|straks|allerede)(?!\p{L})/giu;

export function findActor(sentence: string, action: FoundAction): string | null {
	const clause = clauseBefore(sentence, action.start).text.replace(ADVERBS, ' ').replace(/\s+/gu, ' ').trim();
	const inverted = new RegExp(`^${MODALS}\\s+(.+?)\\s*$`, 'iu').exec(clause);
	if (inverted) return plausibleActor(inverted[1]);
	const modal = new RegExp(`^(.+?)\\s+${MODALS}\\s*$`, 'iu').exec(clause);
	if (modal) return plausibleActor(modal[1]);
	const from =
		/(?<!\p{L})fra\s+((?:\p{L}+[/ ]?){1,4}?)(?=\s*(?:[,.;(]|$)|\s+(?:senest|inden|før|til|om|vedr)(?!\p{L}))/iu.exec(
			clauseAfter(sentence, action.end)
		);
	if (from && actorSectors(from[1]).length + (isEveryone(from[1]) ? 1 : 0) > 0) return from[1].trim();
	if (isPassive(sentence, action)) return null;
	return clause ? plausibleActor(clause) : null;
}

/** A subject of at most six words that names organisations or people, not a stray clause. */
function plausibleActor(phrase: string): string | null {
	const actor = phrase.replace(/\s+/gu, ' ').trim();
	if (!actor || actor.split(' ').length > 6) return null;
	if (/^(?:man|det|der|dette|den|de|vi|du)$/iu.test(actor)) return null;
	if (actorSectors(actor).length > 0 || isEveryone(actor) || BODIES.test(actor) || actor === 'I') return actor;
	return /^\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){1,3}$/u.test(actor) ? actor : null;
}

/** Groups and people that can be asked to act: "Arbejdsgruppen", "Styregruppens medlemmer", "I" … */
const BODIES =
	/(?<!\p{L})(?:\p{L}*(?:gruppe|gruppen|grupperne|udvalg|udvalget|sekretariat|sekretariatet|formandskab|formandskabet|ledelse|ledelsen|direktion|direktionen|medlemmer|medlemmerne|deltagerne|repræsentanter|repræsentanterne|parter|klynge|klyngen|klyngerne|afdeling|afdelingen|afdelingerne|forvaltning|forvaltningen|byråd|byrådet|råd|rådet|chefer|cheferne|ledere|lederne|projektleder|projektlederen|tovholder|tovholderen|tovholderne)|alle)(?!\p{L})/iu;

const EVERYONE =
	/(?<!\p{L})(?:hver(?:\s+enkelt)?\s+(?:organisation|part|aktør)|alle(?:\s+\p{L}+)?\s+(?:organisationer|parter|aktører|medlemmer)|samtlige\s+(?:organisationer|parter)|organisationerne|parterne|aktørerne|alle)(?!\p{L})/iu;

export function isEveryone(actor: string): boolean {
	return EVERYONE.test(actor);
}

const SECTOR_WORDS: [RegExp, Sector[]][] = [
	[/(?<!\p{L})kommune(?:n|r|rne|s)?(?!\p{L})/iu, ['kommune']],
	[/(?<!\p{L})\p{L}*psykiatri(?:en)?(?!\p{L})/iu, ['psykiatri']],
	[/(?<!\p{L})(?:almen\s+praksis|praktiserende\s+læger?(?:ne)?|almenpraksis|PLO)(?!\p{L})/iu, ['almen_praksis']],
	[
		/(?<!\p{L})(?:region(?:en|erne)?|regionshospital(?:et|erne)?|hospital(?:et|erne|sledelsen)?|sygehus(?:et|ene)?|hospitalsenhed(?:en|erne)?|HE\s+\p{L}+)(?!\p{L})/iu,
		['region', 'hospital']
	],
	[/(?<!\p{L})(?:øvrige|andre)(?!\p{L})/iu, ['andet']]
];
const SECTOR_ORDER: Sector[] = ['hospital', 'kommune', 'psykiatri', 'almen_praksis', 'region', 'andet'];

/** Sectors an actor names: "Kommuner/Øvrige" → kommune, andet; "regionen" → region, hospital. */
export function actorSectors(actor: string): Sector[] {
	const found = new Set<Sector>();
	for (const [pattern, sectors] of SECTOR_WORDS) if (pattern.test(actor)) sectors.forEach((s) => found.add(s));
	return SECTOR_ORDER.filter((sector) => found.has(sector));
}

const NUMBER_WORDS: Record<string, number> = {
	en: 1,
	én: 1,
	et: 1,
	ét: 1,
	to: 2,
	tre: 3,
	fire: 4,
	fem: 5,
	seks: 6,
	syv: 7,
	otte: 8,
	ni: 9,
	ti: 10
};
const COUNT = new RegExp(
	`${B}(?:op\\s+til|højst|maks(?:imalt|\\.)?|max\\.?|indtil)?\\s*(?:(\\d{1,2})\\s*(?:-|–|til)\\s*)?(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(?:\\p{L}+\\s+)?${PEOPLE}${E}`,
	'iu'
);

/** "1 deltager", "to repræsentanter", "op til 2 personer", "1-2 deltagere" → 1, 2, 2, 2. */
export function findCount(text: string): number | null {
	const match = COUNT.exec(text);
	if (!match) return null;
	const value = match[2].toLowerCase();
	const count = NUMBER_WORDS[value] ?? Number(value);
	return count > 0 ? count : null;
}

const OPTIONAL =
	/(?<!\p{L})(?:såfremt|hvis|i\s+det\s+omfang|har\s+mulighed\s+for|er\s+velkomne?|evt\.|eventuelt|frivilligt?|mulighed\s+for\s+at)(?!\p{L})/iu;

/** "Såfremt man er interesseret …", "kan … melde" → optional; "bedes", "skal", imperative → not. */
export function isOptional(sentence: string, action: FoundAction, actor: string | null): boolean {
	if (OPTIONAL.test(sentence)) return true;
	const clause = sentence.slice(0, action.start);
	const words = actor ? actor.split(/\s+/u).length : 0;
	return new RegExp(`${B}kan\\s+(?:\\S+\\s+){0,${words + 1}}$`, 'iu').test(clause);
}
