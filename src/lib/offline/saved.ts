// What is saved on the phone, as the offline pages show it: the listed meetings with how many of
// their pages and files are kept, and how much space that takes.
import { readState, metaDb, type OfflineMeeting } from './meta';
import { savedPaths } from './client';
import { PAGES_CACHE } from './names';

export interface SavedMeeting {
	id: string;
	title: string;
	starts: string;
	url: string;
	saved: boolean;
	items: { saved: number; listed: number };
	attachments: { saved: number; listed: number };
}

export interface SavedSummary {
	meetings: SavedMeeting[];
	/** When the list was last fetched (epoch ms), or null. */
	listedAt: number | null;
	/** Bytes of saved pages and attachments, summed by the app itself. */
	bytes: number;
}

function summarize(m: OfflineMeeting, paths: Set<string>): SavedMeeting {
	const count = (urls: string[]) => ({ saved: urls.filter((u) => paths.has(u)).length, listed: urls.length });
	return {
		id: m.id,
		title: m.title,
		starts: m.starts,
		url: m.url,
		saved: paths.has(m.url),
		items: count(m.items.map((i) => i.url)),
		attachments: count(m.attachments.map((a) => a.url))
	};
}

async function pageBytes(): Promise<number> {
	if (!(await caches.has(PAGES_CACHE))) return 0;
	const cache = await caches.open(PAGES_CACHE);
	let total = 0;
	for (const request of await cache.keys()) total += (await (await cache.match(request))?.blob())?.size ?? 0;
	return total;
}

export async function savedSummary(): Promise<SavedSummary> {
	const [state, paths] = await Promise.all([readState(), savedPaths()]);
	const byId = new Map<string, OfflineMeeting>();
	for (const m of [...(state.list?.meetings ?? []), ...(state.manual ?? [])]) byId.set(m.id, m);
	const files = await (await metaDb()).getAll('files');
	return {
		meetings: [...byId.values()].map((m) => summarize(m, paths)).sort((a, b) => b.starts.localeCompare(a.starts)),
		listedAt: state.listedAt ?? null,
		bytes: (await pageBytes()) + files.reduce((sum, f) => sum + f.size, 0)
	};
}
