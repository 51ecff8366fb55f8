"""Reading OpenAlex-like JSON Lines, side by side in one process on the same file:

- scholarmerge: ``sm.read(path, format="openalex")`` into a Corpus (1 and 2 threads);
- Python's ``json`` and ``orjson``: parse each line and build the same record
  (title, year, date, venue, bare ids, authors with id and affiliations, the
  inverted abstract rebuilt, type, citations, volume, issue and pages). Ours also parses every author
  name (given, surname, initials, key), which the baselines skip;
- the ceiling: simdjson On-Demand visiting every value of every line, no records.

    python bench/bench_json.py [--mb 100] [--seed 0] [--stream 10] [--repeat 1] [--shape abstracts|authors]

--shape authors writes the author-heavy file instead: 6 to 12 authors per
work and short abstracts (up to 30 words), where names and authorships, not
abstracts, are most of the work. A row "orjson, bare loads" parses every
line and builds nothing (the floor's baseline).

--repeat N times each reader N times (in turn) and keeps its best time: on
a shared machine the best run is the one least disturbed.

--stream K also reads the file repeated K times (K x 100 MB) with
sm.read_batches in a child process and prints its peak memory: bounded by
the pieces in flight, not by the file.

The file is generated once (bench/.cache/) with a realistic field mix: up to 20
authors with institutions, inverted abstracts, referenced works, locations,
biblio (volume, issue, pages).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time

CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")

WORDS = ("learning neural network model data efficient robust scalable graph quantization transformer language "
         "inference training optimization distributed query processing database sensor probabilistic analysis "
         "deep large sparse adaptive federated privacy secure retrieval ranking vision speech generative theory "
         "approximate algorithm complexity bounds stochastic gradient convex system memory hardware compiler").split()
GIVEN = "Zhewei Yuxiong Kurt Amir Michael Ana Suchin Noah Łukasz José Hans-Jörg Seung-won Christopher Dan Mei".split()
SURNAMES = "Yao He Keutzer Gholami Mahoney Marasović Gururangan Smith Kaiser Cruz Schek Hwang Ré Suciu Müller".split()
INSTITUTIONS = ["Microsoft (United States)", "University of California, Berkeley", "Cornell University",
                "ETH Zurich", "Tsinghua University", "Allen Institute for Artificial Intelligence"]
VENUES = ["arXiv (Cornell University)", "Neural Information Processing Systems", "ACM SIGMOD Record",
          "International Conference on Machine Learning", "Proceedings of the VLDB Endowment"]


def openalex_work(rng: random.Random, i: int, shape: str = "abstracts") -> dict:
    title_words = [rng.choice(WORDS) for _ in range(rng.randint(4, 14))]
    if shape == "authors":
        n_authors = rng.randint(6, 12)
    else:
        n_authors = min(20, max(1, int(rng.expovariate(1 / 5))))
    authorships = []
    for k in range(n_authors):
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        inst = [{"id": f"https://openalex.org/I{rng.randint(1, 10**8)}", "display_name": rng.choice(INSTITUTIONS),
                 "ror": "https://ror.org/00d0nc645", "country_code": "US", "type": "education"}
                for _ in range(rng.randint(0, 2))]
        authorships.append({
            "author_position": "first" if k == 0 else "last" if k == n_authors - 1 else "middle",
            "author": {"id": f"https://openalex.org/A{rng.randint(1, 10**10)}", "display_name": name,
                       "orcid": f"https://orcid.org/0000-0002-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
                       if rng.random() < 0.3 else None},
            "institutions": inst, "countries": ["US"] * len(inst), "is_corresponding": k == 0,
            "raw_author_name": name, "raw_affiliation_strings": [x["display_name"] for x in inst]})
    abstract = [rng.choice(WORDS) for _ in range(rng.randint(0, 30 if shape == "authors" else 250))]
    inverted: dict = {}
    for pos, w in enumerate(abstract):
        inverted.setdefault(w, []).append(pos)
    year = rng.randint(1990, 2024)
    wid = f"https://openalex.org/W{10**9 + i}"
    doi = f"https://doi.org/10.{rng.randint(1000, 9999)}/{rng.randint(10**5, 10**7)}" if rng.random() < 0.8 else None
    return {
        "id": wid, "doi": doi, "title": " ".join(title_words).capitalize(), "display_name": " ".join(title_words).capitalize(),
        "publication_year": year, "publication_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "ids": {"openalex": wid, "doi": doi, "mag": rng.randint(10**9, 10**10)},
        "language": "en", "type": rng.choice(["article", "preprint", "book-chapter"]),
        "primary_location": {"is_oa": True, "landing_page_url": doi, "pdf_url": None,
                             "source": {"id": "https://openalex.org/S1", "display_name": rng.choice(VENUES),
                                        "type": "journal"}},
        "authorships": authorships, "cited_by_count": rng.randint(0, 5000),
        "biblio": biblio(rng),
        "abstract_inverted_index": inverted or None,
        "referenced_works": [f"https://openalex.org/W{rng.randint(1, 10**9)}" for _ in range(rng.randint(0, 40))],
        "concepts": [{"id": "https://openalex.org/C41008148", "display_name": "Computer science", "level": 0,
                      "score": round(rng.random(), 4)} for _ in range(rng.randint(0, 4))],
        "updated_date": "2024-01-01T00:00:00.000000",
    }


def biblio(rng: random.Random) -> dict:
    """Volume, issue and pages as OpenAlex gives them: strings, often null (preprints)."""
    if rng.random() < 0.3:
        return {"volume": None, "issue": None, "first_page": None, "last_page": None}
    first = rng.randint(1, 2000)
    return {"volume": str(rng.randint(1, 120)), "issue": str(rng.randint(1, 12)) if rng.random() < 0.7 else None,
            "first_page": str(first), "last_page": str(first + rng.randint(0, 40)) if rng.random() < 0.9 else None}


def make_file(mb: int, seed: int, shape: str = "abstracts") -> str:
    os.makedirs(CACHE, exist_ok=True)
    kind = "" if shape == "abstracts" else "authors_"
    path = os.path.join(CACHE, f"openalex_v2_{kind}{mb}mb_{seed}.jsonl")  # v2: with biblio
    if os.path.exists(path):
        return path
    rng = random.Random(seed)
    size, i = 0, 0
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        while size < mb << 20:
            line = json.dumps(openalex_work(rng, i, shape), ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            i += 1
    os.replace(path + ".tmp", path)
    return path


def bare(url):
    return url.rsplit("/", 1)[-1] if url else ""


def build_record(d: dict) -> dict:
    """What a Python user writes to get the fields our reader fills."""
    inverted = d.get("abstract_inverted_index") or {}
    words = sorted((p, w) for w, ps in inverted.items() for p in ps)
    loc = d.get("primary_location") or {}
    ids = {"openalex": bare(d.get("id"))}
    if d.get("doi"):
        ids["doi"] = d["doi"].removeprefix("https://doi.org/").lower()
    bib = d.get("biblio") or {}
    extra = {k: bib[k] for k in ("volume", "issue") if bib.get(k)}
    if bib.get("first_page"):
        last = bib.get("last_page")
        extra["pages"] = bib["first_page"] + ("-" + last if last and last != bib["first_page"] else "")
    return {
        "title": d.get("title") or d.get("display_name") or "",
        "year": d.get("publication_year"), "date": d.get("publication_date"),
        "venue": (loc.get("source") or {}).get("display_name", ""),
        "ids": ids, "category": d.get("type"), "citations": d.get("cited_by_count"), "extra": extra,
        "abstract": " ".join(w for _, w in words),
        "authors": [{"display": (a.get("author") or {}).get("display_name") or a.get("raw_author_name"),
                     "raw": a.get("raw_author_name"),
                     "id": bare((a.get("author") or {}).get("orcid") or (a.get("author") or {}).get("id")),
                     "affiliations": [i["display_name"] for i in a.get("institutions") or []]}
                    for a in d.get("authorships") or []],
    }


def read_python(path: str, loads) -> list:
    records = []
    with open(path, "rb") as f:
        for line in f:
            records.append(build_record(loads(line)))
    return records


def loads_only(path: str, loads) -> tuple:
    """Every line parsed, nothing built: (lines,)."""
    n = 0
    with open(path, "rb") as f:
        for line in f:
            loads(line)
            n += 1
    return (n,)


def timed(fn):
    """Seconds to produce the result; freeing it is not timed, for any reader."""
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    n = result[0] if isinstance(result, tuple) else len(result)
    del result
    return n, seconds


def kernels_line(k: dict) -> str:
    """Which simdjson kernels ran: stage 1 and strings by CPU, the On-Demand front end by compiler flags."""
    return (f"simdjson kernels, the same for the ceiling and ours: {k['runtime']} for stage 1 and strings "
            f"(chosen at run time), {k['on_demand']} for the On-Demand front end (chosen at compile time)")


def stream(path: str, times: int) -> None:
    import resource

    import scholarmerge as sm

    big = path.replace(".jsonl", f"_x{times}.jsonl")
    if not os.path.exists(big):
        import shutil

        with open(big + ".tmp", "wb") as out:  # copied in pieces: the children forked below inherit our memory
            for _ in range(times):
                with open(path, "rb") as f:
                    shutil.copyfileobj(f, out, 8 << 20)
        os.replace(big + ".tmp", big)
    gb = os.path.getsize(big) / 2**30
    print(f"Streaming {gb:.1f} GB with sm.read_batches (batch_mb=32), each run in its own process:\n")
    print("| threads | works | s | MB/s | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|")
    for threads in (1, 2):
        pid = os.fork()
        if pid == 0:
            t0 = time.perf_counter()
            n = sum(len(b) for b in sm.read_batches(big, format="openalex", threads=threads))
            s = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {threads} | {n:,} | {s:.2f} | {gb * 1024 / s:,.0f} | {peak:,.0f} |", flush=True)
            os._exit(0)
        os.waitpid(pid, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--stream", type=int, default=0, help="also stream the file repeated this many times")
    ap.add_argument("--repeat", type=int, default=1, help="time each reader this many times, keep the best")
    ap.add_argument("--shape", choices=("abstracts", "authors"), default="abstracts")
    args = ap.parse_args()

    import orjson

    import scholarmerge as sm
    from scholarmerge import _core

    path = make_file(args.mb, args.seed, args.shape)
    mb = os.path.getsize(path) / 2**20
    # Streaming first, while this process is small: its children inherit its memory.
    if args.stream:
        stream(path, args.stream)
        print()
    readers = [
        ("simdjson On-Demand, every value visited (ceiling)", lambda: _core._bench_parse_json_lines(path)),
        ("scholarmerge sm.read, 1 thread", lambda: sm.read(path, format="openalex", progress=False)),
        ("scholarmerge sm.read, 2 threads", lambda: sm.read(path, format="openalex", threads=2, progress=False)),
        ("orjson, bare loads (builds nothing)", lambda: loads_only(path, orjson.loads)),
        ("orjson + build records", lambda: read_python(path, orjson.loads)),
        ("json + build records", lambda: read_python(path, json.loads)),
    ]
    best = {}
    for _ in range(max(1, args.repeat)):
        for name, fn in readers:
            n, s = timed(fn)
            best[name] = (n, min(s, best.get(name, (n, s))[1]))
    rows = [(name, *best[name]) for name, _ in readers]
    ours = rows[1][2]
    print(f"OpenAlex-like JSON Lines: {mb:.0f} MB, {rows[1][1]:,} works ({os.path.basename(path)})")
    print(kernels_line(_core._bench_simdjson_kernels()))
    repeat = f", best of {args.repeat} runs each" if args.repeat > 1 else ""
    print(f"One process{repeat}.\n")
    print("| reader | works | s | MB/s | works/s | time / ours (1 thread) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, s in rows:
        print(f"| {name} | {n:,} | {s:.2f} | {mb / s:,.0f} | {n / s:,.0f} | {s / ours:.2f}x |")



if __name__ == "__main__":
    main()
