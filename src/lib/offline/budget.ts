// The attachment budget (50 files / 200 MB): which saved files to drop, oldest first.

export const ATTACHMENT_BUDGET = { maxEntries: 50, maxBytes: 200 * 1024 * 1024 } as const;

export interface SavedFile {
	url: string;
	size: number;
	savedAt: number;
}

/** The URLs to evict, oldest saved first, until both the count and the byte total fit the budget. */
export function planEviction(
	files: SavedFile[],
	budget: { maxEntries: number; maxBytes: number } = ATTACHMENT_BUDGET
): string[] {
	const oldestFirst = [...files].sort((a, b) => a.savedAt - b.savedAt || a.url.localeCompare(b.url));
	let count = oldestFirst.length;
	let bytes = oldestFirst.reduce((sum, f) => sum + Math.max(0, f.size), 0);
	const evict: string[] = [];
	for (const file of oldestFirst) {
		if (count <= budget.maxEntries && bytes <= budget.maxBytes) break;
		evict.push(file.url);
		count -= 1;
		bytes -= Math.max(0, file.size);
	}
	return evict;
}
