"""Token features of the refs tagger (a linear-chain CRF over the
whitespace-separated tokens of one reference).

This module is the training side's definition; cpp/src/read/refs_crf_features.cpp
is the decoder's, and the two must give the same strings for every token
(tests/python/test_refs_crf.py compares them). Every test on characters is
therefore written on ASCII classes only, the way the C++ reads bytes: a
non-ASCII character is one "u" (a letter of some script), except the quotes
and dashes that `NORMALISE` maps to ASCII first.

Features are general (shape, punctuation, small closed word lists, position,
neighbours) rather than memorised titles or venues: the held-out sets are in
other styles.
"""

from __future__ import annotations

# Typographic quotes and dashes read as their ASCII forms.
NORMALISE = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
}

MONTHS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
          "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
          "december", "spring", "summer", "fall", "autumn", "winter"}
VENUE = {"proc", "proceedings", "journal", "j", "conference", "conf", "symposium", "symp", "workshop", "trans",
         "transactions", "review", "rev", "letters", "lett", "annals", "ann", "bulletin", "bull", "acta",
         "magazine", "mag", "quarterly", "international", "intl", "int", "meeting", "congress", "studies",
         "research", "science", "sciences", "report", "reports", "advances", "adv", "forum", "zeitschrift",
         "archives", "arch", "newsletter", "series", "lecture", "notes", "am", "soc", "society", "assoc",
         "association", "natl", "national", "academy", "acad", "annual", "ieee", "acm", "siam", "physical",
         "phys", "chem", "med", "psychol", "engineering", "eng", "computer", "comput", "applied", "appl"}
PUBLISHER = {"press", "publishers", "publisher", "publishing", "publ", "pub", "verlag", "books", "springer",
             "elsevier", "wiley", "university", "univ", "inc", "ltd", "co", "company", "corp", "academic",
             "routledge", "sage", "pearson", "mcgraw", "hill", "kluwer", "blackwell", "oxford", "cambridge",
             "prentice", "hall", "addison", "wesley", "norton", "penguin", "random", "house", "edition", "editions",
             "gmbh", "llc"}
PARTICLE = {"van", "von", "de", "der", "den", "la", "le", "di", "da", "du", "del", "della", "dos", "das", "des",
            "ter", "ten", "zu", "y", "st", "mac", "af", "el", "bin", "ibn"}
EDITOR = {"ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "herausgegeben", "coord", "dir", "comp"}
PAGEWORD = {"pp", "p", "pages", "page", "s", "pgs"}
VOLWORD = {"vol", "volume", "vols", "bd", "no", "nr", "issue", "number", "num", "iss", "n", "t", "tome"}
ETAL = {"et", "al", "etal"}
AND = {"and", "und", "et", "y", "&"}
THESIS = {"thesis", "dissertation", "phd", "diss", "master", "masters", "doctoral", "ph"}
EDITION = {"edn", "edition", "ed", "rev", "revised", "2nd", "3rd"}
IDWORD = {"doi", "http", "https", "www", "url", "isbn", "issn", "arxiv", "retrieved", "available", "accessed"}
IN = {"in"}

DICTS = (("month", MONTHS), ("venue", VENUE), ("publ", PUBLISHER), ("part", PARTICLE), ("edit", EDITOR),
         ("pagew", PAGEWORD), ("volw", VOLWORD), ("etal", ETAL), ("and", AND), ("thesis", THESIS),
         ("edn", EDITION), ("idw", IDWORD), ("in", IN))


def split_tokens(text: str) -> list[str]:
    """Whitespace-separated tokens (ASCII whitespace only, as the C++)."""
    out, cur = [], []
    for ch in text:
        if ch in " \t\n\r\f\v":
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def _cls(ch: str) -> str:
    o = ord(ch)
    if o >= 0x80:
        return "u"
    if "A" <= ch <= "Z":
        return "X"
    if "a" <= ch <= "z":
        return "x"
    if "0" <= ch <= "9":
        return "d"
    return ch


def _alnum(ch: str) -> bool:
    return _cls(ch) in ("X", "x", "d", "u")


def _lower(s: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def _is_year(core: str) -> bool:
    # 1500-2099, maybe with a letter ("2011a")
    s = core[:-1] if len(core) == 5 and "a" <= core[4] <= "z" else core
    if len(s) != 4 or not all("0" <= c <= "9" for c in s):
        return False
    return (s[0] == "1" and s[1] >= "5") or (s[0] == "2" and s[1] == "0")


class Token:
    __slots__ = ("norm", "core", "lower", "shape", "first", "last", "flags")


def _token(raw: str) -> Token:
    t = Token()
    t.norm = "".join(NORMALISE.get(c, c) for c in raw)
    n = t.norm
    b, e = 0, len(n)
    while b < e and not _alnum(n[b]):
        b += 1
    while e > b and not _alnum(n[e - 1]):
        e -= 1
    t.core = n[b:e]
    t.lower = _lower(t.core)
    shape = []
    for c in n:
        k = _cls(c)
        if not shape or shape[-1] != k:
            shape.append(k)
    t.shape = "".join(shape[:8])
    t.first = n[0] if not _alnum(n[0]) else "a"
    t.last = n[-1] if not _alnum(n[-1]) else "a"
    core = t.core
    digits = sum(1 for c in core if "0" <= c <= "9")
    uppers = sum(1 for c in core if "A" <= c <= "Z")
    lowers = sum(1 for c in core if "a" <= c <= "z")
    flags = []
    if _is_year(core):
        flags.append("year")
    if core and digits == len(core):
        flags.append("num")
    elif digits:
        flags.append("hasdig")
    dash = core.find("-")
    if 0 < dash < len(core) - 1 and all("0" <= c <= "9" for c in core[:dash]) and \
            all("0" <= c <= "9" for c in core[dash + 1:]):
        flags.append("range")
    if len(core) == 1 and uppers == 1 and e < len(n) and n[e] == ".":
        flags.append("init")
    if len(core) >= 3 and all(c == "." or "A" <= c <= "Z" for c in core) and "." in core:
        flags.append("inits")  # "J.A", "J.-P" read as letters and dots
    if uppers >= 2 and lowers == 0 and digits == 0:
        flags.append("caps")
    elif uppers and core and "A" <= core[0] <= "Z" and lowers:
        flags.append("cap")
    elif core and "a" <= core[0] <= "z":
        flags.append("low")
    if n.startswith("http") or n.startswith("www.") or n.startswith("doi:") or n.startswith("10."):
        flags.append("link")
    if len(core) >= 3 and digits and core[-2:] in ("st", "nd", "rd", "th") and \
            all("0" <= c <= "9" for c in core[:-2]):
        flags.append("ord")
    for name, words in DICTS:
        if t.lower in words:
            flags.append("d:" + name)
    t.flags = flags
    return t


def _bucket(k: int) -> str:
    return str(k) if k <= 4 else "5-7" if k <= 7 else "8+"


def _sentence_end(t: Token) -> bool:
    # a period after a word that is not an initial, or "?" / "!"
    if t.last in "?!":
        return True
    return t.last == "." and "init" not in t.flags and "inits" not in t.flags


def rule_regions(text: str) -> list[str]:
    """The rule-based splitter's cut, one region per token ("pre", "title",
    "mid", "cont", "post", "none"): computed by the C++ core (the installed
    scholarmerge), so training and decoding see the same regions."""
    import scholarmerge as sm

    return sm._core._refs_rule_regions(text)


SEGMENT_END = ",;:?!\")]"


def _ends_segment(t: Token) -> bool:
    # a comma, colon, closing quote or parenthesis, or a sentence end
    return t.last in SEGMENT_END or _sentence_end(t)


def _cap_bucket(caps: int, n: int) -> str:
    # how title-cased the segment is: none, under a third, under two thirds, more, all
    if caps == 0:
        return "0"
    if caps == n:
        return "all"
    return "lo" if 3 * caps < n else "mid" if 3 * caps < 2 * n else "hi"


def segments(toks: list[Token]) -> list[tuple[int, int]]:
    """(begin, end) token ranges between punctuation (see _ends_segment)."""
    out, b = [], 0
    for i, t in enumerate(toks):
        if _ends_segment(t) or i == len(toks) - 1:
            out.append((b, i + 1))
            b = i + 1
    return out


def features(text: str) -> tuple[list[str], list[list[str]]]:
    """The tokens of `text` and, for each, its feature strings (in order)."""
    raw = split_tokens(text)
    regions = rule_regions(text)
    toks = [_token(r) for r in raw]
    n = len(toks)
    out = []
    # the segment features of every token: where it stands between punctuation
    seg_feats: list[list[str]] = []
    in_seen = False
    for k, (b, e) in enumerate(segments(toks)):
        caps = sum(1 for t in toks[b:e] if "cap" in t.flags or "caps" in t.flags)
        year = any("year" in t.flags for t in toks[b:e])
        common = ["segw=" + toks[b].lower[:24], "seglen=" + _bucket(e - b), "segend=" + toks[e - 1].last,
                  "segno=" + _bucket(k), "segcap=" + _cap_bucket(caps, e - b)]
        if year:
            common.append("segyear")
        if in_seen:
            common.append("inseen")
        for i in range(b, e):
            seg_feats.append(common + ["segpos=" + _bucket(i - b)])
        if toks[b].lower == "in":
            in_seen = True
    quotes = 0  # double quotes seen before the token
    depth = 0  # open parentheses / brackets before the token
    year_seen = False
    sentences = 0  # sentence ends before the token
    for i, t in enumerate(toks):
        f = ["bias", "w=" + t.lower[:24], "sh=" + t.shape, "f=" + t.first, "l=" + t.last,
             "s3=" + t.lower[-3:], "len=" + _bucket(len(t.core)), "pos=" + str(10 * i // n)]
        if i == 0:
            f.append("first")
        if i == n - 1:
            f.append("last")
        f += t.flags
        if quotes % 2:
            f.append("inq")
        if depth > 0:
            f.append("inpar")
        if year_seen:
            f.append("yseen")
        if quotes >= 2:
            f.append("qclosed")
        for k in (-3, -2, -1, 1, 2, 3):
            j = i + k
            if 0 <= j < n:
                o = toks[j]
                f.append(f"w[{k}]=" + o.lower[:24])
                if k in (-1, 1):
                    f.append(f"sh[{k}]=" + o.shape)
                    f.append(f"l[{k}]=" + o.last)
                    f.append(f"f[{k}]=" + o.first)
                    f += [f"{x}[{k}]" for x in o.flags]
            else:
                f.append(f"w[{k}]=<none>")
        f.append("w[-1]|w=" + (toks[i - 1].lower[:24] if i else "^") + "|" + t.lower[:24])
        f.append("w|w[1]=" + t.lower[:24] + "|" + (toks[i + 1].lower[:24] if i + 1 < n else "$"))
        f += seg_feats[i]
        prev_last = toks[i - 1].last if i else "^"
        f.append("l[-1]|sh=" + prev_last + "|" + t.shape)
        f.append("l[-1]|l=" + prev_last + "|" + t.last)
        f.append("nseg=" + _bucket(sentences))
        r = regions[i]
        f.append("rule=" + r)
        f.append("rule|l[-1]=" + r + "|" + prev_last)
        f.append("rule[-1]|rule=" + (regions[i - 1] if i else "^") + "|" + r)
        f.append("rule[1]=" + (regions[i + 1] if i + 1 < n else "$"))
        if _sentence_end(t):
            sentences += 1
        out.append(f)
        for c in t.norm:
            if c == '"':
                quotes += 1
            elif c in "([":
                depth += 1
            elif c in ")]" and depth > 0:
                depth -= 1
        if "year" in t.flags:
            year_seen = True
    return raw, out
