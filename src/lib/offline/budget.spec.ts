import { describe, expect, it } from 'vitest';
import { ATTACHMENT_BUDGET, planEviction } from './budget';

const MB = 1024 * 1024;
const file = (n: number, size = MB) => ({ url: `/f${n}`, size, savedAt: 1000 + n });

describe('planEviction', () => {
	it('keeps everything within the budget', () => {
		expect(planEviction([file(1), file(2)])).toEqual([]);
		expect(planEviction(Array.from({ length: 50 }, (_, i) => file(i)))).toEqual([]);
	});

	it('drops the oldest files beyond 50', () => {
		const files = Array.from({ length: 53 }, (_, i) => file(i)).reverse();
		expect(planEviction(files)).toEqual(['/f0', '/f1', '/f2']);
	});

	it('drops the oldest files until the bytes fit 200 MB', () => {
		const files = [file(3, 90 * MB), file(1, 80 * MB), file(2, 50 * MB), file(4, 10 * MB)];
		expect(planEviction(files)).toEqual(['/f1']);
		expect(planEviction([...files, file(5, 150 * MB)])).toEqual(['/f1', '/f2', '/f3']);
	});

	it('drops even the newest file when it alone is larger than the budget', () => {
		expect(planEviction([file(1, ATTACHMENT_BUDGET.maxBytes + 1)])).toEqual(['/f1']);
	});
});
