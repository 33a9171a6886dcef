// Soft hyphens in long Danish words, so that a narrow screen breaks "Klyngestyregruppemøde" as
// "Klynge-/styregruppemøde" rather than "Klyngestyregruppemød/e". Browsers hyphenate by themselves
// only where they have a Danish dictionary (`hyphens: auto` does nothing in Debian's Chromium and
// many WebViews), so long words carry their own break points: compound boundaries first, found in a
// small lexicon of the words meetings use, then syllable breaks inside long parts.

export const SOFT_HYPHEN = '\u00ad';

/** Words shorter than this fit every line the app shows and are left alone. */
const MIN_WORD = 12;
/** A compound part this long also gets syllable breaks. */
const MIN_SYLLABLE_PART = 12;

/** Compound parts (lower case). A part may be followed by a linking "s" or "e" ("sundheds-", "klynge-"). */
const PARTS = new Set(
	`
	klynge klyngen styre gruppe gruppen grupper møde mødet møder leder deltager deltagere fremmøde
	samarbejd samarbejde aftale aftalen sundhed hjerte hjemme monitorering behandling redskab redskaber
	over syge plejerske plejersker sygeplejerske sygeplejersker special specialist prøve handling handlinger
	udvikling projekt projektet implementering implementeringen genoptræning plan planer planlægning
	bruger inddragelse animation film filmen region psykiatri psykiatrien livs forlængende indikator opfyldelse
	hospital hospitalet genoplivning forsøg opfølgning punkt punkter afklaring katalog kataloget tvær
	sektoriel sektorielle straks vurdering program konsulent fag faglig faglige forskning fællesskab
	personale sag fremstilling indstilling orientering orienteringer skriftlig skriftlige dagsorden
	kommune kommuner kommunernes medicin optimering beskæftigelse chef visitation sygehus afdeling afdelinger
	midt tema patient patienten patienter voksne ældre erfaring erfaringer resultat resultater perspektiv
	perspektiver fleksible indlæggelse indlæggelser velkomst præsentation godkendelse viden status initiativ
	initiativer alliance alliancen nære kommunikation fravalg afslutning retningslinje retningslinjer
	drøftelse afrapportering eventuelt forplejning referat referent referenter suppleant påmindelse
	smitte opsporing område områder aktivitet aktiviteter tilrettelæggelse stilling stillinger uddannelse
	praksis almen læge lægen borger borgere indsats indsatser forløb kvalitet data arbejd arbejde
	form former formen organisering sam arbejdsform
	forventning afstemning kontakt direktør direktion formand formandskab næstformand medformand
	`
		.split(/\s+/)
		.filter(Boolean)
);

const VOWELS = /[aeiouyæøåéü]/i;
/** Two consonants that start Danish syllables together, so that a longer cluster breaks before them. */
const ONSETS = new Set('bl br dr fl fr gl gr kl kn kr kv pl pr sk sl sm sn sp st sv tr tv'.split(' '));
const LETTERS = /^\p{L}+$/u;

/** Break points (indexes) between compound parts, or null when the lexicon cannot split the word. */
function compoundBreaks(word: string): number[] | null {
	const lower = word.toLocaleLowerCase('da');
	const n = lower.length;
	// fewest[i]: the fewest parts that make up lower[0, i); from[i]: where the last of them starts.
	const fewest: number[] = Array(n + 1).fill(Infinity);
	const from: number[] = Array(n + 1).fill(-1);
	fewest[0] = 0;
	for (let start = 0; start < n; start++) {
		if (fewest[start] === Infinity) continue;
		for (let end = start + 3; end <= n; end++) {
			if (!PARTS.has(lower.slice(start, end))) continue;
			for (const stop of [end, end + 1]) {
				if (stop > n || (stop > end && !'se'.includes(lower[end]))) continue;
				if (fewest[start] + 1 < fewest[stop]) {
					fewest[stop] = fewest[start] + 1;
					from[stop] = start;
				}
			}
		}
	}
	if (fewest[n] === Infinity || fewest[n] < 2) return null;
	const breaks: number[] = [];
	for (let at = from[n]; at > 0; at = from[at]) breaks.unshift(at);
	return breaks;
}

/**
 * Syllable breaks in `part`, by the Danish rule: between two vowels, the last consonant goes to the
 * next line ("klyn-ge", "ud-vik-ling"), or the last two when they start syllables together and more
 * consonants come before them ("im-ple-men-te-ring"). At least two letters stay on each side.
 */
function syllableBreaks(part: string): number[] {
	const breaks: number[] = [];
	let lastVowel = -1;
	for (let i = 0; i < part.length; i++) {
		if (!VOWELS.test(part[i])) continue;
		if (lastVowel >= 0 && i - lastVowel > 1) {
			const cluster = i - lastVowel - 1;
			const at = cluster >= 3 && ONSETS.has(part.slice(i - 2, i).toLowerCase()) ? i - 2 : i - 1;
			if (at >= 2 && part.length - at >= 3) breaks.push(at);
		}
		lastVowel = i;
	}
	return breaks;
}

/** One word with soft hyphens at its break points; short words and non-words come back unchanged. */
export function hyphenateWord(word: string): string {
	if (word.length < MIN_WORD || !LETTERS.test(word)) return word;
	const parts = compoundBreaks(word) ?? [];
	const bounds = [0, ...parts, word.length];
	const breaks = new Set(parts);
	for (let i = 0; i < bounds.length - 1; i++) {
		const [start, end] = [bounds[i], bounds[i + 1]];
		if (end - start < MIN_SYLLABLE_PART) continue;
		for (const at of syllableBreaks(word.slice(start, end))) breaks.add(start + at);
	}
	let out = '';
	for (let i = 0; i < word.length; i++) out += (breaks.has(i) ? SOFT_HYPHEN : '') + word[i];
	return out;
}

/** Text with soft hyphens in its long words, for headings and titles on narrow screens. */
export function hyphenate(text: string | null | undefined): string {
	return (text ?? '').replace(/\p{L}+/gu, hyphenateWord);
}
