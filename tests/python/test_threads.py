"""The Python API called from several threads at once (the GIL is released in C++)."""

from concurrent.futures import ThreadPoolExecutor

import scholarmerge as sm


def test_concurrent_reads_and_dedupes(seeds_dir):
    expected = sm.read(seeds_dir, year=2026)
    titles = [w.title for w in expected]
    expected_labels = sm.dedupe(titles).tolist()

    def job(i):
        corpus = sm.read(seeds_dir, year=2026)
        labels = sm.dedupe(corpus).tolist()
        names = sm.parse_names([a.raw for w in corpus for a in w.authors])
        return [w.title for w in corpus], labels, len(names), sm.dedupe(titles).tolist()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(job, range(32)))
    n_authors = sum(len(w.authors) for w in expected)
    for got_titles, labels, n_names, title_labels in results:
        assert got_titles == titles
        assert labels == sm.dedupe(expected).tolist()
        assert n_names == n_authors
        assert title_labels == expected_labels
