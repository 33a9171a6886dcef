// Client filters and sorts may name only the listed collection's own fields.
//
// PocketBase applies a related collection's list rule to the main join of a client filter, but not
// inside the "match-all" subquery it builds for operators such as `!~` or `<` on a back-relation or
// a multiple relation (notes/pocketbase-0.40.md §11). Counting the results of such filters reveals
// hidden values one character at a time; sorting on a related field leaks their order. The app never
// needs a path in a filter, so for everyone but superusers a filter or sort that leaves the
// collection (`a.b`, `x_via_y`, `@collection.…`, `@request.…`) is refused before it runs.

// PocketBase's filter functions; their arguments are checked like any other identifier.
const FUNCTIONS = { geoDistance: true, strftime: true };

/** The identifiers of a filter or sort expression: everything outside quotes and comments. */
function identifiers(expr) {
	const out = [];
	const s = String(expr || '');
	let i = 0;
	while (i < s.length) {
		const c = s[i];
		if (c === '"' || c === "'") {
			i++;
			while (i < s.length && s[i] !== c) i += s[i] === '\\' ? 2 : 1;
			i++;
		} else if (c === '/' && s[i + 1] === '/') {
			while (i < s.length && s[i] !== '\n') i++;
		} else if (/[A-Za-z0-9_@.:]/.test(c)) {
			let j = i;
			while (j < s.length && /[A-Za-z0-9_@.:]/.test(s[j])) j++;
			out.push(s.slice(i, j));
			i = j;
		} else {
			i++;
		}
	}
	return out;
}

/**
 * The identifiers in `expr` that are not the collection's own fields (`hasField(name)` says which are).
 * Numbers, literals, and macros such as `@now` or `@random` are allowed; any path is not.
 */
function offenders(expr, hasField) {
	return identifiers(expr).filter((token) => {
		if (/^\d+(\.\d+)?$/.test(token)) return false;
		if (token === 'true' || token === 'false' || token === 'null') return false;
		if (FUNCTIONS[token]) return false;
		if (token.charAt(0) === '@') return token.indexOf('.') >= 0 || token.indexOf(':') >= 0;
		const name = token.split(':')[0];
		if (token.split(':').length > 2) return true;
		return name.indexOf('.') >= 0 || name.indexOf('_via_') >= 0 || !hasField(name);
	});
}

module.exports = {
	identifiers: identifiers,
	offenders: offenders,

	/**
	 * Throws a 400 when a filter or sort on `collectionName` names anything but its own fields. Does
	 * nothing for a collection that does not exist (PocketBase answers that with its own 404).
	 */
	check: (app, collectionName, filter, sort) => {
		if (!filter && !sort) return;
		let collection;
		try {
			collection = app.findCachedCollectionByNameOrId(collectionName);
		} catch (_) {
			return;
		}
		const hasField = (name) => name === 'id' || !!collection.fields.getByName(name);
		const bad = offenders(filter, hasField).concat(
			offenders(String(sort || '').replace(/(^|,)\s*[-+]/g, '$1'), hasField)
		);
		if (bad.length) {
			throw new BadRequestError('Filtre og sortering må kun bruge samlingens egne felter.', {
				filter: new ValidationError('filter_path_refused', 'Ikke tilladt: ' + bad.slice(0, 3).join(', '))
			});
		}
	}
};
