#!/usr/bin/env python3
"""Where a Spark application's time went, from its event log: bench/stages.py EVENT_LOG_FILE

Prints the application's wall time, then each job (its description = the action that ran it)
with its duration, and each stage with duration, tasks, input/shuffle bytes and the summed
task time split into executor run time, GC, shuffle write and deserialisation.
"""
import json
import os
import subprocess
import sys


def lines(path):
    """The events of a plain log file, or of a rolling log directory (zstd parts need the zstd tool)."""
    parts = [os.path.join(path, p) for p in sorted(os.listdir(path)) if p.startswith("events_")] \
        if os.path.isdir(path) else [path]
    for part in parts:
        if part.endswith(".zstd"):
            yield from subprocess.run(["zstd", "-dc", part], capture_output=True, text=True,
                                      check=True).stdout.splitlines()
        else:
            with open(part) as f:
                yield from f


def result_stage_name(job_start):
    """The action that ran a job, as its last stage's name says it (e.g. "count at AnalyzeJob.java:118")."""
    infos = job_start.get("Stage Infos") or []
    return max(infos, key=lambda i: i["Stage ID"])["Stage Name"] if infos else "?"


def main():
    app_start = app_end = None
    jobs, stages = {}, {}
    if True:
        for line in lines(sys.argv[1]):
            e = json.loads(line)
            kind = e["Event"]
            if kind == "SparkListenerApplicationStart":
                app_start = e["Timestamp"]
            elif kind == "SparkListenerApplicationEnd":
                app_end = e["Timestamp"]
            elif kind == "SparkListenerJobStart":
                props = e.get("Properties") or {}
                jobs[e["Job ID"]] = {"start": e["Submission Time"],
                                     "desc": props.get("spark.job.description") or props.get("callSite.short")
                                             or result_stage_name(e),
                                     "stages": e.get("Stage IDs", [])}
            elif kind == "SparkListenerJobEnd":
                jobs[e["Job ID"]]["end"] = e["Completion Time"]
            elif kind == "SparkListenerStageCompleted":
                info = e["Stage Info"]
                if "Submission Time" not in info:
                    continue
                acc = {a["Name"]: a.get("Value") for a in info.get("Accumulables", [])}
                stages[info["Stage ID"]] = {
                    "name": info["Stage Name"], "tasks": info["Number of Tasks"],
                    "ms": info["Completion Time"] - info["Submission Time"],
                    "run": acc.get("internal.metrics.executorRunTime", 0),
                    "gc": acc.get("internal.metrics.jvmGCTime", 0),
                    "in": acc.get("internal.metrics.input.bytesRead", 0),
                    "shr": acc.get("internal.metrics.shuffle.read.remoteBytesRead", 0)
                           + (acc.get("internal.metrics.shuffle.read.localBytesRead", 0) or 0),
                    "shw": acc.get("internal.metrics.shuffle.write.bytesWritten", 0),
                    "shw_ms": (acc.get("internal.metrics.shuffle.write.writeTime", 0) or 0) / 1e6,
                }
    if app_start and app_end:
        print(f"application: {(app_end - app_start) / 1000:.1f} s")
    total_jobs = 0
    for jid in sorted(jobs):
        j = jobs[jid]
        ms = j.get("end", j["start"]) - j["start"]
        total_jobs += ms
        print(f"job {jid:3d} {ms / 1000:7.1f} s  {j['desc'][:90]}")
        for sid in j["stages"]:
            s = stages.get(sid)
            if s:
                print(f"    stage {sid:3d} {s['ms'] / 1000:7.1f} s tasks {s['tasks']:4d} run {s['run'] / 1000:7.1f} s "
                      f"gc {s['gc'] / 1000:5.1f} s in {s['in'] / 1e6:8.1f} MB shuffle r/w "
                      f"{s['shr'] / 1e6:7.1f}/{s['shw'] / 1e6:7.1f} MB  {s['name'][:50]}")
    print(f"jobs total: {total_jobs / 1000:.1f} s")
    listed = sum(len(j["stages"]) for j in jobs.values())
    print(f"jobs {len(jobs)}, stages run {len(stages)} (skipped {listed - len(stages)}), "
          f"tasks {sum(s['tasks'] for s in stages.values())}, inside jobs {total_jobs / 1000:.1f} s")


if __name__ == "__main__":
    main()
