#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Draws the figures of an ngosearch-bench --json file: indexing throughput against threads
(with the same-run baselines as lines) and the per-stage breakdown. Needs Debian's
python3-matplotlib.

    plot_bench.py bench.json [--out PREFIX] [--formats png,svg]

writes PREFIX-threads.png/.svg and PREFIX-stages.png/.svg (PREFIX defaults to the JSON file's
name without .json).
"""
import argparse
import json
import sys
from pathlib import Path


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        sys.exit(f"plot_bench: error: cannot read {path}: {e}")


def subtitle(data):
    m, c = data["machine"], data["corpus"]
    return (f"{c['bytes'] / 1048576:.0f} MB, {c['docs']:,} documents; {m['cpu']}, "
            f"{m['hardware_threads']} threads; load {m['load_average_start']:.1f}–"
            f"{m.get('load_average_end', float('nan')):.1f}; {m['date'][:10]}")


def plot_threads(plt, data, out, formats):
    runs = [r for r in data["runs"] if "mb_per_s" in r]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for tag, style in ((True, "o-"), (False, "s--")):
        points = sorted((r["threads"], r["mb_per_s"]) for r in runs
                        if r.get("kind") == "ngosearch" and r.get("part") == "all" and r.get("tag") == tag)
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], style,
                    label=f"ngosearch, tagging {'on' if tag else 'off'}")
    baselines = [r for r in runs if r.get("kind") in ("xapian", "lucene") and r.get("part") == "all"]
    for i, r in enumerate(baselines):
        color = f"C{i + 2}"
        ax.axhline(r["mb_per_s"], linestyle=":", linewidth=1.2, color=color)
        ax.text(ax.get_xlim()[0], r["mb_per_s"], " " + r["name"], va="bottom", fontsize=7, color=color)
    threads = sorted({r["threads"] for r in runs if r.get("kind") == "ngosearch"})
    if threads:
        ax.set_xticks(threads)
    ax.set_xlabel("threads")
    ax.set_ylabel("MB/s (whole corpus, end to end)")
    ax.set_ylim(bottom=0)
    ax.set_title("Indexing throughput against threads\n" + subtitle(data), fontsize=9)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return save(fig, plt, out + "-threads", formats)


def plot_stages(plt, data, out, formats):
    stages = (data.get("stages") or {}).get("stages") or []
    if not stages:
        return []
    fig, ax = plt.subplots(figsize=(7, 4.5))
    # CPU time when the bench measured it: on a shared machine the wall clock also counts the
    # time other programs had the core.
    cpu = all("cpu_seconds" in s for s in stages)
    key, rate = ("cpu_seconds", "mb_per_cpu_s") if cpu else ("seconds", "mb_per_s")
    names = [s["stage"] for s in stages][::-1]
    seconds_per_mb = [s[key] / (s["bytes"] / 1048576) if s["bytes"] else 0 for s in stages][::-1]
    bars = ax.barh(names, seconds_per_mb)
    for bar, s in zip(bars, stages[::-1]):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2,
                f" {s[rate]:.1f} MB per {'CPU-' if cpu else ''}s", va="center", fontsize=7)
    ax.set_xlabel(f"{'CPU-' if cpu else ''}seconds per MB of text (one thread)")
    ax.set_title("Where indexing time goes, per stage\n" + subtitle(data), fontsize=9)
    ax.margins(x=0.2)
    fig.tight_layout()
    return save(fig, plt, out + "-stages", formats)


def save(fig, plt, stem, formats):
    written = []
    for fmt in formats:
        path = f"{stem}.{fmt}"
        fig.savefig(path, dpi=120)
        written.append(path)
    plt.close(fig)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("json")
    parser.add_argument("--out", help="prefix of the image files")
    parser.add_argument("--formats", default="png,svg", help="comma-separated: png, svg, pdf")
    args = parser.parse_args()
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        sys.exit("plot_bench: error: matplotlib is missing (Debian: apt-get install python3-matplotlib)")
    data = load(args.json)
    for key in ("machine", "corpus", "runs"):
        if key not in data:
            sys.exit(f"plot_bench: error: {args.json} is not an ngosearch-bench --json file (no '{key}')")
    out = args.out or str(Path(args.json).with_suffix(""))
    formats = [f for f in args.formats.split(",") if f]
    written = plot_threads(plt, data, out, formats) + plot_stages(plt, data, out, formats)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
