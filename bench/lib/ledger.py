"""Client ledger for the fault tests: submits one party's scores to OPEN evaluations from several
threads, retrying a failed or unanswered request with the same Idempotency-Key (after Retry-After),
and records every attempt. `verify` then checks the database against the ledger.

  ledger.py run API TOKEN IDFILE LEDGER SECONDS [THREADS]
  ledger.py verify LEDGER DBNAME  -> prints a JSON verdict
"""
import json, sys, threading, time, urllib.request, urllib.error, subprocess

BODY = json.dumps({"party": "STREET_OFFICE", "comment": "fault test", "scores": [
    {"item": "S1.1", "score": "36.50"}, {"item": "S1.2", "score": "27.00"}, {"item": "S1.3", "score": "28.25"}]}).encode()


def attempt(api, token, eid, timeout=15):
    req = urllib.request.Request(f"{api}/v1/evaluations/{eid}/submissions", data=BODY, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json",
        "Idempotency-Key": "ledger-" + eid})
    t0 = time.time()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return {"status": r.status, "ms": int((time.time() - t0) * 1000), "at": t0}
    except urllib.error.HTTPError as e:
        body = e.read()[:400].decode("utf-8", "replace")
        return {"status": e.code, "ms": int((time.time() - t0) * 1000), "at": t0,
                "contentType": e.headers.get("Content-Type"), "retryAfter": e.headers.get("Retry-After"),
                "body": body}
    except Exception as e:  # connection refused / reset / timeout: outcome unknown
        return {"status": 0, "ms": int((time.time() - t0) * 1000), "at": t0, "error": type(e).__name__}


def run(api, token, idfile, ledger, seconds, threads=8):
    ids = [l.strip() for l in open(idfile) if l.strip()]
    lock = threading.Lock()
    out = open(ledger, "w")
    end = time.time() + seconds
    pos = [0]

    def worker():
        while time.time() < end:
            with lock:
                if pos[0] >= len(ids):
                    return
                eid = ids[pos[0]]; pos[0] += 1
            attempts = []
            give_up = time.time() + 60
            while True:
                a = attempt(api, token, eid)
                attempts.append(a)
                if a["status"] in (200, 201) or 400 <= a["status"] < 500 or time.time() > give_up:
                    break
                wait = 0.2
                if a.get("retryAfter"):
                    try: wait = min(5.0, float(a["retryAfter"]))
                    except ValueError: pass
                time.sleep(wait)
            rec = {"id": eid, "acknowledged": attempts[-1]["status"] in (200, 201), "attempts": attempts}
            with lock:
                out.write(json.dumps(rec) + "\n"); out.flush()

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()
    out.close()


def psql(db, sql):
    return subprocess.run(["psql", "-X", "-At", "-F", " ", "-d", db, "-c", sql], capture_output=True, text=True,
                          check=True).stdout.split("\n")


def verify(ledger, db):
    recs = [json.loads(l) for l in open(ledger)]
    acked = [r["id"] for r in recs if r["acknowledged"]]
    tried = [r["id"] for r in recs]
    rows = {}
    if tried:
        ids = ",".join("'%s'" % i for i in tried)
        for line in psql(db, f"""select s.evaluation_id, count(distinct s.id), count(distinct r.id), count(i.item_code)
            from submission s left join submission_revision r on r.submission_id = s.id
            left join submission_item_score i on i.revision_id = r.id
            where s.party = 'STREET_OFFICE' and s.evaluation_id in ({ids}) group by s.evaluation_id"""):
            if line.strip():
                e, s, r, i = line.split()
                rows[e] = (int(s), int(r), int(i))
    lost = [i for i in acked if i not in rows]
    duplicated = [i for i, v in rows.items() if v[0] != 1 or v[1] != 1]
    half = [i for i, v in rows.items() if v[2] != 3]
    unacked_committed = [r["id"] for r in recs if not r["acknowledged"] and r["id"] in rows]
    statuses, errors = {}, []
    for r in recs:
        for a in r["attempts"]:
            statuses[str(a["status"])] = statuses.get(str(a["status"]), 0) + 1
            if a["status"] >= 500 or a["status"] == 0:
                errors.append(a)
    bad_errors = [a for a in errors if a["status"] != 0 and not (a["status"] == 503 and a.get("retryAfter")
                  and "problem+json" in (a.get("contentType") or ""))]
    retried = sum(1 for r in recs if len(r["attempts"]) > 1)
    retried_not_acked = sum(1 for r in recs if len(r["attempts"]) > 1 and not r["acknowledged"])
    ok_times = sorted(a["at"] for r in recs for a in r["attempts"] if a["status"] in (200, 201))
    return {"submissions": len(recs), "acknowledged": len(acked), "retried": retried, "retriedNotAcknowledged": retried_not_acked, "statuses": statuses,
            "lost": len(lost), "duplicated": len(duplicated), "halfWritten": len(half),
            "unacknowledgedButCommitted": len(unacked_committed),
            "errorsNot503ProblemWithRetryAfter": len(bad_errors),
            "examplesOfBadErrors": [{k: a.get(k) for k in ("status", "contentType", "retryAfter", "body", "error")}
                                    for a in bad_errors[:3]],
            "okTimestamps": ok_times}


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]),
            int(sys.argv[7]) if len(sys.argv) > 7 else 8)
    else:
        print(json.dumps(verify(sys.argv[2], sys.argv[3])))
