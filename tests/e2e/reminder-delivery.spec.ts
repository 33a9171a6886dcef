// The reminder engine inside the running app server: a device subscribed through PocketBase's push
// route gets its test push from the app's engine, signed with the app's VAPID key, through the
// local push service (whose certificate the app trusts), decrypted to the Danish test text with a
// link into the app. (The member's pages and the service worker are tested in push*.spec.ts.)
import PocketBase from 'pocketbase';
import { PushControl } from '../support/push-service';
import { expect, test } from './support/fixtures';

test('the app server pushes a queued test reminder to the device within seconds', async ({ stack }) => {
	const control = new PushControl(stack.push.controlUrl);
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	const member = stack.steeringMembers[stack.steeringMembers.length - 1];
	await pb.collection('users').authWithPassword(member.email, stack.password);
	const sub = await control.createSubscription({ vapidKey: stack.push.vapidPublicKey });
	const { id } = await pb.send<{ id: string }>('/api/klynge/push/subscriptions', {
		method: 'POST',
		body: { ...sub, user_agent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36' }
	});
	await pb.send(`/api/klynge/push/subscriptions/${id}/test`, { method: 'POST' });
	await expect.poll(async () => (await control.delivered(sub.endpoint)).length, { timeout: 15_000 }).toBe(1);
	const [push] = await control.delivered(sub.endpoint);
	expect(push.vapidKey).toBe(stack.push.vapidPublicKey);
	expect(push.urgency).toBe('high');
	expect(push.topic).toBe(`test-${id}`);
	expect(push.ttl).toBeGreaterThan(3500);
	expect(push.ttl).toBeLessThanOrEqual(3600);
	expect(push.payload).toMatchObject({
		web_push: 8030,
		notification: {
			title: 'Test fra Klyngeportal',
			body: 'Sådan ser en påmindelse ud på Chrome på Android.',
			navigate: `${stack.url}/paamindelser`,
			lang: 'da',
			tag: `test-${id}`,
			data: { kind: 'test', subject: id }
		}
	});
	await pb.collection('push_subscriptions').delete(id);
});
