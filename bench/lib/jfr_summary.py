"""Where the app's CPU goes: share of JFR execution samples whose stack contains each category
(inclusive: a sample may count in several), from `jfr print --json --events jdk.ExecutionSample`.

  jfr_summary.py FILE.jfr -> JSON {samples, shares: {category: percent}}
"""
import json, subprocess, sys

CATEGORIES = [
    ("token verification (OIDC, jose4j)", ("org.jose4j", "io.quarkus.oidc", "io.smallrye.jwt")),
    ("token cache", ("io.jixiao.common.security.VerifiedTokenCache", "io.jixiao.common.security.CachedToken")),
    ("Hibernate", ("org.hibernate",)),
    ("transactions (Narayana)", ("com.arjuna", "io.quarkus.narayana", "io.quarkus.arc.runtime.context")),
    ("JDBC (pgjdbc, Agroal)", ("org.postgresql", "io.agroal")),
    ("Jackson", ("com.fasterxml.jackson",)),
    ("logging", ("org.jboss.logmanager", "org.jboss.logging", "io.jixiao.common.http.RequestIds")),
    ("HTTP (Vert.x, Netty)", ("io.vertx", "io.netty")),
    ("REST (RESTEasy Reactive)", ("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive")),
    ("app code (io.jixiao)", ("io.jixiao",)),
]

def main(path):
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts = {name: 0 for name, _ in CATEGORIES}
    for e in events:
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in (e["values"].get("stackTrace") or {}).get("frames", [])]
        for name, prefixes in CATEGORIES:
            if any(fr.startswith(prefixes) for fr in frames):
                counts[name] += 1
    n = max(1, len(events))
    print(json.dumps({"samples": len(events), "shares": {k: round(100.0 * v / n, 1) for k, v in counts.items()}}))

main(sys.argv[1])
