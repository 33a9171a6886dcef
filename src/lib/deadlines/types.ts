export type Sector = 'hospital' | 'kommune' | 'psykiatri' | 'almen_praksis' | 'region' | 'andet';

export interface DeadlineContext {
	/** 'YYYY-MM-DD', the meeting the text belongs to (year inference). */
	meetingDate: string;
	/** 'YYYY-MM-DD', for "inden næste møde". */
	nextMeetingDate?: string;
}

export interface DetectedDeadline {
	/** 'YYYY-MM-DD', a local (Copenhagen) date. */
	date: string;
	/** 'HH:MM' when the text gives a clock time ("senest kl. 12"). */
	time?: string;
	/** "hurtigst muligt", "snarest", "straks" … */
	urgent: boolean;
	/** The deadline phrase as written, whitespace-normalised. */
	text: string;
}

export interface DetectedRequest {
	kind: 'nomination' | 'answer' | 'feedback' | 'other';
	action: string;
	actor: string | null;
	everyone: boolean;
	sectors: Sector[];
	count: number | null;
	fora: string[];
	optional: boolean;
	deadline: DetectedDeadline;
	sentence: string;
	start: number;
	end: number;
}
