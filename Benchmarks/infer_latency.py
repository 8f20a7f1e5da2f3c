"""Whole-study inference latency (make bench, section `infer`).

For each kind (hand, extremity, spine), runs `lightbox infer` on all the library's studies of that
kind in ONE process, so the first study pays for loading the models and the others are warm. Each
study's `latencyMs` (FindingsEngine.run: image decode, window, letterbox, every view through every
applicable model, post-processing) is reported: the first (cold, with model load) and the median and
max of the rest (warm). Release build; threads 1 and 2. Each configuration runs 3 times and the run
with the lowest warm median is printed (the machine is shared). Goal: warm whole study <= 100 ms.

Usage: python Benchmarks/infer_latency.py LIGHTBOX_BIN LIBRARY [MODELS_DIR]
"""
import json, os, statistics, subprocess, sys


def main():
    bin_, lib = sys.argv[1], sys.argv[2]
    models = sys.argv[3] if len(sys.argv) > 3 else "Models"
    failed = False
    for kind in ("hand", "extremity", "spine"):
        studies = sorted(os.path.join(lib, d) for d in os.listdir(lib) if f"-{kind}-" in d
                         and os.path.exists(os.path.join(lib, d, "study.json")))
        if len(studies) < 2:
            print(f"{kind:10s} fewer than 2 studies in {lib}: nothing to time")
            continue
        for threads in (1, 2):
            runs = []
            for _ in range(3):
                r = subprocess.run([bin_, "infer", *studies, "--json", "--models", models, "--threads", str(threads)],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    break
                out = json.loads(r.stdout)
                out = out if isinstance(out, list) else [out]
                runs.append(out)
            if len(runs) < 3:
                print(f"{kind:10s} infer failed: {r.stderr.strip()[:200]}")
                failed = True
                continue
            out = min(runs, key=lambda o: statistics.median([s["latencyMs"] for s in o[1:]]))
            lat = [o["latencyMs"] for o in out]
            names = ",".join(m["name"] for m in out[0].get("models", []))
            views = sum(len(o.get("fracture", {}).get("perImage", [])) for o in out) / len(out)
            warm = lat[1:]
            extra = f", {views:.1f} views/study" if views else ""
            print(f"{kind:10s} threads {threads}  models {names}{extra}: cold {lat[0]:.1f} ms (model load), "
                  f"warm median {statistics.median(warm):.1f} ms, max {max(warm):.1f} ms over {len(warm)} studies "
                  f"(goal <= 100 ms) {'OK' if statistics.median(warm) <= 100 else 'OVER'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
