// Small helpers the benchmarks share.
import { readFileSync } from 'node:fs';

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). @param {number | undefined} pid */
export function cpuSeconds(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

/** The q-quantile of ascending figures. @param {number[]} sorted @param {number} q */
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
