"""Fills a stopped PocketBase's data.db with a whole country's clusters, many times over, for the
scale benchmark (bench/scale.mjs). Rows go straight into SQLite: through the API, hashing tens of
thousands of passwords alone would take an hour. Every person gets the password hash of an existing
demo account, so any of them can log in with the demo password.

usage: fill-scale.py DATA_DB CLUSTERS PEOPLE_PER_CLUSTER TEMPLATE_EMAIL
"""
import random
import sqlite3
import string
import sys
from datetime import datetime, timedelta, timezone

db_path, clusters, people, template = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(42)
ALPHABET = string.ascii_lowercase + string.digits


def new_id():
    return ''.join(rng.choice(ALPHABET) for _ in range(15))


def stamp(dt):
    return dt.strftime('%Y-%m-%d %H:%M:%S.') + f'{dt.microsecond // 1000:03d}Z'


now = datetime.now(timezone.utc)
created = stamp(now)
db = sqlite3.connect(db_path)
password = db.execute('SELECT password FROM users WHERE email = ?', (template,)).fetchone()[0]

orgs, groups, users, memberships, meetings, items, answers = [], [], [], [], [], [], []
calls, fora, nominations = [], [], []
for c in range(clusters):
    # Seven organisations per cluster, as in the demo: a hospital, the psychiatry, four
    # municipalities and general practice.
    sectors = ['hospital', 'psykiatri', 'kommune', 'kommune', 'kommune', 'kommune', 'almen_praksis']
    cluster_orgs = [new_id() for _ in sectors]
    for o, (oid, sector) in enumerate(zip(cluster_orgs, sectors)):
        orgs.append((oid, f'Skalaorganisation {c}-{o}', sector, created, created))
    cluster_groups = [new_id() for _ in range(5)]
    for g, gid in enumerate(cluster_groups):
        kind = 'styregruppe' if g == 0 else 'temagruppe'
        groups.append((gid, f'Klynge {c} gruppe {g}', kind, created, created))
    members = {gid: [] for gid in cluster_groups}
    for i in range(people):
        uid = new_id()
        token = ''.join(rng.choice(string.ascii_letters + string.digits) for _ in range(50))
        users.append((uid, f'p{c}-{i}@skala.example', f'Person {c}-{i}', 'Konsulent', cluster_orgs[i % 7], password, token,
                      created, created))
        home = cluster_groups[0] if i < 25 else cluster_groups[1 + i % 4]
        members[home].append(uid)
    for gid, uids in members.items():
        for n, uid in enumerate(uids):
            role = 'secretariat' if n == 0 else 'member'
            memberships.append((new_id(), uid, gid, role, n * 10, created, created))
        for m in range(6):
            mid = new_id()
            starts = now + timedelta(days=(m - 3) * 60 + 1)
            status = 'minutes_published' if m < 3 else 'published'
            meetings.append((mid, gid, f'Møde {m}', stamp(starts), stamp(starts + timedelta(hours=2)), status, created, created))
            for p in range(8):
                s = starts + timedelta(minutes=15 * p)
                items.append((new_id(), mid, p + 1, f'Punkt {p + 1}', stamp(s), stamp(s + timedelta(minutes=15)), 'Indstilling.', 'Sagsfremstilling.', created, created))
            if m < 3:
                for uid in uids:
                    answers.append((new_id(), mid, uid, rng.choice(['attending', 'attending', 'absent']), created, created))
    # Ten nomination calls a year in each steering group, three fora with two seats each; every
    # organisation answers most calls, now and then with "melder ingen".
    steering = cluster_groups[0]
    for k in range(10):
        cid = new_id()
        deadline = now + timedelta(days=(k - 7) * 30 + 5)
        status = 'closed' if k < 7 else 'open'
        calls.append((cid, steering, f'Indkaldelse {k}', 'all', 1, stamp(deadline), status, created, created))
        forum_ids = [new_id() for _ in range(3)]
        for f, fid in enumerate(forum_ids):
            fora.append((fid, cid, f'Forum {f + 1}', f, 2, created, created))
        for o, oid in enumerate(cluster_orgs):
            author = members[steering][o]
            if (o + k) % 7 == 6:
                nominations.append((new_id(), cid, '', oid, 'none', '', '', '', author, created, created))
            elif (o + k) % 5 != 4:
                for f, fid in enumerate(forum_ids):
                    n = f'{c}-{k}-{o}-{f}'
                    nominations.append((new_id(), cid, fid, oid, 'nominee', f'Kandidat {n}', 'Konsulent',
                                        f'kandidat-{n}@skala.example', author, created, created))

with db:
    db.executemany('INSERT INTO organizations (id, name, sector, created, updated) VALUES (?,?,?,?,?)', orgs)
    db.executemany('INSERT INTO groups (id, name, kind, created, updated) VALUES (?,?,?,?,?)', groups)
    db.executemany(
        'INSERT INTO users (id, email, name, title, organization, password, tokenKey, verified, locale, created, updated) '
        "VALUES (?,?,?,?,?,?,?,1,'da',?,?)", users)
    db.executemany('INSERT INTO memberships (id, user, "group", role, position, created, updated) VALUES (?,?,?,?,?,?,?)', memberships)
    db.executemany('INSERT INTO meetings (id, "group", title, starts, ends, status, created, updated) VALUES (?,?,?,?,?,?,?,?)', meetings)
    db.executemany(
        'INSERT INTO agenda_items (id, meeting, position, title, starts, ends, recommendation, background, created, updated) '
        'VALUES (?,?,?,?,?,?,?,?,?,?)', items)
    db.executemany('INSERT INTO attendance (id, meeting, user, status, created, updated) VALUES (?,?,?,?,?,?)', answers)
    db.executemany(
        'INSERT INTO nomination_calls (id, "group", title, eligibility, required, deadline, status, created, updated) '
        'VALUES (?,?,?,?,?,?,?,?,?)', calls)
    db.executemany('INSERT INTO nomination_fora (id, call, name, position, quota, created, updated) VALUES (?,?,?,?,?,?,?)', fora)
    db.executemany(
        'INSERT INTO nominations (id, call, forum, organization, kind, nominee_name, nominee_title, nominee_email, '
        'nominated_by, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)', nominations)
db.execute('ANALYZE')
db.close()
print(f'{len(users)} people, {len(memberships)} memberships, {len(groups)} groups, {len(meetings)} meetings, '
      f'{len(items)} agenda items, {len(answers)} answers, {len(calls)} nomination calls, {len(nominations)} nominations')
