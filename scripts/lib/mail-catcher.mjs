// A local SMTP catcher for the demo and the tests: accepts every mail on an SMTP port, keeps it in
// memory, prints a line on the console and shows an inbox over HTTP (HTML for people, JSON for tests).
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** @typedef {{ id: number, to: string[], from: string, subject: string, text: string, html: string, date: string }} CaughtMail */

const escapeHtml = (/** @type {string} */ s) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * @param {{ smtpPort: number, httpPort: number, host?: string, log?: (line: string) => void }} opts
 */
export async function startMailCatcher({ smtpPort, httpPort, host = '127.0.0.1', log = () => {} }) {
	/** @type {CaughtMail[]} */
	const messages = [];
	let nextId = 1;

	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(_auth, _session, callback) {
			callback(null, { user: 'catcher' });
		},
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					const to = [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : []));
					const message = {
						id: nextId++,
						to,
						from: mail.from?.value[0]?.address ?? '',
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: typeof mail.html === 'string' ? mail.html : '',
						date: new Date().toISOString()
					};
					messages.push(message);
					log(
						`mail to ${to.join(', ')}: ${message.subject}${/\b\d{6}\b/.test(message.text) ? ` (${/\b\d{6}\b/.exec(message.text)?.[0]})` : ''}`
					);
					callback();
				})
				.catch((err) => callback(err));
		}
	});
	await new Promise((resolve, reject) => {
		smtp.once('error', reject);
		smtp.listen(smtpPort, host, () => resolve(undefined));
	});

	const http = createServer((req, res) => {
		const url = new URL(req.url ?? '/', `http://${host}`);
		if (url.pathname === '/messages' && req.method === 'GET') {
			const to = url.searchParams.get('to');
			const list = to ? messages.filter((m) => m.to.includes(to.toLowerCase())) : messages;
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
			return;
		}
		if (url.pathname === '/messages' && req.method === 'DELETE') {
			messages.length = 0;
			res.writeHead(204).end();
			return;
		}
		const one = /^\/messages\/(\d+)$/.exec(url.pathname);
		const security = {
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
			'content-type': 'text/html; charset=utf-8'
		};
		if (one) {
			const m = messages.find((x) => x.id === Number(one[1]));
			if (!m) {
				res.writeHead(404, security).end('<p>Ikke fundet</p>');
				return;
			}
			res
				.writeHead(200, security)
				.end(
					`<!doctype html><html lang="da"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
						`<title>${escapeHtml(m.subject)}</title><body style="font-family:system-ui;max-width:40rem;margin:1rem auto;padding:0 1rem">` +
						`<p><a href="/">← Indbakke</a></p><h1>${escapeHtml(m.subject)}</h1><p>Til: ${escapeHtml(m.to.join(', '))}</p>` +
						`<pre style="white-space:pre-wrap;font-size:1.1rem">${escapeHtml(m.text)}</pre></body></html>`
				);
			return;
		}
		const rows = [...messages]
			.reverse()
			.map(
				(m) =>
					`<li><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a> — ${escapeHtml(m.to.join(', '))} <small>${escapeHtml(m.date)}</small></li>`
			)
			.join('');
		res
			.writeHead(200, security)
			.end(
				`<!doctype html><html lang="da"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
					`<title>Demo-indbakke</title><body style="font-family:system-ui;max-width:40rem;margin:1rem auto;padding:0 1rem">` +
					`<h1>Demo-indbakke</h1><p>Alle e-mails fra Klyngeportal i demoen lander her. Opdater siden for nye.</p>` +
					`<ul>${rows || '<li>Ingen e-mails endnu.</li>'}</ul></body></html>`
			);
	});
	await new Promise((resolve, reject) => {
		http.once('error', reject);
		http.listen(httpPort, host, () => resolve(undefined));
	});

	return {
		messages,
		smtpPort,
		inboxUrl: `http://localhost:${httpPort}`,
		close: () =>
			Promise.all([
				new Promise((r) => smtp.close(() => r(undefined))),
				new Promise((r) => {
					http.closeAllConnections();
					http.close(() => r(undefined));
				})
			])
	};
}
