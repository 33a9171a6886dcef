// Sending Danish mails from hooks, with the app's sender and every inserted value escaped.

const escapeHtml = (s) =>
	String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

module.exports = {
	escapeHtml: escapeHtml,

	/** The public address of a page of the app, e.g. appUrl(app, '/moeder/abc'). */
	appUrl: (app, path) => String(app.settings().meta.appURL || '').replace(/\/$/, '') + path,

	/** Sends one mail; `paragraphs` are plain text, turned into HTML and text bodies alike. */
	send: (app, to, subject, paragraphs, link) => {
		const settings = app.settings();
		const html =
			paragraphs.map((p) => '<p>' + escapeHtml(p) + '</p>').join('') +
			(link ? '<p><a href="' + escapeHtml(link.url) + '">' + escapeHtml(link.label) + '</a></p>' : '') +
			'<p>Venlig hilsen<br/>' +
			escapeHtml(settings.meta.appName) +
			'</p>';
		const text =
			paragraphs.join('\n\n') +
			(link ? '\n\n' + link.label + ': ' + link.url : '') +
			'\n\nVenlig hilsen\n' +
			settings.meta.appName;
		app.newMailClient().send(
			new MailerMessage({
				from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
				to: [{ address: to.email, name: to.name }],
				subject: subject,
				html: html,
				text: text
			})
		);
	}
};
