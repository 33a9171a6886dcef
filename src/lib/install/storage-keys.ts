// localStorage keys of the install features. They hold facts about this phone, never a user's data,
// so a logout may leave them (and the hint is not shown again to the next person on the phone).

/** Every install key starts with this. */
export const INSTALL_KEY_PREFIX = 'klyngeportal:install:';

/** When the iOS "Føj til hjemmeskærm" hint was closed (an ISO time); absent while it may show. */
export const IOS_HINT_DISMISSED_KEY = `${INSTALL_KEY_PREFIX}ios-hint-dismissed`;

/** The answer to `navigator.storage.persist()` ("granted" or "denied"), asked once after install. */
export const PERSIST_ASKED_KEY = `${INSTALL_KEY_PREFIX}persist-asked`;
