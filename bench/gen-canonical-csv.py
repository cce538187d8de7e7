#!/usr/bin/env python3
"""Writes N synthetic tickets as cskpi canonical CSV, for the ingest benchmark.

    bench/gen-canonical-csv.py 1000000 bench/out/tickets-1m.csv

Deterministic (seeded); ~5% of tickets unresolved, ~10% without a first response,
categories and channels drawn from small sets, timestamps spread over 2026 in UTC.
"""
import csv
import random
import sys
from datetime import datetime, timedelta, timezone

def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(42)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    channels = ["email", "chat", "phone", "social", "web"]
    categories = ["delivery", "refund", "billing", "login", "product question", "returns", "damaged item"]
    statuses = ["open", "pending", "solved", "closed"]
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ticket_id", "customer_id", "channel", "category", "priority", "agent_id", "team", "status",
                    "created_at", "first_response_at", "resolved_at", "final_resolved_at", "reopens",
                    "agent_replies", "updated_at"])
        for i in range(n):
            created = start + timedelta(seconds=rnd.randrange(0, 360 * 86400))
            first = created + timedelta(seconds=rnd.randrange(30, 20000)) if rnd.random() > 0.1 else None
            resolved = created + timedelta(seconds=rnd.randrange(600, 500000)) if rnd.random() > 0.05 else None
            status = rnd.choice(statuses[2:]) if resolved else rnd.choice(statuses[:2])
            updated = max(t for t in (created, first, resolved) if t)
            w.writerow([f"T{i:08d}", f"C{rnd.randrange(n // 3 + 1):07d}", rnd.choice(channels), rnd.choice(categories),
                        rnd.choice(["low", "normal", "high"]), f"A{rnd.randrange(40):02d}", f"team-{rnd.randrange(5)}",
                        status, created.strftime(fmt), first.strftime(fmt) if first else "",
                        resolved.strftime(fmt) if resolved else "", resolved.strftime(fmt) if resolved else "",
                        rnd.choice([0, 0, 0, 1]) if resolved else "", rnd.randrange(1, 6) if first else 0,
                        updated.strftime(fmt)])

if __name__ == "__main__":
    main()
