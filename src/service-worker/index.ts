/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The service worker, split by job: caching (the shell and saved pages), routes (what answers which
// request), outbox (answers waiting for the network) and messages (talking to open pages).
import { registerOutbox } from './outbox';

const sw = self as unknown as ServiceWorkerGlobalScope;

registerOutbox(sw);
