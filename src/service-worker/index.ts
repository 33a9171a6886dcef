/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The service worker, split by job: caching (the shell and saved pages), routes (what answers which
// request), outbox (answers waiting for the network), messages (talking to open pages) and push
// (reminders: showing them, taps and answers from their buttons).
import { dropOldShells, precacheShell } from './caching';
import { registerMessages } from './messages';
import { registerOutbox } from './outbox';
import { registerPush } from './push';
import { registerRoutes } from './routes';

const sw = self as unknown as ServiceWorkerGlobalScope;

// A new version waits until the page's "Ny version — genindlæs" asks it to take over (messages.ts);
// the very first one takes the open page at once.
sw.addEventListener('install', (event) => event.waitUntil(precacheShell()));
sw.addEventListener('activate', (event) => event.waitUntil(dropOldShells().then(() => sw.clients.claim())));

registerRoutes(sw);
registerMessages(sw);
registerOutbox(sw);
registerPush(sw);
