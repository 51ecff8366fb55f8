"""Every public function, and the Corpus and Merged classes, document an example
that runs: the docstrings of the installed package, run as doctests."""

import doctest

import pytest
import scholarmerge as sm

# Functions of sm.__all__ (classes and exceptions are documented by their methods' examples).
PUBLIC_FUNCTIONS = sorted(n for n in sm.__all__ if callable(getattr(sm, n)) and not isinstance(getattr(sm, n), type))
DOCUMENTED_CLASSES = ["Corpus", "Merged"]


def _run(name: str, recurse: bool) -> int:
    """Runs the examples of sm.<name>; returns how many there were."""
    finder = doctest.DocTestFinder(recurse=recurse, exclude_empty=True)
    tests = finder.find(getattr(sm, name), f"scholarmerge.{name}", globs={"sm": sm})
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for t in tests:
        runner.run(t)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} example(s) of sm.{name} failed (output above)"
    return results.attempted


def test_the_public_functions_are_found():
    assert {"read", "read_text", "dedupe", "merge", "explain", "parse_name", "formats"} <= set(PUBLIC_FUNCTIONS)


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_every_public_function_has_an_example_that_runs(name):
    assert _run(name, recurse=False) > 0, f"sm.{name} has no example in its docstring"


@pytest.mark.parametrize("name", DOCUMENTED_CLASSES)
def test_the_main_classes_have_examples_that_run(name):
    assert _run(name, recurse=True) > 0
