import numpy as np
import pandas as pd

import scholarmerge as sm


def test_parse_name_markup():
    a = sm.parse_name("**Z. Yao<sup>*</sup>**")
    assert (a.display, a.surname, a.initials) == ("Z. Yao", "Yao", "Z")
    assert a.highlighted and a.equal_contribution


def test_parse_names_batch_and_frame():
    names = sm.parse_names(pd.Series(["Zhewei Yao", "M. W. Mahoney", "seung-won hwang"]))
    assert names.surname == ["Yao", "Mahoney", "Hwang"]
    assert list(names.to_pandas()["initials"]) == ["Z", "MW", "SW"]
    assert len(sm.parse_names(np.array(["A B"]))) == 1


def test_same_author_accepts_strings():
    assert sm.same_author("Z. Yao", "Zhewei Yao") >= sm.SAME_AUTHOR_THRESHOLD
    assert sm.same_author("Zhen Zheng", "Zhangcheng Zheng") < sm.SAME_AUTHOR_THRESHOLD


def test_titles():
    assert sm.normalize_title("HAWQ-V3: Dyadic") == sm.normalize_title("HAWQV3: Dyadic")
    assert sm.title_similarity("a b", "a b") == 1.0


def test_dedupe_inputs():
    labels = sm.dedupe(["What’s Hidden", "Other", "What's hidden"])
    assert labels.dtype == np.int64
    assert labels.tolist() == [0, 1, 0]
    df = pd.DataFrame({"title": ["X y", "x Y"], "year": [2020, 2020]})
    assert sm.dedupe(df).tolist() == [0, 0]
